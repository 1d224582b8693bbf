// Select (tf.where(cond, x, y)): x and y of one shape; cond of that shape, a scalar, or a vector selecting rows.
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { binaryOperands, isTensorValue, toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { boolSafe, runtimeError } from './util.ts';
import { zeros_like } from './zeros_like.ts';

const fmt = (s: Dim[]) => `[${s.map((d) => d ?? '?').join(',')}]`;

export const Select = defineOp({
  type: 'Select',
  infer: (ctx) => {
    const [c, x, y] = ctx.inputs;
    if (c.dtype !== 'bool') throw new TypeError(`Input 'condition' of 'Select' Op has type ${c.dtype} that does not match expected type of bool.`);
    if (x.dtype !== y.dtype) throw new TypeError(`Input 'e' of 'Select' Op has type ${y.dtype} that does not match type ${x.dtype} of argument 't'.`);
    let shape: Dim[] | null = x.staticShape;
    const ys = y.staticShape;
    if (shape !== null && ys !== null) {
      if (shape.length !== ys.length) ctx.fail(`Shapes must be equal rank, but are ${shape.length} and ${ys.length}`);
      shape = shape.map((d, i) => {
        if (d !== null && ys[i] !== null && d !== ys[i]) ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${d} and ${ys[i]}. Shapes are ${fmt(x.staticShape!)} and ${fmt(ys)}`);
        return d ?? ys[i];
      });
    } else shape = shape ?? ys;
    const cs = c.staticShape;
    if (cs !== null && shape !== null && cs.length !== 0) {
      if (cs.length === 1 && shape.length > 1) {
        if (cs[0] !== null && shape[0] !== null && cs[0] !== shape[0]) ctx.fail(`Dimensions must be equal, but are ${cs[0]} and ${shape[0]}`);
      } else {
        if (cs.length !== shape.length) ctx.fail(`Shapes must be equal rank, but are ${cs.length} and ${shape.length}`);
        cs.forEach((d, i) => {
          if (d !== null && shape![i] !== null && d !== shape![i]) ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${d} and ${shape![i]}. Shapes are ${fmt(cs)} and ${fmt(shape!)}`);
        });
        shape = shape.map((d, i) => d ?? cs[i]);
      }
    }
    return [{ dtype: x.dtype, shape }];
  },
  kernel: (ctx) => {
    const [c, x, y] = ctx.inputs;
    if (x.shape.join(',') !== y.shape.join(',')) throw runtimeError(ctx, `'then' and 'else' must have the same size.  but received: [${x.shape}] vs. [${y.shape}]`);
    const ok = c.shape.length === 0 || c.shape.join(',') === x.shape.join(',') || (c.shape.length === 1 && c.shape[0] === x.shape[0]);
    if (!ok) throw runtimeError(ctx, `'cond' and 'then' shapes are incompatible: [${c.shape}] vs. [${x.shape}]`);
    if (c.shape.length === 0) return [ctx.keep(ctx.read(c)[0] ? x : y)];
    let cond = c;
    if (c.shape.length === 1 && x.shape.length > 1) {
      // A vector selects rows: broadcast it to x's shape explicitly (tfjs's row mode is unreliable).
      const ones = x.shape.slice(1).map(() => 1);
      const col = ctx.call('Reshape', { x: c }, { shape: [c.shape[0], ...ones] });
      cond = ctx.call('Tile', { x: col }, { reps: [1, ...x.shape.slice(1)] });
    }
    return [boolSafe(ctx, [x, y], ([t, e]) => ctx.call('Select', { condition: cond, t, e }))];
  },
  // dy flows to the branch each element was taken from; none for the condition.
  grad: (op, [dy]) => {
    const [c] = op.inputs;
    const z = zeros_like(dy!);
    return [null, select(c, dy!, z), select(c, z, dy!)];
  },
});

/** tf.where(condition, x, y) with x and y: Select. */
export function select(condition: unknown, x: unknown, y: unknown, name?: string): Tensor {
  const c = isTensorValue(condition) ? toTensor(condition) : toTensor(condition, { dtype: 'bool' });
  const [a, b] = binaryOperands(x, y, 'Select');
  return makeOp('Select', [c, a, b], {}, { name, defaultName: 'Select' }).outputs[0];
}
