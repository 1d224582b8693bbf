// Placeholder and PlaceholderWithDefault: values that come from the feed_dict.
import { asDType, type DType } from '../graph/dtypes.ts';
import { asShape, formatDims, shapesCompatible, type Shape } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import type { Operation } from '../graph/graph.ts';
import { tfDTypeName } from '../graph/dtypes.ts';
import { toTensor } from './convert.ts';
import { defineOp, makeOp } from './registry.ts';

export const Placeholder = defineOp({
  type: 'Placeholder',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.attrs.dtype as DType, shape: ctx.attrs.shape as Shape }],
  // Sessions refuse a missing feed before running (the plan lists unfed placeholders); this is the last guard.
  kernel: (ctx) => {
    throw new Error(missingFeedMessage(ctx.op));
  },
});

/** TF1's message for a placeholder that a run needs but was not fed. */
export function missingFeedMessage(op: Operation): string {
  const shape = op.attrs.shape as Shape;
  const shapePart = shape === null ? '' : ` and shape ${formatDims(shape)}`;
  return `InvalidArgumentError: You must feed a value for placeholder tensor '${op.name}' with dtype ${tfDTypeName(op.attrs.dtype as DType)}${shapePart}`;
}

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
