// Rsqrt (tf.rsqrt): elementwise 1 / √x.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';

export const Rsqrt = defineOp({
  type: 'Rsqrt',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Rsqrt'),
  // TF1's RsqrtGrad: −0.5·dy·y³, from the output.
  grad: (op, [dy]) => [dy ? multiply(multiply(dy, -0.5), multiply(op.outputs[0], multiply(op.outputs[0], op.outputs[0]))) : null],
});

export function rsqrt(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Rsqrt', x, opts.name);
}
