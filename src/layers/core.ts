// tf.layers.Dropout / dropout (identity unless training) and tf.layers.Flatten / flatten, as TF1's core layers.
import { isTensorValue, toTensor } from '../ops/convert.ts';
import type { Tensor } from '../graph/tensor.ts';
import { identity } from '../ops/state/identity.ts';
import { reshape } from '../ops/array/reshape.ts';
import { shape as shapeOf } from '../ops/array/shape.ts';
import { stack } from '../ops/array/stack.ts';
import { where } from '../ops/array/where.ts';
import { dropout as nnDropout } from '../nn/dropout.ts';
import { Layer, type LayerOptions } from './base.ts';

export interface DropoutLayerOptions extends LayerOptions {
  noise_shape?: unknown;
  seed?: number | null;
}

export class Dropout extends Layer {
  readonly noise_shape: unknown;
  readonly seed: number | null;

  /** rate: the fraction of units dropped (not keep_prob). */
  constructor(readonly rate: unknown = 0.5, opts: DropoutLayerOptions = {}) {
    super('dropout', opts);
    this.noise_shape = opts.noise_shape ?? null;
    this.seed = opts.seed ?? null;
  }

  protected build(): void {}

  /**
   * training: a JS boolean chooses the branch while building (TF1's smart_cond); a bool tensor selects between
   * the dropped and the unchanged inputs at run time (both are built; only the chosen value is returned).
   */
  protected call(inputs: Tensor, kwargs: Record<string, unknown>): Tensor {
    const training = kwargs.training ?? false;
    const dropped = () => nnDropout(inputs, undefined, { rate: this.rate, noise_shape: this.noise_shape, seed: this.seed });
    if (isTensorValue(training)) {
      const t = toTensor(training, { what: 'training' });
      if (t.dtype !== 'bool') throw new TypeError(`Dropout: training must be a boolean or a bool tensor, got a ${t.dtype} tensor`);
      return where(t, dropped(), identity(inputs));
    }
    if (typeof training !== 'boolean') throw new TypeError(`Dropout: training must be a boolean or a bool tensor, got ${String(training)}`);
    return training ? dropped() : identity(inputs);
  }
}

export interface DropoutFnOptions {
  rate?: unknown;
  noise_shape?: unknown;
  seed?: number | null;
  training?: unknown;
  name?: string | null;
}

/** tf.layers.dropout(inputs, {rate: 0.5, noise_shape, seed, training: false, name}). */
export function dropout(inputs: unknown, opts: DropoutFnOptions = {}): Tensor {
  const layer = new Dropout(opts.rate ?? 0.5, { noise_shape: opts.noise_shape, seed: opts.seed, name: opts.name });
  return layer.apply(inputs, { training: opts.training ?? false });
}

export class Flatten extends Layer {
  constructor(opts: LayerOptions = {}) { super('flatten', opts); }

  protected build(): void {}

  /** [batch, ...] → [batch, prod(...)]; the batch dim is read at run time when unknown. */
  protected call(inputs: Tensor): Tensor {
    const s = inputs.staticShape;
    const batch = s === null ? null : s[0];
    const target = batch !== null && batch !== undefined ? [batch, -1] : stack([shapeOf(inputs).get(0), -1]);
    const out = reshape(inputs, target);
    if (s !== null && s.length >= 1) {
      const rest = s.slice(1);
      out.set_shape([s[0], rest.every((d) => d !== null) ? rest.reduce<number>((a, d) => a * d!, 1) : null]);
    }
    return out;
  }
}

/** tf.layers.flatten(inputs, {name}). */
export function flatten(inputs: unknown, opts: { name?: string | null } = {}): Tensor {
  return new Flatten({ name: opts.name }).apply(inputs);
}
