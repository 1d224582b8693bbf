// StridedSliceGrad (TF1's op): scatters dy back into zeros of the sliced input's shape; StridedSlice's gradient.
import type { Operation } from '../../graph/graph.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { defineOp, makeOp } from '../registry.ts';
import { denseSlice, type SliceMasks } from './strided_slice_spec.ts';
import { shape as shapeOf } from './shape.ts';
import { strided_slice } from './strided_slice.ts';
import { readInts, runtimeError, shapeFromTensor, stridesOf } from './util.ts';

const MASKS = ['begin_mask', 'end_mask', 'ellipsis_mask', 'new_axis_mask', 'shrink_axis_mask'] as const;
const masksOf = (a: Record<string, unknown>) => Object.fromEntries(MASKS.map((k) => [k, (a[k] as number) ?? 0])) as unknown as SliceMasks;

export const StridedSliceGrad = defineOp({
  type: 'StridedSliceGrad',
  // inputs: shape, begin, end, strides, dy
  infer: (ctx) => [{ dtype: ctx.inputs[4].dtype, shape: shapeFromTensor(ctx.inputs[0]) }],
  kernel: (ctx) => {
    const shape = readInts(ctx, 0);
    const dy = ctx.inputs[4];
    const spec = denseSlice(shape, readInts(ctx, 1), readInts(ctx, 2), readInts(ctx, 3), masksOf(ctx.attrs), (m) => {
      throw runtimeError(ctx, m);
    })!;
    const sizes = spec.processing as number[];
    const begin = spec.begin as number[];
    const g = ctx.read(dy);
    const out = allocData(dy.dtype as never, shape.reduce((a, d) => a * d, 1));
    const st = stridesOf(shape);
    const idx = new Array(sizes.length).fill(0);
    // dy's elements in row-major order are the sliced box's (shrunk and new axes only change the shape).
    if (!sizes.some((d) => d === 0)) {
      for (let k = 0; k < g.length; k++) {
        let o = 0;
        for (let i = 0; i < idx.length; i++) o += (begin[i] + idx[i] * spec.strides[i]) * st[i];
        out[o] = g[k];
        for (let i = idx.length - 1; i >= 0 && ++idx[i] === sizes[i]; i--) idx[i] = 0;
      }
    }
    return [ctx.write(out, shape, dy.dtype)];
  },
  // Linear in dy: its gradient slices the incoming gradient the same way; none for shape and bounds.
  grad: (op, [g]) => [null, null, null, null, strided_slice(g!, op.inputs[1], op.inputs[2], op.inputs[3], masksOf(op.attrs))],
});

/** StridedSlice's gradient: dy scattered into zeros of x's shape (a Const when static); none for the bounds. */
export function stridedSliceGrad(op: Operation, dy: Tensor): (Tensor | null)[] {
  const [x, b, e, s] = op.inputs;
  const shape = shapeOf(x, { out_type: b.dtype });
  const attrs = masksOf(op.attrs);
  return [makeOp('StridedSliceGrad', [shape, b, e, s, dy], { ...attrs }, { defaultName: 'StridedSliceGrad' }).outputs[0], null, null, null];
}
