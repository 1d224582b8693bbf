// Reciprocal (tf.reciprocal): elementwise 1 / x (integer division truncating toward zero for ints).
import { defineOp } from '../registry.ts';
import { FLOAT_INT, inferUnary, scalarLike, truncDiv, unary, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { negative } from './neg.ts';

export const Reciprocal = defineOp({
  type: 'Reciprocal',
  infer: (ctx) => inferUnary(ctx, FLOAT_INT),
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    if (x.dtype === 'float32') return [ctx.call('Reciprocal', { x })];
    return [truncDiv(ctx, scalarLike(ctx, 1, x), x)];
  },
  // TF1's ReciprocalGrad: −dy·y², from the output.
  grad: (op, [dy]) => [dy ? multiply(negative(dy), multiply(op.outputs[0], op.outputs[0])) : null],
});

export function reciprocal(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Reciprocal', x, opts.name);
}
