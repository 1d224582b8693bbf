// Cast (tf.cast, tf.to_float, tf.to_int32, tf.to_int64, tf.to_double): float→int truncates toward zero; x→bool is x ≠ 0.
import { defineOp, makeOp } from '../registry.ts';
import { asDType, computeDType, isFloating, type DType } from '../../graph/dtypes.ts';
import { Tensor } from '../../graph/tensor.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { scalarLike, withOperands, type NameOpt } from './elementwise.ts';

export const Cast = defineOp({
  type: 'Cast',
  infer: (ctx) => [{ dtype: ctx.attrs.DstT as DType, shape: ctx.inputs[0].staticShape }],
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const to = computeDType(ctx.attrs.DstT as DType);
    if (x.dtype === to) return [ctx.keep(x)];
    // wasm's Cast to bool copies the bytes; x ≠ 0 is right on every backend.
    if (to === 'bool') return [ctx.call('NotEqual', { a: x, b: scalarLike(ctx, 0, x) })];
    return [ctx.call('Cast', { x }, { dtype: to })];
  },
  // Float to float passes dy back (cast to the source dtype); to or from int/bool there is no gradient.
  grad: (op, [dy]) => {
    const src = op.inputs[0].dtype;
    if (!dy || !isFloating(src) || !isFloating(op.attrs.DstT as DType)) return [null];
    return [dy.dtype === src ? dy : castTo(dy, src)];
  },
});

/** A Cast op in the current scope (default name 'Cast'). */
export function castTo(x: Tensor, dtype: DType, name?: string): Tensor {
  return makeOp('Cast', [x], { SrcT: x.dtype, DstT: dtype, Truncate: false }, { name, defaultName: 'Cast' }).outputs[0];
}

/** tf.cast(x, dtype): a tensor of that dtype already is returned as is. */
export function cast(x: unknown, dtype: unknown, opts: NameOpt = {}): Tensor {
  const to = asDType(dtype);
  if (isTensorValue(x) && toTensor(x).dtype === to) return toTensor(x);
  return withOperands([x], ['x'], opts.name, 'Cast', ([t], n) => (t.dtype === to ? t : castTo(t, to, n)), false);
}

export function to_float(x: unknown, opts: NameOpt = {}): Tensor { return cast(x, 'float32', { name: opts.name ?? 'ToFloat' }); }
export function to_double(x: unknown, opts: NameOpt = {}): Tensor { return cast(x, 'float64', { name: opts.name ?? 'ToDouble' }); }
export function to_int32(x: unknown, opts: NameOpt = {}): Tensor { return cast(x, 'int32', { name: opts.name ?? 'ToInt32' }); }
export function to_int64(x: unknown, opts: NameOpt = {}): Tensor { return cast(x, 'int64', { name: opts.name ?? 'ToInt64' }); }
