// Unpack (tf.unstack(value, {num, axis})): splits along axis into num tensors with that axis removed.
import { formatShape } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { splitOnHost } from './host_split.ts';
import { defineOp, makeOp } from '../registry.ts';
import type { NameOpt } from './util.ts';
import { stack } from './stack.ts';
import { orZeros } from './grad_util.ts';

export const Unpack = defineOp({
  type: 'Unpack',
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const num = ctx.attrs.num as number;
    const axis = ctx.attrs.axis as number;
    const s = x.staticShape;
    if (s === null) return new Array(num).fill({ dtype: x.dtype, shape: null });
    const r = s.length;
    if (axis < -r || axis >= r) ctx.fail(`axis = ${axis} not in [${-r}, ${r})`);
    const a = axis < 0 ? axis + r : axis;
    if (s[a] !== null && s[a] !== num) ctx.fail(`Dimension must be ${num} but is ${s[a]}`);
    const shape = s.filter((_, i) => i !== a);
    return Array.from({ length: num }, () => ({ dtype: x.dtype, shape: [...shape] }));
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const num = ctx.attrs.num as number;
    let axis = ctx.attrs.axis as number;
    if (axis < 0) axis += x.shape.length;
    if (x.shape[axis] !== num) {
      throw new Error(`InvalidArgumentError: Input shape axis ${axis} must equal ${num}, got shape [${x.shape.join(',')}]\n\t [[node ${ctx.op.name} (op: 'Unpack')]]`);
    }
    return splitOnHost(ctx, x, new Array(num).fill(1), axis, true);
  },
  // The output gradients stacked back along the axis (zeros for outputs that got none).
  grad: (op, grads) => [stack(grads.map((g, i) => orZeros(g, op.outputs[i])), { axis: op.attrs.axis as number })],
});

/** tf.unstack(value, {num, axis=0}) → Tensor[]; num is inferred from the static shape when omitted. */
export function unstack(value: unknown, opts: NameOpt & { num?: number; axis?: number } = {}): Tensor[] {
  const x = toTensor(value, { name: 'value' });
  const axis = opts.axis ?? 0;
  let num = opts.num;
  const s = x.staticShape;
  if (s !== null) {
    const r = s.length;
    if (axis < -r || axis >= r) throw new Error(`ValueError: axis = ${axis} not in [${-r}, ${r})`);
  }
  if (num === undefined || num === null) {
    const d = s === null ? null : s[axis < 0 ? axis + s.length : axis];
    if (d === null) throw new Error(`ValueError: Cannot infer num from shape ${formatShape(s)}`);
    num = d;
  }
  return makeOp('Unpack', [x], { num, axis }, { name: opts.name, defaultName: 'unstack' }).outputs;
}
