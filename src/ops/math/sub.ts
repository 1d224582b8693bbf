// Sub (tf.sub): elementwise difference with broadcasting.
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, inferBinary, NUMBERS, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Sub = defineOp({
  type: 'Sub',
  infer: (ctx) => inferBinary(ctx, undefined, NUMBERS),
  kernel: binaryKernel('Sub'),
});

export function sub(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Sub', x, y, opts.name);
}
