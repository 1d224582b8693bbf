// Pow (tf.pow, `a ** b`): elementwise x^y with broadcasting (floats and int32/int64).
import { defineOp } from '../registry.ts';
import { binary, binaryKernel, FLOAT_INT, inferBinary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

export const Pow = defineOp({
  type: 'Pow',
  infer: (ctx) => inferBinary(ctx, undefined, FLOAT_INT),
  kernel: binaryKernel('Pow'),
});

export function pow(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  return binary('Pow', x, y, opts.name);
}
