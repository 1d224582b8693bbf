// Slice (tf.slice(x, begin, size)): a contiguous box; size -1 means "to the end" of that dim.
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { sub } from '../math/sub.ts';
import { constValue, staticDims } from './grad_util.ts';
import { pad } from './pad.ts';
import { shape as shapeOf } from './shape.ts';
import { stack } from './stack.ts';
import { transpose } from './transpose.ts';
import { intArg, opScope, partialValue, readInts, runtimeError, type NameOpt } from './util.ts';

export const Slice = defineOp({
  type: 'Slice',
  infer: (ctx) => {
    const [x, bT, sT] = ctx.inputs;
    const xs = x.staticShape;
    const begin = partialValue(bT);
    const size = partialValue(sT);
    const rank = xs?.length ?? begin?.length ?? size?.length ?? null;
    if (rank === null) return [{ dtype: x.dtype, shape: null }];
    for (const [v, what] of [[begin, 'begin'], [size, 'size']] as const) {
      if (v !== null && v.length !== rank) ctx.fail(`Length of ${what} and input rank must be equal (${v.length} vs ${rank})`);
    }
    const out: Dim[] = [];
    for (let i = 0; i < rank; i++) {
      const dim = xs ? xs[i] : null;
      const b = begin ? begin[i] : null;
      const s = size ? size[i] : null;
      if (b !== null && (b < 0 || (dim !== null && b > dim))) ctx.fail(`Expected begin[${i}] in [0, ${dim ?? '?'}], but got ${b}`);
      if (s !== null && s !== -1 && b !== null && dim !== null && (s < 0 || b + s > dim)) {
        ctx.fail(`Expected size[${i}] in [0, ${dim - b}], but got ${s}`);
      }
      if (s !== null && s < -1) ctx.fail(`Expected size[${i}] in [-1, ...], but got ${s}`);
      if (s === -1) out.push(b !== null && dim !== null ? dim - b : null);
      else out.push(s);
    }
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const begin = readInts(ctx, 1);
    const size = readInts(ctx, 2).map((s, i) => (s === -1 ? x.shape[i] - begin[i] : s));
    for (let i = 0; i < x.shape.length; i++) {
      if (begin[i] < 0 || size[i] < 0 || begin[i] + size[i] > x.shape[i]) {
        throw runtimeError(ctx, `Expected size[${i}] in [0, ${x.shape[i] - begin[i]}], but got ${size[i]}`);
      }
    }
    if (size.some((s) => s === 0)) {
      return [ctx.write(x.dtype === 'float32' ? new Float32Array(0) : x.dtype === 'int32' ? new Int32Array(0) : new Uint8Array(0), size, x.dtype)];
    }
    return [ctx.call('Slice', { x }, { begin, size })];
  },
  // TF1's _SliceGrad: dy zero-padded by begin before and by (input − output − begin) after each dim.
  grad: (op, [dy]) => {
    const [x, bT] = op.inputs;
    const b = constValue(bT);
    const d = staticDims(x);
    const o = staticDims(op.outputs[0]);
    if (b !== null && d !== null && o !== null) return [pad(dy!, d.map((n, i) => [b[i], n - o[i] - b[i]])), null, null];
    const after = sub(sub(shapeOf(x, { out_type: bT.dtype }), shapeOf(op.outputs[0], { out_type: bT.dtype })), bT);
    return [pad(dy!, transpose(stack([bT, after]))), null, null];
  },
});

/** tf.slice(input_, begin, size): begin and size are JS arrays or int32 tensors. */
export function slice(input: unknown, begin: unknown, size: unknown, opts: NameOpt = {}): Tensor {
  return opScope([input], opts.name, 'Slice', (scope) => {
    const x = toTensor(input, { name: 'input' });
    return makeOp('Slice', [x, intArg(begin, 'begin'), intArg(size, 'size')], {}, { name: scope }).outputs[0];
  });
}
