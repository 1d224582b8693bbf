// Squeeze (tf.squeeze(input, {axis})): removes all size-1 dims, or the listed ones (each must be 1).
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { reshape } from './reshape.ts';
import { shape as shapeOf } from './shape.ts';
import { runtimeError, type NameOpt } from './util.ts';

export const Squeeze = defineOp({
  type: 'Squeeze',
  infer: (ctx) => {
    const x = ctx.inputs[0];
    const dims = ctx.attrs.squeeze_dims as number[];
    const s = x.staticShape;
    if (s === null) return [{ dtype: x.dtype, shape: null }];
    const r = s.length;
    const drop = new Set<number>();
    for (const d of dims) {
      if (d < -r || d >= r) ctx.fail(`Tried to squeeze dim index ${d} for tensor with ${r} dimensions.`);
      const a = d < 0 ? d + r : d;
      if (s[a] !== null && s[a] !== 1) ctx.fail(`Can not squeeze dim[${a}], expected a dimension of 1, got ${s[a]}`);
      drop.add(a);
    }
    let out: Dim[];
    if (dims.length) out = s.filter((_, i) => !drop.has(i));
    else {
      // Unknown dims may or may not be 1: the result's rank is then unknown (as TF1).
      if (s.some((d) => d === null)) return [{ dtype: x.dtype, shape: null }];
      out = s.filter((d) => d !== 1);
    }
    return [{ dtype: x.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const dims = (ctx.attrs.squeeze_dims as number[]).map((d) => (d < 0 ? d + x.shape.length : d));
    for (const a of dims) {
      if (x.shape[a] !== 1) throw runtimeError(ctx, `Can not squeeze dim[${a}], expected a dimension of 1, got ${x.shape[a]}`);
    }
    const shape = dims.length ? x.shape.filter((_, i) => !dims.includes(i)) : x.shape.filter((d) => d !== 1);
    return [ctx.call('Reshape', { x }, { shape })];
  },
  grad: (op, [dy]) => [reshape(dy!, shapeOf(op.inputs[0]))],
});

/** tf.squeeze(input, {axis}) — axis a number or list (TF1's `squeeze_dims` keyword also accepted). */
export function squeeze(input: unknown, opts: NameOpt & { axis?: number | number[] | null; squeeze_dims?: number | number[] } = {}): Tensor {
  const a = opts.axis ?? opts.squeeze_dims ?? [];
  const dims = typeof a === 'number' ? [a] : [...a];
  return makeOp('Squeeze', [toTensor(input, { name: 'input' })], { squeeze_dims: dims }, { name: opts.name, defaultName: 'Squeeze' }).outputs[0];
}
