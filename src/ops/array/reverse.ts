// ReverseV2 (tf.reverse(tensor, axis)): reverses the listed dims (negative allowed).
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { boolSafe, intArg, opScope, partialValue, readInts, type NameOpt } from './util.ts';

export const ReverseV2 = defineOp({
  type: 'ReverseV2',
  infer: (ctx) => {
    const [x, axT] = ctx.inputs;
    if (axT.staticShape !== null && axT.staticShape.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${axT.staticShape.length}`);
    const s = x.staticShape;
    const ax = partialValue(axT);
    if (s !== null && ax !== null) {
      const seen = new Set<number>();
      for (const a of ax) {
        if (a === null) continue;
        if (a < -s.length || a >= s.length) ctx.fail(`'axis'[${ax.indexOf(a)}] = ${a} is out of valid range [${-s.length}, ${s.length - 1}]`);
        const n = a < 0 ? a + s.length : a;
        if (seen.has(n)) ctx.fail(`axis ${n} specified more than once.`);
        seen.add(n);
      }
    }
    return [{ dtype: x.dtype, shape: s }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const dims = readInts(ctx, 1).map((a) => (a < 0 ? a + x.shape.length : a));
    if (dims.length === 0 || x.shape.length === 0) return [ctx.keep(x)];
    return [boolSafe(ctx, [x], ([v]) => ctx.call('Reverse', { x: v }, { dims }))];
  },
  // Reversal is its own inverse.
  grad: (op, [dy]) => [reverse(dy!, op.inputs[1]), null],
});

/** tf.reverse(tensor, axis): axis a list of dims (or an int32 vector tensor). */
export function reverse(tensor: unknown, axis: unknown, opts: NameOpt = {}): Tensor {
  return opScope([tensor], opts.name, 'ReverseV2', (scope) => {
    const x = toTensor(tensor, { name: 'tensor' });
    const a = intArg(typeof axis === 'number' ? [axis] : axis, 'axis');
    return makeOp('ReverseV2', [x, a], {}, { name: scope }).outputs[0];
  });
}
