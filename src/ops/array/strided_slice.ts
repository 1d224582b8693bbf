// StridedSlice (tf.strided_slice, Python indexing): begin/end/strides inputs with TF's five mask attrs.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp, type KernelCtx } from '../registry.ts';
import { denseSlice, type SliceMasks } from './strided_slice_spec.ts';
import { intArg, opScope, partialValue, readInts, runtimeError, type NameOpt } from './util.ts';
import { ones_like } from './ones_like.ts';
import { stridedSliceGrad } from './strided_slice_grad.ts';

const masksOf = (a: Record<string, unknown>): SliceMasks => ({
  begin_mask: (a.begin_mask as number) ?? 0, end_mask: (a.end_mask as number) ?? 0, ellipsis_mask: (a.ellipsis_mask as number) ?? 0,
  new_axis_mask: (a.new_axis_mask as number) ?? 0, shrink_axis_mask: (a.shrink_axis_mask as number) ?? 0,
});

export const StridedSlice = defineOp({
  type: 'StridedSlice',
  infer: (ctx) => {
    const [x, b, e, s] = ctx.inputs;
    for (const t of [b, e, s]) if (t.staticShape !== null && t.staticShape.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${t.staticShape.length}`);
    const lens = [b, e, s].map((t) => t.staticShape?.[0] ?? null);
    if (lens.every((l) => l !== null) && (lens[0] !== lens[1] || lens[0] !== lens[2])) {
      ctx.fail(`Expected begin, end, and strides to be 1D equal size tensors, but got shapes [${lens[0]}], [${lens[1]}], and [${lens[2]}] instead.`);
    }
    const strides = partialValue(s);
    if (x.staticShape === null || strides === null) return [{ dtype: x.dtype, shape: null }];
    const n = strides.length;
    const begin = partialValue(b) ?? new Array(n).fill(null);
    const end = partialValue(e) ?? new Array(n).fill(null);
    const spec = denseSlice(x.staticShape, begin, end, strides, masksOf(ctx.attrs), (m) => ctx.fail(m));
    return [{ dtype: x.dtype, shape: spec ? spec.final : null }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const spec = denseSlice(x.shape, readInts(ctx, 1), readInts(ctx, 2), readInts(ctx, 3), masksOf(ctx.attrs), (m) => {
      throw runtimeError(ctx, m);
    })!;
    const final = spec.final as number[];
    const sizes = spec.processing as number[];
    if (sizes.some((d) => d === 0)) return [ctx.write(emptyOf(x.dtype), final, x.dtype)];
    return [stridedSliceDense(ctx, x, spec.begin as number[], spec.strides, sizes, final)];
  },
  grad: (op, [dy]) => stridedSliceGrad(op, dy!),
});

function emptyOf(dtype: string) {
  return dtype === 'float32' ? new Float32Array(0) : dtype === 'int32' ? new Int32Array(0) : new Uint8Array(0);
}

/** Slices the bounding box with Slice, picks strided elements with GatherV2, then reshapes to the output shape. */
function stridedSliceDense(ctx: KernelCtx, x: TensorInfo, begin: number[], strides: number[], sizes: number[], final: number[]): TensorInfo {
  const lo = begin.map((b, i) => (strides[i] > 0 ? b : b + (sizes[i] - 1) * strides[i]));
  const box = sizes.map((n, i) => (n - 1) * Math.abs(strides[i]) + 1);
  let y = x;
  if (lo.some((v) => v !== 0) || box.some((v, i) => v !== x.shape[i])) y = ctx.call('Slice', { x: y }, { begin: lo, size: box });
  for (let i = 0; i < strides.length; i++) {
    if (strides[i] === 1) continue;
    const idx = new Int32Array(sizes[i]);
    for (let k = 0; k < sizes[i]; k++) idx[k] = begin[i] + k * strides[i] - lo[i];
    const indices = ctx.write(idx, [sizes[i]], 'int32');
    y = ctx.call('GatherV2', { x: y, indices }, { axis: i, batchDims: 0 });
  }
  if (y.shape.join(',') !== final.join(',')) return ctx.call('Reshape', { x: y }, { shape: final });
  return y === x ? ctx.keep(x) : y;
}

export interface StridedSliceOptions extends NameOpt {
  begin_mask?: number; end_mask?: number; ellipsis_mask?: number; new_axis_mask?: number; shrink_axis_mask?: number;
}

/** tf.strided_slice(input_, begin, end, strides=None, {begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask}). */
export function strided_slice(input: unknown, begin: unknown, end: unknown, strides?: unknown, opts: StridedSliceOptions = {}): Tensor {
  return opScope([input], opts.name, 'StridedSlice', (scope) => {
    const x = toTensor(input, { name: 'input' });
    const b = intArg(begin, 'begin');
    const e = intArg(end, 'end');
    const s = strides === undefined || strides === null ? ones_like(b) : intArg(strides, 'strides');
    const attrs = {
      begin_mask: opts.begin_mask ?? 0, end_mask: opts.end_mask ?? 0, ellipsis_mask: opts.ellipsis_mask ?? 0,
      new_axis_mask: opts.new_axis_mask ?? 0, shrink_axis_mask: opts.shrink_axis_mask ?? 0,
    };
    return makeOp('StridedSlice', [x, b, e, s], attrs, { name: scope }).outputs[0];
  });
}
