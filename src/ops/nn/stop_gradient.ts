// StopGradient (tf.stop_gradient): identity in the forward pass; blocks gradients (declared non-differentiable).
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import type { NameOpt } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const StopGradient = defineOp({
  type: 'StopGradient',
  nondiff: true,
  infer: (ctx) => [{ dtype: ctx.inputs[0].dtype, shape: ctx.inputs[0].staticShape }],
  kernel: (ctx) => [ctx.keep(ctx.inputs[0])],
});

export function stop_gradient(input: unknown, opts: NameOpt = {}): Tensor {
  return makeOp('StopGradient', [toTensor(input)], {}, { name: opts.name, defaultName: 'StopGradient' }).outputs[0];
}
