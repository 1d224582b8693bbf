// Mul (tf.multiply): elementwise product with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Mul = defineOp({
  type: 'Mul',
  infer: (ctx) => inferBinary(ctx),
  kernel: binaryKernel('Multiply'),
});

export function multiply(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Mul', x, y, opts.name);
}
