// Cos (tf.cos): elementwise cosine.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { negative } from './neg.ts';
import { sin } from './sin.ts';

export const Cos = defineOp({
  type: 'Cos',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: unaryKernel('Cos'),
  // d(cos x) = −dy·sin x.
  grad: (op, [dy]) => [dy ? multiply(negative(dy), sin(op.inputs[0])) : null],
});

export function cos(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Cos', x, opts.name);
}
