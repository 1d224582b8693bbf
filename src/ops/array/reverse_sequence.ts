// ReverseSequence (tf.reverse_sequence): reverses the first seq_lengths[b] entries of each row along seq_axis.
import type { Tensor } from '../../graph/tensor.ts';
import { formatDims } from '../../graph/shape.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { computeDType } from '../../graph/dtypes.ts';

export const ReverseSequence = defineOp({
  type: 'ReverseSequence',
  infer: (ctx) => {
    const [x, lens] = ctx.inputs;
    const s = x.staticShape;
    const { seq_dim, batch_dim } = ctx.attrs as { seq_dim: number; batch_dim: number };
    if (lens.dtype !== 'int32' && lens.dtype !== 'int64') throw new TypeError(`ReverseSequence: seq_lengths must be int32 or int64, got ${lens.dtype}`);
    if (lens.staticShape !== null && lens.staticShape.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${lens.staticShape.length}`);
    if (s !== null) {
      if (seq_dim >= s.length || batch_dim >= s.length || seq_dim === batch_dim) {
        ctx.fail(`Invalid seq_dim ${seq_dim} / batch_dim ${batch_dim} for input of rank ${s.length}`);
      }
      const b = s[batch_dim];
      const n = lens.staticShape?.[0] ?? null;
      if (b !== null && n !== null && b !== n) ctx.fail(`len(seq_lens) != input.dims(${batch_dim}): ${formatDims(lens.staticShape)} vs ${b}`);
    }
    return [{ dtype: x.dtype, shape: s }];
  },
  // A gather of whole inner blocks, computed on the host (neither backend has the kernel).
  kernel: (ctx) => {
    const [x, lensInfo] = ctx.inputs;
    const { seq_dim, batch_dim } = ctx.attrs as { seq_dim: number; batch_dim: number };
    const data = ctx.read(x);
    const lens = ctx.read(lensInfo);
    const shape = x.shape;
    const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1));
    const dt = x.dtype === 'bool' ? 'bool' : x.dtype === 'int32' ? 'int32' : 'float32';
    const out = allocData(dt, data.length);
    for (let i = 0; i < data.length; i++) {
      const b = Math.floor(i / strides[batch_dim]) % shape[batch_dim];
      const t = Math.floor(i / strides[seq_dim]) % shape[seq_dim];
      const len = lens[b];
      if (len < 0 || len > shape[seq_dim]) throw new Error(`InvalidArgumentError: seq_lens(${b}) = ${len} is not in [0, ${shape[seq_dim]}]`);
      const src = t < len ? i + (len - 1 - 2 * t) * strides[seq_dim] : i;
      out[i] = data[src];
    }
    return [ctx.write(out, [...shape], computeDType(dt))];
  },
  // Reversing the same prefixes again undoes it.
  grad: (op, [dy]) => [reverse_sequence(dy!, op.inputs[1], { seq_axis: op.attrs.seq_dim as number, batch_axis: op.attrs.batch_dim as number }), null],
});

export interface ReverseSequenceOptions { seq_axis?: number; batch_axis?: number; seq_dim?: number; batch_dim?: number; name?: string }

export function reverse_sequence(input: unknown, seq_lengths: unknown, opts: ReverseSequenceOptions = {}): Tensor {
  const x = toTensor(input);
  const lens = toTensor(seq_lengths, { dtype: Array.isArray(seq_lengths) ? 'int32' : undefined });
  const r = x.staticShape?.length ?? 0;
  const norm = (a: number) => (a < 0 ? a + r : a);
  const seq_dim = norm(opts.seq_axis ?? opts.seq_dim ?? 0);
  const batch_dim = norm(opts.batch_axis ?? opts.batch_dim ?? 0);
  return makeOp('ReverseSequence', [x, lens], { seq_dim, batch_dim }, { name: opts.name, defaultName: 'ReverseSequence' }).outputs[0];
}
