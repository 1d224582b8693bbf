// Containers: indexing and slicing with Python's rules, item assignment, iteration, len, `in`, and range.
import { pyError } from './errors.ts';
import { pyEquals } from './ops.ts';
import { repr } from './repr.ts';
import {
  PyDict, PyIterator, PySet, PySlice, PyTuple, protocol, toIndex, typeName, type Value,
} from './values.ts';

/** Indexing hooks for library types (tensors get t.get(...items) through the tensorflow bridge). */
export interface IndexProvider {
  owns(v: Value): boolean;
  getitem(self: Value, index: Value): Value;
  len?(self: Value): number;
  iterate?(self: Value): Iterable<Value>;
}
export const indexProviders: IndexProvider[] = [];
const indexProviderOf = (v: Value): IndexProvider | undefined =>
  typeof v === 'object' && v !== null ? indexProviders.find((p) => p.owns(v)) : undefined;

/** The most items a sequence built at once may hold (larger is Python's MemoryError here, not a dead process). */
export const MAX_ITEMS = 1 << 26;

/** Counts range items that builtins consume (list(range(2**64)) under a step limit ends instead of exhausting memory). */
export const rangeSteps: { tick: (() => void) | null } = { tick: null };

export class PyRange {
  static readonly pyName = 'range';
  readonly length: number;
  constructor(readonly start: number, readonly stop: number, readonly step: number) {
    if (step === 0) throw pyError('ValueError', 'range() arg 3 must not be zero');
    this.length = Math.max(0, Math.ceil((stop - start) / step));
  }
  at(i: number): bigint { return BigInt(this.start + i * this.step); }
  *[Symbol.iterator](): Iterator<Value> {
    const tick = rangeSteps.tick;
    for (let i = 0; i < this.length; i++) { tick?.(); yield this.at(i); }
  }
  __repr__(): string { return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`; }
}

/** slice.indices(len): the concrete start, stop and step of a slice on a sequence of length n. */
export function sliceIndices(s: PySlice, n: number): [number, number, number] {
  const step = s.step === null || s.step === undefined ? 1 : toIndex(s.step);
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  const [lower, upper] = step > 0 ? [0, n] : [-1, n - 1];
  const bound = (v: Value, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    let i = toIndex(v);
    if (i < 0) { i += n; if (i < lower) i = lower; } else if (i > upper) i = upper;
    return i;
  };
  return [bound(s.start, step > 0 ? lower : upper), bound(s.stop, step > 0 ? upper : lower), step];
}

function slicePositions(s: PySlice, n: number): number[] {
  const [start, stop, step] = sliceIndices(s, n);
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function position(index: Value, n: number, what: string): number {
  const i0 = toIndexFor(index, what);
  const i = i0 < 0 ? i0 + n : i0;
  if (i < 0 || i >= n) throw pyError('IndexError', `${what} index out of range`);
  return i;
}

function toIndexFor(index: Value, what: string): number {
  if (typeof index === 'bigint' || typeof index === 'boolean' || protocol(index, '__index__')) return toIndex(index);
  throw pyError('TypeError', `${what} indices must be integers or slices, not ${typeName(index)}`);
}

export function getitem(obj: Value, index: Value): Value {
  const ip = indexProviderOf(obj);
  if (ip) return ip.getitem(obj, index);
  if (typeof obj === 'string') {
    const chars = [...obj];
    if (index instanceof PySlice) return slicePositions(index, chars.length).map((i) => chars[i]).join('');
    return chars[position(index, chars.length, 'string')];
  }
  if (Array.isArray(obj)) {
    const what = obj instanceof PyTuple ? 'tuple' : 'list';
    if (index instanceof PySlice) {
      const items = slicePositions(index, obj.length).map((i) => obj[i]);
      return obj instanceof PyTuple ? PyTuple.fromItems(items) : items;
    }
    return obj[position(index, obj.length, what)];
  }
  if (obj instanceof PyDict) {
    if (!obj.has(index)) throw pyError('KeyError', repr(index));
    return obj.get(index);
  }
  if (obj instanceof PyRange) {
    if (index instanceof PySlice) {
      const pos = slicePositions(index, obj.length);
      return pos.map((i) => obj.at(i));
    }
    return obj.at(position(index, obj.length, 'range object'));
  }
  const f = protocol(obj, '__getitem__');
  if (f) return f(index);
  throw pyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
}

export function setitem(obj: Value, index: Value, value: Value): void {
  if (Array.isArray(obj) && !(obj instanceof PyTuple)) {
    if (index instanceof PySlice) {
      const items = [...iterate(value)];
      const [start, stop, step] = sliceIndices(index, obj.length);
      if (step === 1) {
        obj.splice(start, Math.max(0, stop - start), ...items);
        return;
      }
      const pos = slicePositions(index, obj.length);
      if (pos.length !== items.length) {
        throw pyError('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${pos.length}`);
      }
      pos.forEach((p, k) => { obj[p] = items[k]; });
      return;
    }
    obj[position(index, obj.length, 'list assignment')] = value;
    return;
  }
  if (obj instanceof PyDict) { obj.set(index, value); return; }
  const f = protocol(obj, '__setitem__');
  if (f) { f(index, value); return; }
  throw pyError('TypeError', `'${typeName(obj)}' object does not support item assignment`);
}

