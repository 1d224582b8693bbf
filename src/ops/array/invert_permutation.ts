// InvertPermutation (tf.invert_permutation(x)): y[x[i]] = i; the Transpose gradient uses it for run-time perms.
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { readInts, runtimeError, type NameOpt } from './util.ts';

export const InvertPermutation = defineOp({
  type: 'InvertPermutation',
  nondiff: true, // an integer permutation
  infer: (ctx) => {
    const x = ctx.inputs[0];
    if (x.staticShape !== null && x.staticShape.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${x.staticShape.length}`);
    return [{ dtype: x.dtype, shape: x.staticShape ?? [null] }];
  },
  kernel: (ctx) => {
    const p = readInts(ctx, 0);
    const out = new Int32Array(p.length).fill(-1);
    p.forEach((v, i) => {
      if (v < 0 || v >= p.length || out[v] !== -1) throw runtimeError(ctx, `${v} is not a permutation of 0..${p.length - 1}`);
      out[v] = i;
    });
    return [ctx.write(out, [p.length], 'int32')];
  },
});

/** tf.invert_permutation(x). */
export function invert_permutation(x: unknown, opts: NameOpt = {}): Tensor {
  return makeOp('InvertPermutation', [toTensor(x, { name: 'x' })], {}, { name: opts.name, defaultName: 'InvertPermutation' }).outputs[0];
}
