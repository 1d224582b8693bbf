// Helpers shared by the array gradients: static values of Const inputs, zeros for outputs with no gradient.
import type { Tensor } from '../../graph/tensor.ts';
import { zeros_like } from './zeros_like.ts';

/** The values of a Const-produced integer tensor (axes, perms, begins), else null: the grad then builds dynamic ops. */
export function constValue(t: Tensor): number[] | null {
  if (t.op.type !== 'Const') return null;
  return Array.from((t.op.attrs.value as { data: ArrayLike<number> }).data);
}

/** An output's gradient, or zeros of its shape where it got none (multi-output ops: Unpack, Split). */
export function orZeros(g: Tensor | null, t: Tensor): Tensor {
  return g ?? zeros_like(t);
}

/** Static dims of a tensor when all are known. */
export function staticDims(t: Tensor): number[] | null {
  const s = t.staticShape;
  return s !== null && s.every((d) => d !== null) ? (s as number[]) : null;
}
