// Building blocks shared by gradient functions: summing a broadcast gradient back to an input's shape.
import type { Tensor } from '../graph/tensor.ts';
import { isFullyDefined } from '../graph/shape.ts';
import { makeOp } from '../ops/registry.ts';
import { reduce_sum } from '../ops/math/sum.ts';
import { reshape } from '../ops/array/reshape.ts';
import { shape } from '../ops/array/shape.ts';
import { broadcastReductionAxes } from '../ops/grad/broadcast_gradient_args.ts';

/**
 * The gradients of a broadcasting binary op's inputs x and y from the output gradient dy: each summed over
 * the axes it was broadcast along and reshaped to its own shape. Static shapes give constant axes; otherwise
 * TF1's BroadcastGradientArgs computes them at run time.
 */
export function unbroadcast(dy: Tensor, x: Tensor, y: Tensor): [Tensor, Tensor] {
  const sx = x.staticShape;
  const sy = y.staticShape;
  if (isFullyDefined(sx) && isFullyDefined(sy)) {
    const [rx, ry] = broadcastReductionAxes(sx, sy);
    return [sumTo(dy, rx, sx), sumTo(dy, ry, sy)];
  }
  const shx = shape(x);
  const shy = shape(y);
  const [rx, ry] = makeOp('BroadcastGradientArgs', [shx, shy], {}, { defaultName: 'BroadcastGradientArgs' }).outputs;
  return [reshape(reduce_sum(dy, rx), shx), reshape(reduce_sum(dy, ry), shy)];
}

/** Gradient for one operand only (the other is not differentiated). */
export function unbroadcastTo(dy: Tensor, x: Tensor, other: Tensor): Tensor {
  return unbroadcast(dy, x, other)[0];
}

function sumTo(dy: Tensor, axes: number[], target: number[]): Tensor {
  const summed = axes.length ? reduce_sum(dy, axes) : dy;
  const s = summed.staticShape;
  const same = s !== null && s.length === target.length && s.every((d, i) => d === target[i]);
  return same ? summed : reshape(summed, target);
}
