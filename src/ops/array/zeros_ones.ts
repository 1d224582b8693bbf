// tf.zeros / tf.ones builders: a Const when small (< 1000 elements) and static, else Fill (as TF1).
import { describeValue } from '../../graph/describe.ts';
import { asDType, type DType } from '../../graph/dtypes.ts';
import { isFullyDefined, numElements } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { isTensorValue } from '../convert.ts';
import { makeOp } from '../registry.ts';
import { intArg, opScope, type NameOpt } from './util.ts';

/**
 * A `value`-filled tensor named `scope` (a scope string 'zeros/' or a plain name): a Const for small static
 * shapes, else Fill(shape, Const value).
 */
export function filled(value: number, shape: unknown, dtype: DType, scope: string): Tensor {
  const v = dtype === 'bool' ? value !== 0 : value;
  const dynamic = isTensorValue(shape) || (Array.isArray(shape) && shape.some(isTensorValue));
  if (!dynamic) {
    const dims = typeof shape === 'number' ? [shape] : (shape as number[]);
    if (!Array.isArray(dims) || !isFullyDefined(dims)) throw new TypeError(`shape must be a list of ints or an int32 tensor, got ${describeValue(shape)}`);
    if (numElements(dims) < 1000) return constant(v, { dtype, shape: dims, name: scope });
  }
  const s = intArg(shape, 'shape_as_tensor');
  const c = constant(v, { dtype, name: 'Const' });
  return makeOp('Fill', [s, c], {}, { name: scope }).outputs[0];
}

/** tf.zeros(shape, {dtype=float32}). */
export function zeros(shape: unknown, opts: NameOpt & { dtype?: DType | string } = {}): Tensor {
  const dtype = asDType(opts.dtype ?? 'float32');
  return opScope([shape], opts.name, 'zeros', (scope) => filled(0, shape, dtype, scope));
}

/** tf.ones(shape, {dtype=float32}). */
export function ones(shape: unknown, opts: NameOpt & { dtype?: DType | string } = {}): Tensor {
  const dtype = asDType(opts.dtype ?? 'float32');
  return opScope([shape], opts.name, 'ones', (scope) => filled(1, shape, dtype, scope));
}
