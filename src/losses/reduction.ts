// tf.losses.Reduction and compute_weighted_loss (TF1 losses_impl.py): weighting, reduction, the LOSSES collection.
import { get_default_graph } from '../graph/default.ts';
import { GraphKeys } from '../graph/graph.ts';
import { formatShape } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import { isTensorValue, toTensor } from '../ops/convert.ts';
import { ones_like } from '../ops/array/ones_like.ts';
import { size } from '../ops/array/size.ts';
import { where } from '../ops/array/where.ts';
import { zeros_like } from '../ops/array/zeros_like.ts';
import { add_n } from '../ops/math/add_n.ts';
import { cast } from '../ops/math/cast.ts';
import { equal } from '../ops/math/equal.ts';
import { multiply } from '../ops/math/mul.ts';
import { truediv } from '../ops/math/realdiv.ts';
import { reduce_sum } from '../ops/math/sum.ts';
import { constant } from '../ops/constant.ts';

/** TF1's reduction keys (the string values are TF1's). */
export const Reduction = {
  NONE: 'none',
  SUM: 'weighted_sum',
  SUM_OVER_BATCH_SIZE: 'weighted_sum_over_batch_size',
  MEAN: 'weighted_mean',
  SUM_BY_NONZERO_WEIGHTS: 'weighted_sum_by_nonzero_weights',
  SUM_OVER_NONZERO_WEIGHTS: 'weighted_sum_by_nonzero_weights',
  all(): string[] { return ['none', 'weighted_sum', 'weighted_mean', 'weighted_sum_over_batch_size', 'weighted_sum_by_nonzero_weights']; },
  validate(key: string): void {
    if (!Reduction.all().includes(key)) throw new Error(`ValueError: Invalid Reduction Key ${key}.`);
  },
} as const;

export interface WeightedLossOptions {
  weights?: unknown;
  scope?: string | null;
  loss_collection?: string | null;
  reduction?: string;
}

/** total / num, 0 where num is 0 (TF ≥1.13's div_no_nan, named 'value' as TF1's _safe_mean). */
function safeMean(total: Tensor, num: Tensor): Tensor {
  const isZero = equal(num, zeros_like(num));
  const safe = where(isZero, ones_like(num), num);
  return where(isZero, zeros_like(total), truediv(total, safe), { name: 'value' });
}

/** The number of elements of losses, as float32 (name scope 'num_elements'). */
function numElements(losses: Tensor): Tensor {
  return get_default_graph().name_scope('num_elements', (scope) => cast(size(losses), 'float32', { name: scope }));
}

/**
 * TF1's _num_present: the count of non-zero weights after broadcasting them to the losses' shape; a non-zero JS
 * number as weights counts every element.
 */
function numPresent(losses: Tensor, weightsArg: unknown, weights: Tensor): Tensor {
  if (typeof weightsArg === 'number' && weightsArg !== 0) return numElements(losses);
  return get_default_graph().name_scope('num_present', (scope) => {
    const present = where(equal(weights, zeros_like(weights)), zeros_like(weights), ones_like(weights));
    const sameShape = weights.staticShape !== null && losses.staticShape !== null && weights.staticShape.every((d) => d !== null)
      && formatShape(weights.staticShape) === formatShape(losses.staticShape);
    const broadcast = sameShape ? present : multiply(present, ones_like(losses));
    return reduce_sum(broadcast, undefined, { name: scope });
  });
}

/** Static part of TF1's assert_broadcastable: scalar weights, or the losses' rank with each dim 1 or equal. */
function checkBroadcastable(weights: Tensor, losses: Tensor): void {
  const ws = weights.staticShape;
  const vs = losses.staticShape;
  if (ws === null || vs === null || ws.length === 0) return;
  const prefix = 'ValueError: weights can not be broadcast to values.';
  if (ws.length !== vs.length) {
    throw new Error(`${prefix} values.rank=${vs.length}. weights.rank=${ws.length}. values.shape=${formatShape(vs)}. weights.shape=${formatShape(ws)}.`);
  }
  ws.forEach((d, i) => {
    if (d !== null && d !== 1 && vs[i] !== null && d !== vs[i]) throw new Error(`${prefix} values.shape=${formatShape(vs)}. weights.shape=${formatShape(ws)}.`);
  });
}

