// TF1 initializers (init_ops): callables (shape, dtype) → initial-value tensor, with TF1's defaults and fan rules.
import { asDType, isFloating, type DType } from '../graph/dtypes.ts';
import type { Tensor } from '../graph/tensor.ts';
import { constant, fillToShape } from '../ops/constant.ts';
import { random_normal, random_uniform, truncated_normal } from '../ops/random/random.ts';
import { NDArray } from '../runtime/ndarray.ts';

export type Initializer = ((shape: number[], dtype?: DType | string, partition_info?: unknown) => Tensor) & { readonly initializerName?: string };

function named(name: string, f: (shape: number[], dtype: DType) => Tensor, defaultDtype: DType = 'float32'): Initializer {
  const init = (shape: number[], dtype?: DType | string) => f(shape, dtype === undefined ? defaultDtype : asDType(dtype));
  return Object.assign(init, { initializerName: name });
}

export function zeros_initializer(opts: { dtype?: DType | string } = {}): Initializer {
  return named('zeros', (shape, dtype) => fillConst(0, shape, dtype, 'zeros'), asDType(opts.dtype ?? 'float32'));
}

export function ones_initializer(opts: { dtype?: DType | string } = {}): Initializer {
  return named('ones', (shape, dtype) => fillConst(1, shape, dtype, 'ones'), asDType(opts.dtype ?? 'float32'));
}

function fillConst(value: number, shape: number[], dtype: DType, name: string): Tensor {
  return constant(value, { dtype, shape, name });
}

/** A scalar fills; fewer values repeat the last; more is a ValueError (TF1's fill rule). */
export function constant_initializer(value: unknown = 0, opts: { dtype?: DType | string; verify_shape?: boolean } = {}): Initializer {
  return named('constant', (shape, dtype) => {
    const arr = NDArray.from(value, dtype);
    return constant(fillToShape(arr, shape, opts.verify_shape ?? false), { name: 'Const' });
  }, asDType(opts.dtype ?? 'float32'));
}

export interface RandomInitOptions { mean?: number; stddev?: number; minval?: number; maxval?: number | null; seed?: number | null; dtype?: DType | string }

export function random_normal_initializer(opts: RandomInitOptions = {}): Initializer {
  return named('random_normal', (shape, dtype) => random_normal(shape, { mean: opts.mean ?? 0, stddev: opts.stddev ?? 1, seed: opts.seed, dtype }));
}

export function truncated_normal_initializer(opts: RandomInitOptions = {}): Initializer {
  return named('truncated_normal', (shape, dtype) => truncated_normal(shape, { mean: opts.mean ?? 0, stddev: opts.stddev ?? 1, seed: opts.seed, dtype }));
}

export function random_uniform_initializer(opts: RandomInitOptions = {}): Initializer {
  return named('random_uniform', (shape, dtype) => random_uniform(shape, { minval: opts.minval ?? 0, maxval: opts.maxval ?? 1, seed: opts.seed, dtype }));
}

/** TF1's _compute_fans: rank 0 → (1, 1); rank 1 → (n, n); rank 2 → (a, b); rank ≥3 → receptive field times the last two dims. */
export function computeFans(shape: number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape.at(-2)! * receptive, shape.at(-1)! * receptive];
}

/** Stddev correction of a normal truncated at ±2σ (TF ≥1.13). */
const TRUNCATION_CORRECTION = 0.87962566103423978;

export interface VarianceScalingOptions {
  scale?: number; mode?: 'fan_in' | 'fan_out' | 'fan_avg'; distribution?: 'normal' | 'truncated_normal' | 'untruncated_normal' | 'uniform';
  seed?: number | null; dtype?: DType | string;
}

export function variance_scaling_initializer(opts: VarianceScalingOptions = {}): Initializer {
  const scale = opts.scale ?? 1.0;
  const mode = opts.mode ?? 'fan_in';
  const distribution = opts.distribution ?? 'truncated_normal';
  if (scale <= 0) throw new Error('ValueError: `scale` must be positive float.');
  if (!['fan_in', 'fan_out', 'fan_avg'].includes(mode)) throw new Error(`ValueError: Invalid \`mode\` argument: ${mode}`);
  if (!['normal', 'truncated_normal', 'untruncated_normal', 'uniform'].includes(distribution)) {
    throw new Error(`ValueError: Invalid \`distribution\` argument: ${distribution}`);
  }
  return named(`variance_scaling_${distribution}`, (shape, dtype) => {
    if (!isFloating(dtype)) throw new TypeError(`Cannot create initializer for non-floating point type ${dtype}.`);
    const [fanIn, fanOut] = computeFans(shape);
    const n = mode === 'fan_in' ? Math.max(1, fanIn) : mode === 'fan_out' ? Math.max(1, fanOut) : Math.max(1, (fanIn + fanOut) / 2);
    const s = scale / n;
    if (distribution === 'uniform') {
      const limit = Math.sqrt(3 * s);
      return random_uniform(shape, { minval: -limit, maxval: limit, seed: opts.seed, dtype });
    }
    if (distribution === 'untruncated_normal') return random_normal(shape, { stddev: Math.sqrt(s), seed: opts.seed, dtype });
    return truncated_normal(shape, { stddev: Math.sqrt(s) / TRUNCATION_CORRECTION, seed: opts.seed, dtype });
  }, asDType(opts.dtype ?? 'float32'));
}

/** U(−L, L), L = sqrt(6 / (fan_in + fan_out)): the default for float variables. */
export function glorot_uniform_initializer(opts: { seed?: number | null; dtype?: DType | string } = {}): Initializer {
  return variance_scaling_initializer({ scale: 1, mode: 'fan_avg', distribution: 'uniform', ...opts });
}

export function glorot_normal_initializer(opts: { seed?: number | null; dtype?: DType | string } = {}): Initializer {
  return variance_scaling_initializer({ scale: 1, mode: 'fan_avg', distribution: 'truncated_normal', ...opts });
}

/** tf.contrib.layers.xavier_initializer(uniform=True): glorot uniform, or glorot (truncated) normal. */
export function xavier_initializer(opts: { uniform?: boolean; seed?: number | null; dtype?: DType | string } = {}): Initializer {
  return opts.uniform === false ? glorot_normal_initializer(opts) : glorot_uniform_initializer(opts);
}
