// RandomStandardNormal, RandomUniform, TruncatedNormal: new values every run from a per-session seeded stream.
import { defineOp, makeOp, type InferCtx, type KernelCtx } from '../registry.ts';
import { computeDType, isFloating, type DType } from '../../graph/dtypes.ts';
import type { Shape } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { makeRng, type Rng } from './prng.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { partialValue } from '../array/util.ts';

function inferRandom(ctx: InferCtx) {
  const dtype = ctx.attrs.dtype as DType;
  if (!isFloating(dtype)) throw new TypeError(`${ctx.type} ('${ctx.name}') only supports floating dtypes, got ${dtype}`);
  // An optional int32 shape input (TF1's RandomUniform takes its shape as input): static dims as far as known.
  if (ctx.inputs.length === 1) return [{ dtype, shape: partialValue(ctx.inputs[0])?.map((d) => (d === null || d < 0 ? null : d)) ?? null }];
  return [{ dtype, shape: ctx.attrs.shape as Shape }];
}

function randomKernel(draw: (rng: Rng) => number) {
  return (ctx: KernelCtx) => {
    const shape = ctx.inputs.length === 1 ? Array.from(ctx.read(ctx.inputs[0])) : (ctx.attrs.shape as number[]);
    const rng = ctx.state.opState(ctx.op, 'rng', () => makeRng(ctx.attrs.seeds as [number, number] | null));
    const n = shape.reduce((a, b) => a * b, 1);
    const data = allocData('float32', n);
    for (let i = 0; i < n; i++) data[i] = draw(rng);
    return [ctx.write(data, [...shape], computeDType(ctx.attrs.dtype as DType))];
  };
}

export const RandomStandardNormal = defineOp({
  type: 'RandomStandardNormal', random: true, nondiff: true,
  infer: inferRandom, kernel: randomKernel((r) => r.normal()),
});

export const RandomUniform = defineOp({
  type: 'RandomUniform', random: true, nondiff: true,
  infer: inferRandom, kernel: randomKernel((r) => r.uniform()),
});

/** Standard normal, redrawn while farther than 2 standard deviations from 0. */
export const TruncatedNormal = defineOp({
  type: 'TruncatedNormal', random: true, nondiff: true,
  infer: inferRandom,
  kernel: randomKernel((r) => {
    for (;;) {
      const v = r.normal();
      if (v > -2 && v < 2) return v;
    }
  }),
});

/** The raw op; callers scale and shift it (random_normal = RandomStandardNormal * stddev + mean). */
export function rawRandom(type: string, shape: number[] | Tensor, dtype: DType, seeds: [number, number] | null, name?: string): Tensor {
  if (Array.isArray(shape)) return makeOp(type, [], { shape, dtype, seeds }, { name, defaultName: type }).outputs[0];
  return makeOp(type, [shape], { shape: null, dtype, seeds }, { name, defaultName: type }).outputs[0];
}
