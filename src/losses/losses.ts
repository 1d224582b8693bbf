// tf.losses.* (TF1 losses_impl.py): per-element losses, then compute_weighted_loss (default SUM_BY_NONZERO_WEIGHTS).
import { get_default_graph } from '../graph/default.ts';
import { formatShape, shapesCompatible } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import { isTensorValue, toTensor } from '../ops/convert.ts';
import { NDArray } from '../runtime/ndarray.ts';
import { shape as shapeOf } from '../ops/array/shape.ts';
import { squeeze } from '../ops/array/squeeze.ts';
import { abs } from '../ops/math/abs.ts';
import { add } from '../ops/math/add.ts';
import { cast } from '../ops/math/cast.ts';
import { log } from '../ops/math/log.ts';
import { minimum } from '../ops/math/minimum.ts';
import { multiply } from '../ops/math/mul.ts';
import { truediv } from '../ops/math/realdiv.ts';
import { squared_difference } from '../ops/math/squared_difference.ts';
import { sub } from '../ops/math/sub.ts';
import { relu } from '../ops/nn/relu.ts';
import { stop_gradient } from '../ops/nn/stop_gradient.ts';
import { sigmoid_cross_entropy_with_logits } from '../ops/nn/sigmoid_xent.ts';
import { softmax_cross_entropy_with_logits_v2 } from '../ops/nn/softmax_xent.ts';
import { sparse_softmax_cross_entropy_with_logits } from '../ops/nn/sparse_softmax_xent.ts';
import { compute_weighted_loss, type WeightedLossOptions } from './reduction.ts';

export interface LossOptions extends WeightedLossOptions { label_smoothing?: number; epsilon?: number; delta?: number }

/** TF1's third positional argument is `weights`; an options object may stand there instead. */
function options(w: unknown, opts: LossOptions): LossOptions {
  const isOpts = typeof w === 'object' && w !== null && !Array.isArray(w) && !isTensorValue(w) && !(w instanceof NDArray) && !ArrayBuffer.isView(w);
  if (isOpts) return w as LossOptions;
  return w === undefined ? opts : { ...opts, weights: w };
}

function required(v: unknown, what: string): void {
  if (v === null || v === undefined) throw new Error(`ValueError: ${what} must not be None.`);
}

function assertCompatible(a: Tensor, b: Tensor): void {
  if (!shapesCompatible(a.staticShape, b.staticShape)) {
    throw new Error(`ValueError: Shapes ${formatShape(a.staticShape)} and ${formatShape(b.staticShape)} are incompatible`);
  }
}

/** Shared shape of the regression losses: float32 predictions and labels of compatible shapes, in `scope`. */
function regression(name: string, labels: unknown, predictions: unknown, o: LossOptions,
                    perElement: (p: Tensor, l: Tensor) => Tensor): Tensor {
  required(labels, 'labels');
  required(predictions, 'predictions');
  return get_default_graph().name_scope(o.scope ?? name, (scope) => {
    const p = cast(predictions, 'float32');
    const l = cast(labels, 'float32');
    assertCompatible(p, l);
    return compute_weighted_loss(perElement(p, l), { ...o, scope });
  });
}

/** tf.losses.mean_squared_error(labels, predictions, {weights: 1.0, reduction, scope, loss_collection}). */
export function mean_squared_error(labels: unknown, predictions: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  return regression('mean_squared_error', labels, predictions, options(weights, opts), (p, l) => squared_difference(p, l));
}

/** tf.losses.absolute_difference(labels, predictions, {weights, ...}): |predictions − labels|. */
export function absolute_difference(labels: unknown, predictions: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  return regression('absolute_difference', labels, predictions, options(weights, opts), (p, l) => abs(sub(p, l)));
}

/** tf.losses.log_loss(labels, predictions, {weights, epsilon: 1e-7}): −l·log(p + ε) − (1 − l)·log(1 − p + ε). */
export function log_loss(labels: unknown, predictions: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  const eps = o.epsilon ?? 1e-7;
  return regression('log_loss', labels, predictions, o, (p, l) =>
    sub(multiply(l.neg(), log(add(p, eps))), multiply(sub(1, l), log(add(sub(1, p), eps)))));
}

/** tf.losses.huber_loss(labels, predictions, {weights, delta: 1.0}): quadratic within delta, linear beyond. */
export function huber_loss(labels: unknown, predictions: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  const delta = o.delta ?? 1.0;
  return regression('huber_loss', labels, predictions, o, (p, l) => {
    const absError = abs(sub(p, l));
    const quadratic = minimum(absError, delta);
    const linear = sub(absError, quadratic);
    return add(multiply(0.5, multiply(quadratic, quadratic)), multiply(delta, linear));
  });
}

