// LogSoftmax (tf.nn.log_softmax(logits, {axis})): x − max − log Σ exp(x − max) along an axis (default the last).
import { defineOp, makeOp } from '../registry.ts';
import { toTensor } from '../convert.ts';
import { logSoftmaxParts, runtimeAxis } from './helpers.ts';
import { inferSoftmax, softmaxAxis, type SoftmaxOptions } from './softmax.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { exp, multiply, reduce_sum, sub } from '../math/api.ts';

export const LogSoftmax = defineOp({
  type: 'LogSoftmax',
  infer: inferSoftmax,
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    return [logSoftmaxParts(ctx, x, runtimeAxis(ctx.attrs.axis as number, x.shape.length, ctx.op)).logp];
  },
  // TF1's _LogSoftmaxGrad: dy − Σ dy · softmax, with softmax = e^y.
  grad: (op, [dy]) => {
    const axis = op.attrs.axis as number;
    return [sub(dy!, multiply(reduce_sum(dy!, axis, { keepdims: true }), exp(op.outputs[0])))];
  },
});

export function log_softmax(logits: unknown, opts?: SoftmaxOptions | number): Tensor {
  const [axis, name] = softmaxAxis(opts);
  return makeOp('LogSoftmax', [toTensor(logits)], { axis }, { name, defaultName: 'LogSoftmax' }).outputs[0];
}
