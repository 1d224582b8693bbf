// Placeholder and PlaceholderWithDefault: values that come from the feed_dict.
import { asDType, type DType } from '../graph/dtypes.ts';
import { asShape, formatDims, shapesCompatible, type Shape } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import { tfDTypeName } from '../graph/dtypes.ts';
import { toTensor } from './convert.ts';
import { defineOp, makeOp } from './registry.ts';

export const Placeholder = defineOp({
  type: 'Placeholder',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.attrs.dtype as DType, shape: ctx.attrs.shape as Shape }],
  kernel: (ctx) => {
    const shape = ctx.attrs.shape as Shape;
    const shapePart = shape === null ? '' : ` and shape ${formatDims(shape)}`;
    throw new Error(`InvalidArgumentError: You must feed a value for placeholder tensor '${ctx.op.name}' with dtype ${tfDTypeName(ctx.attrs.dtype as DType)}${shapePart}`);
  },
});

export const PlaceholderWithDefault = defineOp({
  type: 'PlaceholderWithDefault',
  infer: (ctx) => {
    const shape = ctx.attrs.shape as Shape;
    if (!shapesCompatible(shape, ctx.inputs[0].staticShape)) {
      ctx.fail(`Shapes ${formatDims(shape)} and ${formatDims(ctx.inputs[0].staticShape)} are incompatible`);
    }
    return [{ dtype: ctx.inputs[0].dtype, shape }];
  },
  kernel: (ctx) => [ctx.keep(ctx.inputs[0])],
  grad: (_op, [dy]) => [dy],
});

export function placeholder(dtype: DType | string, shape: unknown = null, opts: { name?: string } | string = {}): Tensor {
  const o = typeof opts === 'string' ? { name: opts } : opts;
  return makeOp('Placeholder', [], { dtype: asDType(dtype), shape: asShape(shape) }, { name: o.name, defaultName: 'Placeholder' }).outputs[0];
}

export function placeholder_with_default(input: unknown, shape: unknown, opts: { name?: string } = {}): Tensor {
  const x = toTensor(input);
  return makeOp('PlaceholderWithDefault', [x], { shape: asShape(shape) }, { name: opts.name, defaultName: 'PlaceholderWithDefault' }).outputs[0];
}
