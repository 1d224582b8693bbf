// LogicalNot (tf.logical_not, `~x` → x.invert()): elementwise boolean negation; bool input only.
import { defineOp } from '../registry.ts';
import { inferLogical, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const LogicalNot = defineOp({
  type: 'LogicalNot',
  nondiff: true,
  infer: (ctx) => inferLogical(ctx),
  kernel: unaryKernel('LogicalNot'),
});

export function logical_not(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('LogicalNot', x, opts.name);
}
