// LogSoftmax (tf.nn.log_softmax(logits, {axis})): x − max − log Σ exp(x − max) along an axis (default the last).
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import { logSoftmaxParts, runtimeAxis } from './helpers.ts';
import { inferSoftmax, softmaxAxis, type SoftmaxOptions } from './softmax.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const LogSoftmax = defineOp({
  type: 'LogSoftmax',
  infer: inferSoftmax,
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    return [logSoftmaxParts(ctx, x, runtimeAxis(ctx.attrs.axis as number, x.shape.length, ctx.op)).logp];
  },
});

export function log_softmax(logits: unknown, opts?: SoftmaxOptions | number): Tensor {
  const [axis, name] = softmaxAxis(opts);
  return makeOp('LogSoftmax', [toTensor(logits)], { axis }, { name, defaultName: 'LogSoftmax' }).outputs[0];
}
