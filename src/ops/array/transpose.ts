// Transpose (tf.transpose): out.shape[i] = a.shape[perm[i]]; perm defaults to the reversed dims.
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { invert_permutation } from './invert_permutation.ts';
import { constValue } from './grad_util.ts';
import { boolSafe, intArg, opScope, partialValue, readInts, type NameOpt } from './util.ts';

export const Transpose = defineOp({
  type: 'Transpose',
  infer: (ctx) => {
    const [x, permT] = ctx.inputs;
    const perm = partialValue(permT);
    const xs = x.staticShape;
    const rank = xs?.length ?? perm?.length ?? null;
    if (rank === null) return [{ dtype: x.dtype, shape: null }];
    if (perm !== null && perm.length !== rank) ctx.fail(`Dimension must be ${rank} but is ${perm.length}`);
    if (perm === null || perm.some((p) => p === null)) return [{ dtype: x.dtype, shape: new Array(rank).fill(null) }];
    const seen = new Set<number>();
    for (const p of perm as number[]) {
      const a = p < 0 ? p + rank : p;
      if (a < 0 || a >= rank) ctx.fail(`perm dim ${p} is out of range of input rank ${rank}`);
      if (seen.has(a)) ctx.fail(`${p} is duplicated in perm`);
      seen.add(a);
    }
    const shape = (perm as number[]).map((p) => (xs ? xs[p < 0 ? p + rank : p] : null));
    return [{ dtype: x.dtype, shape }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const perm = readInts(ctx, 1).map((p) => (p < 0 ? p + x.shape.length : p));
    return [boolSafe(ctx, [x], ([v]) => ctx.call('Transpose', { x: v }, { perm }))];
  },
  // Transposing back with the inverse perm (static for a Const perm, else InvertPermutation at run time).
  grad: (op, [dy]) => {
    const p = constValue(op.inputs[1]);
    if (p === null) return [transpose(dy!, invert_permutation(op.inputs[1])), null];
    const inv = new Array<number>(p.length);
    p.forEach((v, i) => { inv[v < 0 ? v + p.length : v] = i; });
    return [transpose(dy!, inv), null];
  },
});

/** tf.transpose(a, perm=None): perm None reverses the dims (a matrix transpose for 2-D). */
export function transpose(a: unknown, perm?: unknown, opts: NameOpt & { conjugate?: boolean } = {}): Tensor {
  return opScope([a], opts.name, 'transpose', (scope) => {
    const x = toTensor(a, { name: 'a' });
    let p: Tensor;
    if (perm === undefined || perm === null) {
      const rank = x.staticShape?.length;
      if (rank === undefined) {
        // Unknown rank: perm = (rank - 1) - range(0, rank, 1), computed in the graph.
        const r = makeOp('Rank', [x], {}, { defaultName: 'Rank' }).outputs[0];
        const sub = makeOp('Sub', [r, constant(1, { dtype: 'int32', name: 'sub/y' })], {}, { defaultName: 'sub' }).outputs[0];
        const rng = makeOp('Range', [constant(0, { dtype: 'int32', name: 'Range/start' }), r,
          constant(1, { dtype: 'int32', name: 'Range/delta' })], {}, { defaultName: 'Range' }).outputs[0];
        p = makeOp('Sub', [sub, rng], {}, { defaultName: 'sub' }).outputs[0];
      } else {
        p = constant(Array.from({ length: rank }, (_, i) => rank - 1 - i), { dtype: 'int32', name: 'perm' });
      }
    } else {
      p = intArg(perm, 'perm');
    }
    return makeOp('Transpose', [x, p], {}, { name: scope }).outputs[0];
  });
}