/** tf.losses.compute_weighted_loss(losses, {weights: 1.0, scope, loss_collection, reduction}). */
export function compute_weighted_loss(losses: unknown, opts: WeightedLossOptions = {}): Tensor {
  const reduction = opts.reduction ?? Reduction.SUM_BY_NONZERO_WEIGHTS;
  Reduction.validate(reduction);
  const weightsArg = opts.weights ?? 1.0;
  return get_default_graph().name_scope(opts.scope ?? 'weighted_loss', () => {
    const l0 = toTensor(losses, { what: 'losses' });
    const inputDtype = l0.dtype;
    const l = cast(l0, 'float32');
    const w = isTensorValue(weightsArg) ? cast(weightsArg, 'float32') : constant(weightsArg, { dtype: 'float32', name: 'weights' });
    checkBroadcastable(w, l);
    const weighted = multiply(l, w);
    let loss: Tensor;
    if (reduction === Reduction.NONE) {
      loss = weighted;
    } else {
      loss = reduce_sum(weighted);
      if (reduction === Reduction.MEAN) loss = safeMean(loss, reduce_sum(multiply(ones_like(l), w)));
      else if (reduction === Reduction.SUM_BY_NONZERO_WEIGHTS) loss = safeMean(loss, numPresent(l, weightsArg, w));
      else if (reduction === Reduction.SUM_OVER_BATCH_SIZE) loss = safeMean(loss, numElements(l));
    }
    loss = cast(loss, inputDtype);
    add_loss(loss, opts.loss_collection === undefined ? GraphKeys.LOSSES : opts.loss_collection);
    return loss;
  });
}

/** tf.losses.add_loss(loss, loss_collection=LOSSES); a null collection adds nothing. */
export function add_loss(loss: unknown, loss_collection: string | null = GraphKeys.LOSSES): void {
  if (loss_collection === null) return;
  const t = toTensor(loss);
  t.graph.add_to_collection(loss_collection, t);
}

/** tf.losses.get_losses(scope=None, loss_collection=LOSSES). */
export function get_losses(scope: string | null = null, loss_collection: string = GraphKeys.LOSSES): Tensor[] {
  return get_default_graph().get_collection<Tensor>(loss_collection, scope);
}

/** tf.losses.get_regularization_losses(scope=None). */
export function get_regularization_losses(scope: string | null = null): Tensor[] {
  return get_default_graph().get_collection<Tensor>(GraphKeys.REGULARIZATION_LOSSES, scope);
}

/** tf.losses.get_regularization_loss(scope=None, name='total_regularization_loss'): their sum, or 0.0. */
export function get_regularization_loss(scope: string | null = null, name = 'total_regularization_loss'): Tensor {
  const losses = get_regularization_losses(scope);
  return losses.length ? add_n(losses, { name }) : constant(0.0, { dtype: 'float32', name });
}

/** tf.losses.get_total_loss({add_regularization_losses: true, name: 'total_loss', scope}): add_n of the losses. */
export function get_total_loss(opts: { add_regularization_losses?: boolean; name?: string; scope?: string | null } = {}): Tensor {
  let losses = get_losses(opts.scope ?? null);
  if (opts.add_regularization_losses ?? true) losses = losses.concat(get_regularization_losses(opts.scope ?? null));
  if (losses.length === 0) throw new Error('ValueError: No losses found in the LOSSES or REGULARIZATION_LOSSES collections (tf.losses.get_total_loss).');
  return add_n(losses, { name: opts.name ?? 'total_loss' });
}
