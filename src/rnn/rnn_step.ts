// Helpers shared by the unrolled RNNs: the sequence_length step (zero outputs, state copied through) and _reverse_seq.
import type { DType } from '../graph/dtypes.ts';
import type { Tensor } from '../graph/tensor.ts';
import { get_default_graph } from '../graph/default.ts';
import { toTensor } from '../ops/convert.ts';
import { zeros } from '../ops/array/zeros_ones.ts';
import { where } from '../ops/array/where.ts';
import { stack } from '../ops/array/stack.ts';
import { reshape } from '../ops/array/reshape.ts';
import { gather } from '../ops/array/gather.ts';
import { range } from '../ops/array/range.ts';
import { shape as tfShape } from '../ops/array/shape.ts';
import { greater_equal } from '../ops/math/greater_equal.ts';
import { less } from '../ops/math/less.ts';
import { cast } from '../ops/math/cast.ts';
import { assertSameStructure, flatten, packSequenceAs } from './nest.ts';

/** `_create_zero_output`: zeros [batch, size] with the static batch dim when known. */
export function zeroOutput(batch: number | Tensor, fixedBatch: number | null, size: number, dtype: DType): Tensor {
  const z = zeros(typeof batch === 'number' ? [batch, size] : [toTensor(batch), size], { dtype });
  z.set_shape([fixedBatch, size]);
  return z;
}

/**
 * `_rnn_step` without the cond shortcuts (same values): for rows with time >= sequence_length the output is
 * zero_output and the state is the previous state; other rows take the cell's new output and state.
 */
export function rnnStep(time: number, seqLen: Tensor, zeroOut: unknown, state: unknown,
                        callCell: () => [any, any]): [any, any] {
  const [newOutput, newState] = callCell();
  assertSameStructure(state, newState);
  const flatState = flatten<Tensor>(state);
  const flatNewState = flatten<Tensor>(newState);
  const flatZero = flatten<Tensor>(zeroOut);
  const flatNewOutput = flatten<Tensor>(newOutput);
  const copyCond = greater_equal(time, seqLen);
  const copy = (old: Tensor, nu: Tensor) => {
    const r = where(copyCond, old, nu);
    r.set_shape(nu.staticShape);
    return r;
  };
  const outs = flatNewOutput.map((o, i) => copy(flatZero[i], o));
  const states = flatNewState.map((s, i) => copy(toTensor(flatState[i]), s));
  return [packSequenceAs(newOutput, outs), packSequenceAs(newState, states)];
}

/**
 * `_reverse_seq`: reverses a list of [batch, ...] tensors in time — fully without lengths, else per row only its
 * first lengths[b] steps (reverse_sequence), here as one gather per step from the stacked [T·batch, ...] values.
 */
export function reverseSeq(seq: unknown[], lengths: Tensor | null): any[] {
  if (lengths === null) return [...seq].reverse();
  const T = seq.length;
  const flatSeq = seq.map((x) => flatten<Tensor>(x).map((t) => toTensor(t)));
  const results: Tensor[][] = seq.map(() => []);
  return get_default_graph().name_scope('ReverseSequence', () => {
    const lens = lengths.dtype === 'int32' ? lengths : cast(lengths, 'int32');
    for (let k = 0; k < flatSeq[0].length; k++) {
      const parts = flatSeq.map((f) => f[k]);
      const s = parts[0].staticShape;
      if (s === null || s.slice(1).some((d) => d === null)) throw new Error('ValueError: _reverse_seq needs inputs with a static depth');
      const joined = stack(parts);
      const batch: number | Tensor = s[0] ?? tfShape(parts[0]).get(0);
      const flat = reshape(joined, [-1, ...(s.slice(1) as number[])]);
      const rows = range(batch);
      for (let t = 0; t < T; t++) {
        const src = where(less(t, lens), lens.rsub(t + 1).neg(), lens.mul(0).add(t));
        const out = gather(flat, src.mul(batch).add(rows));
        out.set_shape(s);
        results[t].push(out);
      }
    }
    return seq.map((x, t) => packSequenceAs(x, results[t]));
  });
}
