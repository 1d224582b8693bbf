// tf.random_normal, tf.random_uniform, tf.truncated_normal: TF1's compositions of the raw random ops.
import { asDType, isFloating, type DType } from '../../graph/dtypes.ts';
import { asShape, isFullyDefined } from '../../graph/shape.ts';
import { get_default_graph } from '../../graph/default.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { add } from '../math/add.ts';
import { multiply } from '../math/mul.ts';
import { sub } from '../math/sub.ts';
import { getSeeds } from './prng.ts';
import { rawRandom } from './random_ops.ts';

export interface RandomOptions {
  mean?: number; stddev?: number; minval?: number; maxval?: number | null;
  dtype?: DType | string; seed?: number | null; name?: string;
}

/** A JS shape must be fully defined; an int32 tensor (e.g. tf.shape(x)) is read at run time. */
function staticShape(shape: unknown, fn: string): number[] | Tensor {
  if (isTensorValue(shape)) return toTensor(shape);
  const s = asShape(shape);
  if (!isFullyDefined(s)) throw new Error(`ValueError: ${fn}: shape ${JSON.stringify(shape)} must be fully defined`);
  return s;
}

/** raw * stddev + mean, named like TF1 (`random_normal/RandomStandardNormal`, `random_normal/mul`, `random_normal`). */
function normalLike(type: string, scope: string, shape: unknown, opts: RandomOptions): Tensor {
  const dtype = asDType(opts.dtype ?? 'float32');
  const g = get_default_graph();
  return g.name_scope(opts.name ?? scope, (ns) => {
    const dims = staticShape(shape, scope);
    const mean = toTensor(opts.mean ?? 0, { dtype, name: 'mean' });
    const stddev = toTensor(opts.stddev ?? 1, { dtype, name: 'stddev' });
    const rnd = rawRandom(type, dims, dtype, getSeeds(opts.seed, g));
    return add(multiply(rnd, stddev, { name: 'mul' }), mean, { name: ns });
  });
}

export function random_normal(shape: unknown, opts: RandomOptions = {}): Tensor {
  return normalLike('RandomStandardNormal', 'random_normal', shape, opts);
}

/** Normal samples redrawn beyond two standard deviations. */
export function truncated_normal(shape: unknown, opts: RandomOptions = {}): Tensor {
  return normalLike('TruncatedNormal', 'truncated_normal', shape, opts);
}

/** U[minval, maxval); maxval defaults to 1 for floats. */
export function random_uniform(shape: unknown, opts: RandomOptions = {}): Tensor {
  const dtype = asDType(opts.dtype ?? 'float32');
  if (!isFloating(dtype)) throw new Error(`ValueError: random_uniform with dtype ${dtype} is not supported by tfgraph (floating dtypes only)`);
  const g = get_default_graph();
  return g.name_scope(opts.name ?? 'random_uniform', (ns) => {
    const dims = staticShape(shape, 'random_uniform');
    const minval = toTensor(opts.minval ?? 0, { dtype, name: 'min' });
    const maxval = toTensor(opts.maxval ?? 1, { dtype, name: 'max' });
    const rnd = rawRandom('RandomUniform', dims, dtype, getSeeds(opts.seed, g));
    const range = sub(maxval, minval, { name: 'sub' });
    return add(multiply(rnd, range, { name: 'mul' }), minval, { name: ns });
  });
}
