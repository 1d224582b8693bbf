// ExpandDims (tf.expand_dims(input, axis)): inserts a size-1 dim at axis ∈ [-(rank+1), rank].
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { reshape } from './reshape.ts';
import { shape as shapeOf } from './shape.ts';
import { intArg, opScope, readInts, scalarValue, type NameOpt } from './util.ts';

export const ExpandDims = defineOp({
  type: 'ExpandDims',
  infer: (ctx) => {
    const [x, dimT] = ctx.inputs;
    if (dimT.staticShape !== null && dimT.staticShape.length > 1) ctx.fail('dim input to ExpandDims must be a scalar or a 1-element vector');
    const axis = scalarValue(dimT) ?? (dimT.op.type === 'Const' ? (dimT.op.attrs.value as { data: ArrayLike<number> }).data[0] : null);
    const s = x.staticShape;
    if (s === null) return [{ dtype: x.dtype, shape: null }];
    if (axis === null) return [{ dtype: x.dtype, shape: new Array(s.length + 1).fill(null) }];
    const r = s.length + 1;
    if (axis < -r || axis >= r) ctx.fail(`Tried to expand dim index ${axis} for tensor with ${s.length} dimensions.`);
    const out = [...s];
    out.splice(axis < 0 ? axis + r : axis, 0, 1);
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const r = x.shape.length + 1;
    const axis = readInts(ctx, 1)[0];
    const shape = [...x.shape];
    shape.splice(axis < 0 ? axis + r : axis, 0, 1);
    return [ctx.call('Reshape', { x }, { shape })];
  },
  grad: (op, [dy]) => [reshape(dy!, shapeOf(op.inputs[0])), null],
});

/** tf.expand_dims(input, axis) (TF1's deprecated `dim` keyword also accepted). */
export function expand_dims(input: unknown, axis?: unknown, opts: NameOpt & { dim?: unknown } = {}): Tensor {
  const a = axis ?? opts.dim;
  if (a === undefined || a === null) throw new Error("ValueError: Must specify an axis argument to tf.expand_dims()");
  return opScope([input], opts.name, 'ExpandDims', (scope) => {
    const x = toTensor(input, { name: 'input' });
    return makeOp('ExpandDims', [x, intArg(a, 'dim')], {}, { name: scope }).outputs[0];
  });
}
