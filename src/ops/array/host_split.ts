// Splitting a buffer along one axis on the host: each piece copies only its own rows (tfjs's wasm SplitV/Unpack copy
// the whole input per piece, and the cpu backend copies inner-axis slices element by element).
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelCtx } from '../registry.ts';

export function splitOnHost(ctx: KernelCtx, x: TensorInfo, sizes: readonly number[], axis: number, dropAxis = false): TensorInfo[] {
  const data = ctx.read(x);
  const shape = x.shape;
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const dim = shape[axis];
  const Ctor = data.constructor as new (n: number) => typeof data;
  let offset = 0;
  return sizes.map((size) => {
    const out = new Ctor(outer * size * inner);
    const block = size * inner;
    if (outer === 1) out.set(data.subarray(offset * inner, offset * inner + block));
    else for (let o = 0; o < outer; o++) out.set(data.subarray((o * dim + offset) * inner, (o * dim + offset) * inner + block), o * block);
    offset += size;
    const outShape = dropAxis ? [...shape.slice(0, axis), ...shape.slice(axis + 1)] : shape.map((d, i) => (i === axis ? size : d));
    return ctx.write(out, outShape, x.dtype);
  });
}
