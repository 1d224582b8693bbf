// tf.logical_xor (`a.xor(b)`): a composite, as TF1 builds it — (x or y) and not (x and y); no op of its own.
import type { Tensor } from '../../graph/tensor.ts';
import { binaryOperands } from '../convert.ts';
import { binary, unary, type NameOpt } from './elementwise.ts';

/** The final LogicalAnd takes the name ('LogicalXor' by default); the inner ops are named by their types. */
export function logical_xor(x: unknown, y: unknown, opts: NameOpt = {}): Tensor {
  const [a, b] = binaryOperands(x, y, 'LogicalOr');
  const either = binary('LogicalOr', a, b, undefined);
  const both = binary('LogicalAnd', a, b, undefined);
  return binary('LogicalAnd', either, unary('LogicalNot', both, undefined), opts.name ?? 'LogicalXor');
}
