// Where (tf.where(cond)): int64-labelled coordinates [num_true, rank] of true (non-zero) elements, computed on the host.
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { opScope, stridesOf, type NameOpt } from './util.ts';
import { select } from './select.ts';

export const Where = defineOp({
  type: 'Where',
  nondiff: true,
  infer: (ctx) => {
    const s = ctx.inputs[0].staticShape;
    return [{ dtype: 'int64', shape: [null, s === null ? null : s.length] }];
  },
  kernel: (ctx) => {
    const c = ctx.inputs[0];
    const v = ctx.read(c);
    const rank = c.shape.length;
    const st = stridesOf(c.shape);
    const hits: number[] = [];
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) hits.push(i);
    const out = new Int32Array(hits.length * rank);
    hits.forEach((flat, k) => {
      for (let a = 0; a < rank; a++) {
        out[k * rank + a] = Math.floor(flat / st[a]);
        flat %= st[a];
      }
    });
    return [ctx.write(out, [hits.length, rank], 'int32')];
  },
});

/** tf.where(condition, x=None, y=None): coordinates (Where) without x and y, else elementwise selection (Select). */
export function where(condition: unknown, x?: unknown, y?: unknown, opts: NameOpt = {}): Tensor {
  const noX = x === undefined || x === null;
  const noY = y === undefined || y === null;
  if (noX && noY) {
    return opScope([condition], opts.name, 'Where', (scope) =>
      makeOp('Where', [toTensor(condition, { name: 'condition' })], {}, { name: scope }).outputs[0]);
  }
  if (noX || noY) throw new Error('ValueError: x and y must both be non-None or both be None.');
  return select(condition, x, y, opts.name);
}
