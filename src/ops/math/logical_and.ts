// LogicalAnd (tf.logical_and, `a.and(b)`): elementwise boolean and with broadcasting; bool inputs only.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferLogical, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const LogicalAnd = defineOp({
  type: 'LogicalAnd',
  nondiff: true,
  infer: (ctx) => inferLogical(ctx),
  kernel: binaryKernel('LogicalAnd'),
});

export function logical_and(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('LogicalAnd', x, y, opts.name);
}