export function delitem(obj: Value, index: Value): void {
  if (Array.isArray(obj) && !(obj instanceof PyTuple)) {
    if (index instanceof PySlice) {
      const pos = new Set(slicePositions(index, obj.length));
      const keep = obj.filter((_, i) => !pos.has(i));
      obj.splice(0, obj.length, ...keep);
      return;
    }
    obj.splice(position(index, obj.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!obj.delete(index)) throw pyError('KeyError', repr(index));
    return;
  }
  const f = protocol(obj, '__delitem__');
  if (f) { f(index); return; }
  throw pyError('TypeError', `'${typeName(obj)}' object doesn't support item deletion`);
}

function* liveList(xs: Value[]): Iterator<Value> {
  for (let i = 0; i < xs.length; i++) yield xs[i];
}

/** iter(v): Python iteration order (lists live, dicts by key, strings by character). */
export function iterate(v: Value): Iterable<Value> {
  if (Array.isArray(v)) return { [Symbol.iterator]: () => liveList(v) };
  if (typeof v === 'string') return [...v];
  if (v instanceof PyDict) return v.keys();
  if (v instanceof PySet) return v.items();
  if (v instanceof PyRange || v instanceof PyIterator) return v;
  const ip = indexProviderOf(v);
  if (ip?.iterate) return ip.iterate(v);
  const f = protocol(v, '__iter__');
  if (f) return f() as Iterable<Value>;
  throw pyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function len(v: Value): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof PyDict || v instanceof PySet) return v.size;
  if (v instanceof PyRange) return v.length;
  const ip = indexProviderOf(v);
  if (ip?.len) return ip.len(v);
  const f = protocol(v, '__len__');
  if (f) return toIndex(f());
  throw pyError('TypeError', `object of type '${typeName(v)}' has no len()`);
}

export function contains(container: Value, item: Value): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyError('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict || container instanceof PySet) return container.has(item);
  if (Array.isArray(container)) return container.some((x) => pyEquals(x, item));
  if (container instanceof PyRange) {
    if (typeof item !== 'bigint') return [...container].some((x) => pyEquals(x, item));
    const i = Number(item);
    const k = (i - container.start) / container.step;
    return Number.isInteger(k) && k >= 0 && k < container.length;
  }
  const f = protocol(container, '__contains__');
  if (f) return !!f(item);
  for (const x of iterate(container)) if (pyEquals(x, item)) return true;
  return false;
}
