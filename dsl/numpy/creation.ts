// Array creation: array/asarray, zeros/ones/full (+ _like), empty, arange, linspace, eye/identity.
import { allocNp, castValue, toNpDType, type NpDType } from './dtype.ts';
import { bind, newShapeOf, numel } from './args.ts';
import { NpArray } from './array.ts';
import { pyScalar, toNp } from './convert.ts';

export function array(...args: unknown[]): NpArray {
  const o = bind('array', args, ['object', 'dtype', 'copy', 'order', 'subok', 'ndmin'], 1);
  let a = toNp(o.object, o.dtype);
  if (a === o.object && o.copy !== false) a = a.copy();
  if (a.isScalar) a = new NpArray(a.dtype, [], a.data.slice());
  const ndmin = Number(o.ndmin ?? 0);
  if (a.ndim < ndmin) a = a.reshape([...new Array(ndmin - a.ndim).fill(1), ...a.shape]);
  return a;
}

export function asarray(...args: unknown[]): NpArray {
  const o = bind('asarray', args, ['a', 'dtype', 'order'], 1);
  const a = toNp(o.a, o.dtype);
  return a.isScalar ? new NpArray(a.dtype, [], a.data.slice()) : a;
}

function filled(fn: string, args: unknown[], value: number | null): NpArray {
  const o = bind(fn, args, value === null ? ['shape', 'fill_value', 'dtype', 'order'] : ['shape', 'dtype', 'order'], value === null ? 2 : 1);
  const shape = newShapeOf([o.shape]);
  let v = value ?? 0;
  let dt: NpDType = o.dtype == null ? 'float64' : toNpDType(o.dtype);
  if (value === null) {
    const fv = toNp(o.fill_value);
    v = fv.data[0];
    if (o.dtype == null) dt = fv.dtype;
  }
  const data = allocNp(dt, numel(shape));
  data.fill(castValue(dt, v));
  return new NpArray(dt, shape, data);
}

export const zeros = (...a: unknown[]): NpArray => filled('zeros', a, 0);
export const ones = (...a: unknown[]): NpArray => filled('ones', a, 1);
export const empty = (...a: unknown[]): NpArray => filled('empty', a, 0);
export const full = (...a: unknown[]): NpArray => filled('full', a, null);

function like(fn: string, args: unknown[], value: number | null): NpArray {
  const o = bind(fn, args, value === null ? ['a', 'fill_value', 'dtype'] : ['a', 'dtype'], value === null ? 2 : 1);
  const a = toNp(o.a);
  const dt = o.dtype == null ? a.dtype : toNpDType(o.dtype);
  return value === null ? full(a.shape, o.fill_value, { dtype: dt }) : filled(fn, [a.shape, { dtype: dt }], value);
}

export const zeros_like = (...a: unknown[]): NpArray => like('zeros_like', a, 0);
export const ones_like = (...a: unknown[]): NpArray => like('ones_like', a, 1);
export const empty_like = (...a: unknown[]): NpArray => like('empty_like', a, 0);
export const full_like = (...a: unknown[]): NpArray => like('full_like', a, null);

/** arange([start,] stop[, step]): int64 when every bound is an int, else float64. */
export function arange(...args: unknown[]): NpArray {
  const o = bind('arange', args, ['start', 'stop', 'step', 'dtype'], 1);
  let bounds = [o.start, o.stop, o.step];
  if (o.stop === undefined) bounds = [0n, o.start, o.step];
  const ps = bounds.map((b) => (b === undefined || b === null ? null : pyScalar(b) ?? { kind: toNp(b).dtype.startsWith('int') ? 'int' : 'float', value: Number(toNp(b).data[0]) }));
  const [start, stop] = [ps[0]!.value, ps[1]!.value];
  const step = ps[2]?.value ?? 1;
  if (step === 0) throw new Error('ZeroDivisionError: division by zero');
  const allInt = ps.every((p) => p === null || p.kind === 'int' || p.kind === 'bool');
  const dt: NpDType = o.dtype != null ? toNpDType(o.dtype) : allInt ? 'int64' : 'float64';
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isFinite(n)) throw new Error('ValueError: arange: cannot compute length');
  if (n > 2 ** 28) throw new Error(`MemoryError: Unable to allocate an array of ${n} elements`);
  const data = allocNp(dt, n);
  for (let i = 0; i < n; i++) data[i] = castValue(dt, start + i * step);
  return new NpArray(dt, [n], data);
}

export function linspace(...args: unknown[]): NpArray | [NpArray, NpArray] {
  const o = bind('linspace', args, ['start', 'stop', 'num', 'endpoint', 'retstep', 'dtype', 'axis'], 2);
  const start = Number(o.start);
  const stop = Number(o.stop);
  const num = Number(o.num ?? 50);
  if (!Number.isInteger(num)) throw new TypeError(`'${typeof o.num === 'number' ? 'float' : typeof o.num}' object cannot be interpreted as an integer`);
  if (num < 0) throw new Error(`ValueError: Number of samples, ${num}, must be non-negative.`);
  if (num > 2 ** 28) throw new Error(`MemoryError: Unable to allocate an array of ${num} samples`);
  const endpoint = o.endpoint !== false;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : NaN;
  const dt: NpDType = o.dtype == null ? 'float64' : toNpDType(o.dtype);
  const data = allocNp(dt, num);
  for (let i = 0; i < num; i++) {
    let v = div > 0 ? (step === 0 ? ((i / div) * (stop - start)) + start : i * step + start) : start;
    if (endpoint && num > 1 && i === num - 1) v = stop;
    data[i] = castValue(dt, v);
  }
  const a = new NpArray(dt, [num], data);
  return o.retstep ? [a, NpArray.scalar('float64', step)] : a;
}

export function eye(...args: unknown[]): NpArray {
  const o = bind('eye', args, ['N', 'M', 'k', 'dtype'], 1);
  const n = Number(o.N);
  const m = o.M == null ? n : Number(o.M);
  const k = Number(o.k ?? 0);
  const dt: NpDType = o.dtype == null ? 'float64' : toNpDType(o.dtype);
  const data = allocNp(dt, n * m);
  for (let i = 0; i < n; i++) if (i + k >= 0 && i + k < m) data[i * m + i + k] = 1;
  return new NpArray(dt, [n, m], data);
}

export const identity = (n: unknown, ...a: unknown[]): NpArray => eye(n, { dtype: bind('identity', a, ['dtype']).dtype });
