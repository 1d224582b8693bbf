// Range (tf.range(start, limit?, delta?, {dtype})): int32 for integer arguments, float32 otherwise.
import { asDType, isInteger, type DType } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { castTo } from '../math/cast.ts';
import { opScope, runtimeError, scalarValue, type NameOpt } from './util.ts';

const isOpts = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTensorValue(v) && !ArrayBuffer.isView(v);

const HIERARCHY: DType[] = ['int32', 'int64', 'float32', 'float64'];

function rangeSize(start: number, limit: number, delta: number, int: boolean, fail: (m: string) => never): number {
  if (delta === 0) fail(`Requires delta != 0: ${delta}`);
  if (delta > 0 && start > limit) fail(`Requires start <= limit when delta > 0: ${start}/${limit}`);
  if (delta < 0 && start < limit) fail(`Requires start >= limit when delta < 0: ${start}/${limit}`);
  return int ? Math.trunc((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta)) : Math.ceil(Math.abs(Math.fround((limit - start) / delta)));
}

export const Range = defineOp({
  type: 'Range',
  nondiff: true,
  infer: (ctx) => {
    const dtype = ctx.inputs[0].dtype;
    for (const t of ctx.inputs) {
      if (t.dtype !== dtype) throw new TypeError(`Input '${['start', 'limit', 'delta'][ctx.inputs.indexOf(t)]}' of 'Range' Op has type ${t.dtype} that does not match type ${dtype} of argument 'start'.`);
      if (t.staticShape !== null && t.staticShape.length !== 0) ctx.fail(`Shape must be rank 0 but is rank ${t.staticShape.length}`);
    }
    const [a, b, d] = ctx.inputs.map((t) => (t.op.type === 'Const' ? (t.op.attrs.value as { data: ArrayLike<number> }).data[0] : scalarValue(t)));
    if (a === null || b === null || d === null) return [{ dtype, shape: [null] }];
    return [{ dtype, shape: [rangeSize(a, b, d, isInteger(dtype), (m) => ctx.fail(m))] }];
  },
  kernel: (ctx) => {
    const [a, b, d] = ctx.inputs.map((t) => ctx.read(t)[0]);
    const dtype = ctx.op.outputs[0].dtype;
    const n = rangeSize(a, b, d, isInteger(dtype), (m) => { throw runtimeError(ctx, m); });
    const out = isInteger(dtype) ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = a + i * d;
    return [ctx.write(out, [n], isInteger(dtype) ? 'int32' : 'float32')];
  },
});

/** tf.range(start, limit=None, delta=1, {dtype}): with one argument it is the limit. */
export function range(start: unknown, limit?: unknown, delta: unknown = 1, opts: NameOpt & { dtype?: DType | string } = {}): Tensor {
  // An options object may come early: tf.range(5, {dtype}) or tf.range(1, 5, {dtype}).
  if (isOpts(limit)) [opts, limit, delta] = [limit as typeof opts, undefined, 1];
  else if (isOpts(delta)) [opts, delta] = [delta as typeof opts, 1];
  if (limit === undefined || limit === null) [start, limit] = [0, start];
  const args = [start, limit, delta];
  return opScope(args, opts.name, 'range', (scope) => {
    let dtype: DType | null = opts.dtype === undefined ? null : asDType(opts.dtype);
    if (dtype === null) {
      // TF1 picks the widest of the arguments' dtypes (JS integers count as int32, other numbers as float32).
      const ds = args.map((v) => (isTensorValue(v) ? toTensor(v).dtype : Number.isInteger(v) ? 'int32' : 'float32'));
      for (const d of ds) if (!HIERARCHY.includes(d as DType)) throw new TypeError(`tf.range: arguments must be int32, int64, float32 or float64, got ${d}`);
      dtype = ds.reduce((m, d) => (HIERARCHY.indexOf(d as DType) > HIERARCHY.indexOf(m as DType) ? d : m)) as DType;
    }
    const names = ['start', 'limit', 'delta'];
    const ts = args.map((v, i) => {
      if (!isTensorValue(v)) return constant(v, { dtype: dtype!, name: names[i] });
      const t = toTensor(v);
      if (t.dtype !== dtype) return castTo(t, dtype!);
      return t;
    });
    return makeOp('Range', ts, { Tidx: dtype }, { name: scope }).outputs[0];
  });
}