/**
 * tf.losses.softmax_cross_entropy(onehot_labels, logits, {weights, label_smoothing: 0}): smoothing moves labels
 * to l·(1 − s) + s / num_classes; labels get no gradient (stop_gradient).
 */
export function softmax_cross_entropy(onehot_labels: unknown, logits: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  required(onehot_labels, 'onehot_labels');
  required(logits, 'logits');
  return get_default_graph().name_scope(o.scope ?? 'softmax_cross_entropy_loss', (scope) => {
    const lg = toTensor(logits, { what: 'logits' });
    let labels = cast(onehot_labels, lg.dtype);
    assertCompatible(lg, labels);
    const s = o.label_smoothing ?? 0;
    if (s > 0) {
      const known = lg.staticShape?.at(-1) ?? null;
      const numClasses = known !== null ? known : cast(shapeOf(labels).get(-1), lg.dtype);
      labels = add(multiply(labels, 1 - s), typeof numClasses === 'number' ? s / numClasses : truediv(s, numClasses));
    }
    labels = stop_gradient(labels, { name: 'labels_stop_gradient' });
    const losses = softmax_cross_entropy_with_logits_v2({ labels, logits: lg, name: 'xentropy' });
    return compute_weighted_loss(losses, { ...o, scope });
  });
}

/**
 * tf.losses.sparse_softmax_cross_entropy(labels, logits, {weights}): integer class ids; labels [batch, 1] are
 * squeezed to [batch], and weights one rank above the labels lose their last axis (TF1's squeezable dims).
 */
export function sparse_softmax_cross_entropy(labels: unknown, logits: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  required(labels, 'labels');
  required(logits, 'logits');
  return get_default_graph().name_scope(o.scope ?? 'sparse_softmax_cross_entropy_loss', (scope) => {
    const lg = toTensor(logits, { what: 'logits' });
    let lb = toTensor(labels, { what: 'labels', dtype: isTensorValue(labels) ? undefined : 'int32' });
    const lr = lb.staticShape?.length ?? null;
    const pr = lg.staticShape?.length ?? null;
    if (lr !== null && pr !== null && pr - lr === 0 && [1, null].includes(lb.staticShape!.at(-1)!)) lb = squeeze(lb, { axis: [-1] });
    let w: unknown = o.weights ?? 1.0;
    if (isTensorValue(w) || Array.isArray(w) || w instanceof NDArray) {
      const wt = toTensor(w, { what: 'weights' });
      const wr = wt.staticShape?.length ?? null;
      const r = lb.staticShape?.length ?? null;
      w = wr !== null && r !== null && wr - r === 1 ? squeeze(wt, { axis: [-1] }) : wt;
    }
    const losses = sparse_softmax_cross_entropy_with_logits({ labels: lb, logits: lg, name: 'xentropy' });
    return compute_weighted_loss(losses, { ...o, weights: w, scope });
  });
}

/** tf.losses.sigmoid_cross_entropy(multi_class_labels, logits, {weights, label_smoothing}): smoothing → l·(1 − s) + s/2. */
export function sigmoid_cross_entropy(multi_class_labels: unknown, logits: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  required(multi_class_labels, 'multi_class_labels');
  required(logits, 'logits');
  return get_default_graph().name_scope(o.scope ?? 'sigmoid_cross_entropy_loss', (scope) => {
    const lg = toTensor(logits, { what: 'logits' });
    let labels = cast(multi_class_labels, lg.dtype);
    assertCompatible(lg, labels);
    const s = o.label_smoothing ?? 0;
    if (s > 0) labels = add(multiply(labels, 1 - s), 0.5 * s);
    const losses = sigmoid_cross_entropy_with_logits({ labels, logits: lg, name: 'xentropy' });
    return compute_weighted_loss(losses, { ...o, scope });
  });
}

/** tf.losses.hinge_loss(labels, logits, {weights}): labels in {0, 1} → ±1; max(0, 1 − y·logits). */
export function hinge_loss(labels: unknown, logits: unknown, weights?: unknown, opts: LossOptions = {}): Tensor {
  const o = options(weights, opts);
  required(labels, 'labels');
  required(logits, 'logits');
  return get_default_graph().name_scope(o.scope ?? 'hinge_loss', (scope) => {
    const lg = cast(logits, 'float32');
    const lb = cast(labels, 'float32');
    assertCompatible(lg, lb);
    const signed = sub(multiply(2, lb), 1);
    return compute_weighted_loss(relu(sub(1, multiply(signed, lg))), { ...o, scope });
  });
}
