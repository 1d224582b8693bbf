// OneHot (tf.one_hot): a new axis of size depth (default last); out-of-range indices give an all-off row.
import { asDType, computeDType, isInteger, type DType } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { constant } from '../constant.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { intArg, opScope, readInts, scalarValue, type NameOpt } from './util.ts';

export const OneHot = defineOp({
  type: 'OneHot',
  nondiff: true,
  infer: (ctx) => {
    const [idx, depthT, on, off] = ctx.inputs;
    if (!isInteger(idx.dtype)) throw new TypeError(`Value passed to parameter 'indices' has DataType ${idx.dtype} not in list of allowed values: uint8, int32, int64`);
    if (on.dtype !== off.dtype) throw new TypeError(`Input 'off_value' of 'OneHot' Op has type ${off.dtype} that does not match type ${on.dtype} of argument 'on_value'.`);
    const axis = ctx.attrs.axis as number;
    const s = idx.staticShape;
    if (s === null) return [{ dtype: on.dtype, shape: null }];
    if (axis < -1 || axis > s.length) ctx.fail(`Expected axis to be -1 or between [0, ${s.length + 1}).  But received: ${axis}`);
    const depth = scalarValue(depthT);
    if (depth !== null && depth < 0) ctx.fail(`depth must be non-negative, got: ${depth}`);
    const out = [...s];
    out.splice(axis === -1 ? s.length : axis, 0, depth);
    return [{ dtype: on.dtype, shape: out }];
  },
  kernel: (ctx) => {
    const [idxInfo] = ctx.inputs;
    const idx = ctx.read(idxInfo);
    const depth = readInts(ctx, 1)[0];
    const on = ctx.read(ctx.inputs[2])[0];
    const off = ctx.read(ctx.inputs[3])[0];
    const dtype = ctx.op.outputs[0].dtype;
    const shape = [...idxInfo.shape];
    const axis = (ctx.attrs.axis as number) === -1 ? shape.length : (ctx.attrs.axis as number);
    const outer = shape.slice(0, axis).reduce((a, d) => a * d, 1);
    const inner = shape.slice(axis).reduce((a, d) => a * d, 1);
    const out = allocData(dtype, outer * depth * inner).fill(off);
    // out[o, d, i] = idx[o, i] === d ? on : off
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const v = idx[o * inner + i];
        if (v >= 0 && v < depth) out[(o * depth + v) * inner + i] = on;
      }
    }
    shape.splice(axis, 0, depth);
    return [ctx.write(out, shape, computeDType(dtype))];
  },
});

export interface OneHotOptions extends NameOpt { on_value?: unknown; off_value?: unknown; axis?: number | null; dtype?: DType | string }

/** tf.one_hot(indices, depth, {on_value=1, off_value=0, axis=-1, dtype}): dtype from on/off values, else float32. */
export function one_hot(indices: unknown, depth: unknown, opts: OneHotOptions = {}): Tensor {
  return opScope([indices], opts.name, 'one_hot', (scope) => {
    let dtype = opts.dtype === undefined || opts.dtype === null ? null : asDType(opts.dtype);
    const given = [opts.on_value, opts.off_value].filter((v) => v !== undefined && v !== null);
    for (const [v, what] of [[opts.on_value, 'on_value'], [opts.off_value, 'off_value']] as const) {
      if (!isTensorValue(v)) continue;
      const dt = toTensor(v).dtype;
      if (dtype !== null && dt !== dtype) throw new TypeError(`dtype ${dt} of ${what} does not match dtype parameter ${dtype}`);
      dtype = dtype ?? dt;
    }
    dtype = dtype ?? (given.length ? 'float32' : 'float32');
    const on = opts.on_value === undefined || opts.on_value === null ? constant(1, { dtype, name: 'on_value' }) : toTensor(isTensorValue(opts.on_value) ? opts.on_value : constant(opts.on_value, { dtype, name: 'on_value' }));
    const off = opts.off_value === undefined || opts.off_value === null ? constant(0, { dtype, name: 'off_value' }) : toTensor(isTensorValue(opts.off_value) ? opts.off_value : constant(opts.off_value, { dtype, name: 'off_value' }));
    if (on.dtype !== off.dtype) throw new TypeError(`dtype ${on.dtype} of on_value does not match dtype ${off.dtype} of off_value`);
    const idx = intArg(indices, 'indices', 'indices');
    const d = intArg(depth, 'depth');
    return makeOp('OneHot', [idx, d, on, off], { axis: opts.axis ?? -1 }, { name: scope }).outputs[0];
  });
}
