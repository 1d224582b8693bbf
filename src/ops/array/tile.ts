// Tile (tf.tile(input, multiples)): out.shape[i] = input.shape[i] * multiples[i].
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { intArg, opScope, partialValue, readInts, type NameOpt } from './util.ts';

export const Tile = defineOp({
  type: 'Tile',
  infer: (ctx) => {
    const [x, mT] = ctx.inputs;
    const m = partialValue(mT);
    const s = x.staticShape;
    const rank = s?.length ?? m?.length ?? null;
    if (rank === null) return [{ dtype: x.dtype, shape: null }];
    if (m !== null && m.length !== rank) ctx.fail(`Shape must be rank ${rank} but is rank ${m.length}`);
    for (const v of m ?? []) if (v !== null && v < 0) ctx.fail(`Expected multiples argument to be non-negative, but got ${v}`);
    const out = Array.from({ length: rank }, (_, i) => {
      const d = s ? s[i] : null;
      const k = m ? m[i] : null;
      return k === 0 ? 0 : d === null || k === null ? null : d * k;
    });
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const reps = readInts(ctx, 1);
    if (x.shape.length === 0) return [ctx.keep(x)];
    return [ctx.call('Tile', { x }, { reps })];
  },
});

/** tf.tile(input, multiples). */
export function tile(input: unknown, multiples: unknown, opts: NameOpt = {}): Tensor {
  return opScope([input], opts.name, 'Tile', (scope) => {
    const x = toTensor(input, { name: 'input' });
    return makeOp('Tile', [x, intArg(multiples, 'multiples')], {}, { name: scope }).outputs[0];
  });
}
