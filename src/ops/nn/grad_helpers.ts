// Gradient building blocks shared by the nn ops (TF1's nn_grad.py formulas, as composites of public builders).
import type { Tensor } from '../../graph/tensor.ts';
import { add, multiply, sub, reduce_sum } from '../math/api.ts';
import { where, zeros_like, expand_dims } from '../array/api.ts';
import { softmax } from './softmax.ts';

/** dy where `mask` holds, 0 elsewhere (TF's ReluGrad-style kernels; Select keeps second-order grads flowing). */
export function masked(mask: Tensor, dy: Tensor): Tensor {
  return where(mask, dy, zeros_like(dy));
}

/** Softmax's vector-Jacobian product along `axis`: (dy − Σ dy·y) · y, with y the softmax output. */
export function softmaxVJP(dy: Tensor, y: Tensor, axis: number): Tensor {
  return multiply(sub(dy, reduce_sum(multiply(dy, y), axis, { keepdims: true })), y);
}

/**
 * The cross-entropies' gradient w.r.t. logits: dloss[..., None] · backprop, plus (when the backprop output
 * itself receives a gradient, i.e. under second-order differentiation) the softmax Jacobian applied to it,
 * since backprop = softmax(logits) − labels. Same as TF1's _SoftmaxCrossEntropyWithLogitsGrad.
 */
export function xentLogitsGrad(logits: Tensor, backprop: Tensor, dloss: Tensor | null, dback: Tensor | null, axis: number): Tensor | null {
  let g = dloss === null ? null : multiply(expand_dims(dloss, axis), backprop);
  if (dback !== null) {
    const term = softmaxVJP(dback, softmax(logits, { axis }), axis);
    g = g === null ? term : add(g, term);
  }
  return g;
}
