// Identity (tf.identity): passes its input through; also a variable's `read` snapshot.
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Identity = defineOp({
  type: 'Identity',
  infer: (ctx) => [{ dtype: ctx.inputs[0].dtype, shape: ctx.inputs[0].staticShape }],
  kernel: (ctx) => [ctx.keep(ctx.inputs[0])],
  grad: (_op, [dy]) => [dy],
});

export function identity(input: unknown, opts: { name?: string } = {}): Tensor {
  return makeOp('Identity', [toTensor(input)], {}, { name: opts.name, defaultName: 'Identity' }).outputs[0];
}
