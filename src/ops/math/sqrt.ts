// Sqrt (tf.sqrt): elementwise square root.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { realdiv } from './realdiv.ts';

export const Sqrt = defineOp({
  type: 'Sqrt',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Sqrt'),
  // TF1's SqrtGrad: dy·0.5/√x, from the output.
  grad: (op, [dy]) => [dy ? realdiv(multiply(dy, 0.5), op.outputs[0]) : null],
});

export function sqrt(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sqrt', x, opts.name);
}
