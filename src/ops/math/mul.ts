// Mul (tf.multiply): elementwise product with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Mul = defineOp({
  type: 'Mul',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Multiply'),
});

export function multiply(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Mul', x, y, opts.name);
}
