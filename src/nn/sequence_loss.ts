// tf.contrib.seq2seq.sequence_loss (TF 1.13–1.15): weighted sparse cross-entropy over [batch, time], averaged or summed.
import { get_default_graph } from '../graph/default.ts';
import type { Tensor } from '../graph/tensor.ts';
import { toTensor } from '../ops/convert.ts';
import { reshape } from '../ops/array/reshape.ts';
import { where } from '../ops/array/where.ts';
import { zeros_like } from '../ops/array/zeros_like.ts';
import { ones_like } from '../ops/array/ones_like.ts';
import { shape } from '../ops/array/shape.ts';
import { multiply } from '../ops/math/mul.ts';
import { reduce_sum } from '../ops/math/sum.ts';
import { truediv } from '../ops/math/realdiv.ts';
import { equal } from '../ops/math/equal.ts';
import { not_equal } from '../ops/math/not_equal.ts';
import { cast } from '../ops/math/cast.ts';
import { sparse_softmax_cross_entropy_with_logits } from '../ops/nn/sparse_softmax_xent.ts';

export interface SequenceLossOptions {
  average_across_timesteps?: boolean;
  average_across_batch?: boolean;
  sum_over_timesteps?: boolean;
  sum_over_batch?: boolean;
  softmax_loss_function?: ((args: { labels: Tensor; logits: Tensor }) => Tensor) | null;
  name?: string;
}

/** num / den, and 0 where den is 0 (TF's div_no_nan). */
function divNoNan(num: Tensor, den: Tensor): Tensor {
  const zero = zeros_like(den);
  const isZero = equal(den, zero);
  const safe = where(isZero, ones_like(den), den);
  return where(isZero, zeros_like(num), truediv(num, safe));
}

/** The count of non-zero weights along `axis` (all axes when null), as logits' dtype. */
function countNonzero(w: Tensor, axis: number | null): Tensor {
  return reduce_sum(cast(not_equal(w, zeros_like(w)), w.dtype), axis === null ? undefined : axis);
}

export function sequence_loss(logits: unknown, targets: unknown, weights: unknown, opts: SequenceLossOptions = {}): Tensor {
  const lg = toTensor(logits);
  const tg = toTensor(targets, { dtype: 'int32' });
  const w = toTensor(weights, { dtype: lg.dtype });
  if (lg.staticShape !== null && lg.staticShape.length !== 3) {
    throw new Error('ValueError: Logits must be a [batch_size x sequence_length x logits] tensor');
  }
  if (tg.staticShape !== null && tg.staticShape.length !== 2) throw new Error('ValueError: Targets must be a [batch_size x sequence_length] tensor');
  if (w.staticShape !== null && w.staticShape.length !== 2) throw new Error('ValueError: Weights must be a [batch_size x sequence_length] tensor');
  const avgT = opts.average_across_timesteps ?? true;
  const avgB = opts.average_across_batch ?? true;
  const sumT = opts.sum_over_timesteps ?? false;
  const sumB = opts.sum_over_batch ?? false;
  if ((avgT && sumT) || (avgB && sumB)) {
    throw new Error('ValueError: average_across_timesteps and sum_over_timesteps cannot be set to True at same time (nor average_across_batch and sum_over_batch).');
  }
  return get_default_graph().name_scope(opts.name ?? 'sequence_loss', () => {
    const numClasses = lg.staticShape?.[2] ?? -1;
    const flatLogits = reshape(lg, [-1, numClasses]);
    const flatTargets = reshape(tg, [-1]);
    const ce = opts.softmax_loss_function
      ? opts.softmax_loss_function({ labels: flatTargets, logits: flatLogits })
      : sparse_softmax_cross_entropy_with_logits({ labels: flatTargets, logits: flatLogits });
    const crossent = multiply(ce, reshape(w, [-1]));
    if (avgT && avgB) return divNoNan(reduce_sum(crossent), reduce_sum(w));
    if (sumT && sumB) return divNoNan(reduce_sum(crossent), countNonzero(w, null));
    // Per-row or per-step results: back to [batch, time] (the targets' shape, dynamic when unknown).
    const bt = reshape(crossent, shape(tg));
    if (avgT || avgB) {
      const axis = avgB ? 0 : 1;
      return divNoNan(reduce_sum(bt, axis), reduce_sum(w, axis));
    }
    if (sumT || sumB) {
      const axis = sumB ? 0 : 1;
      return divNoNan(reduce_sum(bt, axis), countNonzero(w, axis));
    }
    return bt;
  });
}
