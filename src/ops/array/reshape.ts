// Reshape (tf.reshape): row-major reinterpretation; at most one -1 dim, inferred so element counts match.
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { shape as shapeOf } from './shape.ts';
import { intArg, opScope, partialValue, runtimeError, readInts, type NameOpt } from './util.ts';

const fmt = (v: (number | null)[]) => `[${v.map((d) => (d === null || d < 0 ? '?' : d)).join(',')}]`;

export const Reshape = defineOp({
  type: 'Reshape',
  infer: (ctx) => {
    const [x, shapeT] = ctx.inputs;
    if (shapeT.staticShape !== null && shapeT.staticShape.length > 1) {
      ctx.fail(`Shape must be rank 1 but is rank ${shapeT.staticShape.length}`);
    }
    const want = partialValue(shapeT);
    if (want === null) return [{ dtype: x.dtype, shape: null }];
    const minus = want.filter((d) => d === -1).length;
    if (minus > 1) ctx.fail(`Cannot infer multiple unknown dimensions in shape ${fmt(want)}`);
    for (const d of want) if (d !== null && d < -1) ctx.fail(`Size ${want.indexOf(d)} must be non-negative, not ${d}`);
    const inShape = x.staticShape;
    const inCount = inShape && inShape.every((d) => d !== null) ? inShape.reduce<number>((a, d) => a * d!, 1) : null;
    const known = want.every((d) => d !== null);
    const prod = want.reduce<number>((a, d) => (d !== null && d >= 0 ? a * d : a), 1);
    const out: Dim[] = want.map((d) => (d === null || d < 0 ? null : d));
    if (inCount !== null && known) {
      if (minus === 0 && prod !== inCount) {
        ctx.fail(`Cannot reshape a tensor with ${inCount} elements to shape ${fmt(want)} (${prod} elements)`);
      }
      if (minus === 1) {
        if (prod === 0 ? inCount !== 0 : inCount % prod !== 0) {
          ctx.fail(`Cannot reshape a tensor with ${inCount} elements to shape ${fmt(want)} (${prod} elements)`);
        }
        out[want.indexOf(-1)] = prod === 0 ? 0 : inCount / prod;
      }
    }
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const want = readInts(ctx, 1);
    const n = x.shape.reduce((a, d) => a * d, 1);
    const prod = want.reduce((a, d) => (d >= 0 ? a * d : a), 1);
    const minus = want.indexOf(-1);
    const shape = [...want];
    if (minus >= 0 && prod > 0 && n % prod === 0) shape[minus] = n / prod;
    else if (minus >= 0 && prod === 0 && n === 0) shape[minus] = 0;
    if (shape.some((d) => d < 0) || shape.reduce((a, d) => a * d, 1) !== n) {
      throw runtimeError(ctx, `Input to reshape is a tensor with ${n} values, but the requested shape ${minus >= 0 ? `requires a multiple of ${prod}` : `has ${prod}`}`);
    }
    return [ctx.call('Reshape', { x }, { shape })];
  },
  // Same elements, so the gradient is dy reshaped back to the input's shape; none for the shape.
  grad: (op, [dy]) => [reshape(dy!, shapeOf(op.inputs[0])), null],
});

/** tf.reshape(tensor, shape): shape is a JS array (one -1 allowed) or an int32 tensor. */
export function reshape(tensor: unknown, shape: unknown, opts: NameOpt = {}): Tensor {
  return opScope([tensor, shape], opts.name, 'Reshape', (scope) => {
    const x = toTensor(tensor, { name: 'tensor' });
    const s = intArg(shape, 'shape');
    return makeOp('Reshape', [x, s], {}, { name: scope }).outputs[0];
  });
}
