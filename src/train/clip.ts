// tf.clip_by_norm, tf.global_norm, tf.clip_by_global_norm: TF1's clip_ops built from existing ops.
import { name_scope } from '../api/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { toTensor } from '../ops/convert.ts';
import { identity } from '../ops/state/identity.ts';
import { reduce_sum } from '../ops/math/sum.ts';
import { multiply } from '../ops/math/mul.ts';
import { truediv } from '../ops/math/realdiv.ts';
import { maximum } from '../ops/math/maximum.ts';
import { minimum } from '../ops/math/minimum.ts';
import { sqrt } from '../ops/math/sqrt.ts';
import { sub } from '../ops/math/sub.ts';
import { add } from '../ops/math/add.ts';
import { greater } from '../ops/math/greater.ts';
import { where } from '../ops/array/where.ts';
import { ones_like } from '../ops/array/ones_like.ts';
import { stack } from '../ops/array/stack.ts';
import { l2_loss } from '../ops/nn/l2_loss.ts';
import { constant } from '../ops/constant.ts';

/** `t · clip_norm / max(‖t‖₂, clip_norm)` (norm over `axes`, default all); a zero tensor stays zero with finite gradients. */
export function clip_by_norm(t: unknown, clip_norm: unknown, opts: { axes?: unknown; name?: string } = {}): Tensor {
  return name_scope(opts.name ?? null, 'clip_by_norm', (ns) => {
    const x = toTensor(t, { name: 't' });
    const c = toTensor(clip_norm, { dtype: x.dtype, name: 'clip_norm' });
    const l2sum = reduce_sum(multiply(x, x), opts.axes ?? null, { keepdims: true });
    const pred = greater(l2sum, 0);
    const l2sumSafe = where(pred, l2sum, ones_like(l2sum));
    const l2norm = where(pred, sqrt(l2sumSafe), l2sum);
    const intermediate = multiply(x, c);
    return identity(truediv(intermediate, maximum(l2norm, c)), { name: ns });
  });
}

/** `sqrt(Σ_i ‖t_i‖₂²)`; null entries are ignored. */
export function global_norm(t_list: (unknown | null)[], opts: { name?: string } = {}): Tensor {
  if (!Array.isArray(t_list)) throw new TypeError('t_list should be a sequence');
  return name_scope(opts.name ?? null, 'global_norm', () => {
    const ts = t_list.filter((t) => t !== null && t !== undefined).map((t) => toTensor(t));
    if (ts.length === 0) throw new Error('ValueError: global_norm needs at least one non-None tensor');
    const halfSquared = ts.map((t) => l2_loss(t));
    const half = reduce_sum(stack(halfSquared));
    return sqrt(multiply(half, constant(2, { dtype: half.dtype })), { name: 'global_norm' });
  });
}

/**
 * Returns [t_i · clip_norm / max(global_norm, clip_norm), global_norm]; null entries stay null; an infinite or
 * NaN norm makes every output NaN.
 */
export function clip_by_global_norm(t_list: (unknown | null)[], clip_norm: unknown,
                                    opts: { use_norm?: unknown; name?: string } = {}): [(Tensor | null)[], Tensor] {
  if (!Array.isArray(t_list)) throw new TypeError('t_list should be a sequence');
  const norm = opts.use_norm === undefined || opts.use_norm === null ? global_norm(t_list) : toTensor(opts.use_norm);
  return name_scope(opts.name ?? null, 'clip_by_global_norm', (ns) => {
    const c = toTensor(clip_norm, { dtype: norm.dtype });
    const one = constant(1, { dtype: norm.dtype });
    const scaleForFinite = multiply(c, minimum(truediv(one, norm), truediv(one, c)));
    // NaN when the norm is inf or NaN (inf - inf).
    const scale = add(scaleForFinite, sub(norm, norm));
    const clipped = t_list.map((t, i) => {
      if (t === null || t === undefined) return null;
      const x = toTensor(t);
      // TF1 names these `<scope>_<i>` relative to the scope: clip_by_global_norm/clip_by_global_norm/_0.
      return identity(multiply(x, scale), { name: `${ns}_${i}` });
    });
    return [clipped, norm] as [(Tensor | null)[], Tensor];
  });
}
