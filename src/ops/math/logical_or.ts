// LogicalOr (tf.logical_or, `a.or(b)`): elementwise boolean or with broadcasting; bool inputs only.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferLogical, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const LogicalOr = defineOp({
  type: 'LogicalOr',
  nondiff: true,
  infer: (ctx) => inferLogical(ctx),
  kernel: binaryKernel('LogicalOr'),
});

export function logical_or(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('LogicalOr', x, y, opts.name);
}
