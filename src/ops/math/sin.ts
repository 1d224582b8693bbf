// Sin (tf.sin): elementwise sine.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { cos } from './cos.ts';

export const Sin = defineOp({
  type: 'Sin',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Sin'),
  // d(sin x) = dy·cos x.
  grad: (op, [dy]) => [dy ? multiply(dy, cos(op.inputs[0])) : null],
});

export function sin(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Sin', x, opts.name);
}
