// NpArray: a numpy host array (dtype, shape, C-order typed data); numpy scalars are 0-d NpArrays with isScalar.
import { NDArray } from '../../src/runtime/ndarray.ts';
import type { DType } from '../../src/graph/dtypes.ts';
import { allocNp, castValue, NpDTypeObj, toNpDType, type NpData, type NpDType } from './dtype.ts';
import { arrayRepr, arrayStr, scalarRepr, scalarStr } from './format.ts';
import { bind, numel, shapeOf } from './args.ts';
import { pyValue, toList } from './convert.ts';
import { binary, invert, round, unary } from './elementwise.ts';
import { argReduce, cumulative, reduce } from './reduce.ts';
import { flatIndexToItem, getitem, setitem } from './indexing.ts';
import { clip, matmul, reshape, squeeze, transpose } from './manip.ts';

/**
 * Storage is always contiguous, so every slice is a copy (numpy would give a view): writes through `a[i:j]`
 * or `a[0][1] = v` do not reach `a`; write with one subscript instead (`a[0, 1] = v`, `a[i:j] = v`).
 */
export class NpArray {
  /** The interpreter's typeName(). */
  static readonly pyName = 'ndarray';
  readonly shape: number[];
  constructor(readonly dtype: NpDType, shape: number[], readonly data: NpData, readonly isScalar = false) {
    this.shape = shape;
    if (data.length !== numel(shape)) {
      throw new Error(`NpArray: ${data.length} values do not fill shape (${shape.join(', ')})`);
    }
  }

  /** A 0-d value: a numpy scalar (np.float64(...)) when `isScalar`, else a 0-d array. */
  static scalar(dtype: NpDType, v: number, isScalar = true): NpArray {
    const d = allocNp(dtype, 1);
    d[0] = castValue(dtype, v);
    return new NpArray(dtype, [], d, isScalar);
  }

  /** A session result: float32 stays float32, int64/float64 labels are kept (data widened as stored). */
  static fromNDArray(nd: NDArray): NpArray {
    const map: Partial<Record<DType, NpDType>> = {
      float16: 'float32', float32: 'float32', float64: 'float64', int8: 'int32', int16: 'int32', int32: 'int32',
      uint8: 'int32', uint16: 'int32', int64: 'int64', bool: 'bool',
    };
    const dt = map[nd.dtype];
    if (!dt) throw new TypeError(`numpy: dtype ${nd.dtype} is not supported`);
    const data = allocNp(dt, nd.size);
    data.set(nd.data);
    return new NpArray(dt, [...nd.shape], data);
  }

  /** tfgraph's NDArray (float64 data narrowed to float32 storage, int64 kept as an int64 label on int32 data). */
  toNDArray(): NDArray {
    const n = this.size;
    const data = this.dtype === 'float64' || this.dtype === 'float32' ? new Float32Array(n) : this.dtype === 'bool' ? new Uint8Array(n) : new Int32Array(n);
    data.set(this.data);
    return new NDArray(this.dtype, [...this.shape], data);
  }

  get ndim(): number { return this.shape.length; }
  get size(): number { return this.data.length; }
  get itemsize(): number { return NpDTypeObj.of(this.dtype).itemsize; }
  get nbytes(): number { return this.itemsize * this.size; }
  /** The dtype as an object that prints as its name (`x.dtype` in the DSL gives the string; this for `.kind`...). */
  get dtypeObj(): NpDTypeObj { return NpDTypeObj.of(this.dtype); }
  get T(): NpArray { return transpose(this); }

  astype(dtype: unknown, opts?: unknown): NpArray {
    void opts;
    const dt = toNpDType(dtype);
    const out = allocNp(dt, this.size);
    for (let i = 0; i < this.size; i++) out[i] = castValue(dt, this.data[i]);
    return new NpArray(dt, [...this.shape], out, this.isScalar);
  }
  copy(): NpArray { return new NpArray(this.dtype, [...this.shape], this.data.slice(), this.isScalar); }
  reshape(...shape: unknown[]): NpArray { return reshape(this, shapeOf(shape.filter((s) => !isOrder(s)))); }
  flatten(): NpArray { return new NpArray(this.dtype, [this.size], this.data.slice()); }
  ravel(): NpArray { return this.flatten(); }
  transpose(...axes: unknown[]): NpArray { return transpose(this, axes.length ? shapeOf(axes) : undefined); }
  squeeze(...args: unknown[]): NpArray { return squeeze(this, bind('squeeze', args, ['axis']).axis); }
  tolist(): unknown { return toList(this); }
  /** Python scalar of a one-element array, or of element `i` (flat or per axis): ints as bigint (see convert.ts). */
  item(...idx: unknown[]): unknown {
    let off = 0;
    if (idx.length === 0) {
      if (this.size !== 1) throw new Error('ValueError: can only convert an array of size 1 to a Python scalar');
    } else off = flatIndexToItem(this, idx.map(Number));
    return pyValue(this.dtype, this.data[off]);
  }
  fill(v: unknown): void { this.data.fill(castValue(this.dtype, Number(v))); }

  sum(...a: unknown[]): NpArray { return reduce('sum', this, a); }
  prod(...a: unknown[]): NpArray { return reduce('prod', this, a); }
  mean(...a: unknown[]): NpArray { return reduce('mean', this, a); }
  max(...a: unknown[]): NpArray { return reduce('max', this, a); }
  min(...a: unknown[]): NpArray { return reduce('min', this, a); }
  std(...a: unknown[]): NpArray { return reduce('std', this, a); }
  var(...a: unknown[]): NpArray { return reduce('var', this, a); }
  all(...a: unknown[]): NpArray { return reduce('all', this, a); }
  any(...a: unknown[]): NpArray { return reduce('any', this, a); }
  argmax(...a: unknown[]): NpArray { return argReduce('argmax', this, a); }
  argmin(...a: unknown[]): NpArray { return argReduce('argmin', this, a); }
  cumsum(...a: unknown[]): NpArray { return cumulative('cumsum', this, a); }
  cumprod(...a: unknown[]): NpArray { return cumulative('cumprod', this, a); }
  round(...a: unknown[]): NpArray { return round(this, Number(bind('round', a, ['decimals']).decimals ?? 0)); }
  clip(...a: unknown[]): NpArray { const o = bind('clip', a, ['min', 'max']); return clip(this, o.min, o.max); }
  dot(b: unknown): NpArray { return matmul(this, b); }

  add(b: unknown): NpArray { return binary('add', this, b); }
  radd(b: unknown): NpArray { return binary('add', b, this); }
  sub(b: unknown): NpArray { return binary('sub', this, b); }
  rsub(b: unknown): NpArray { return binary('sub', b, this); }
  mul(b: unknown): NpArray { return binary('mul', this, b); }
  rmul(b: unknown): NpArray { return binary('mul', b, this); }
  div(b: unknown): NpArray { return binary('div', this, b); }
  rdiv(b: unknown): NpArray { return binary('div', b, this); }
  floordiv(b: unknown): NpArray { return binary('floordiv', this, b); }
  rfloordiv(b: unknown): NpArray { return binary('floordiv', b, this); }
  mod(b: unknown): NpArray { return binary('mod', this, b); }
  rmod(b: unknown): NpArray { return binary('mod', b, this); }
  pow(b: unknown): NpArray { return binary('pow', this, b); }
  rpow(b: unknown): NpArray { return binary('pow', b, this); }
  matmul(b: unknown): NpArray { return matmul(this, b); }
  rmatmul(b: unknown): NpArray { return matmul(b, this); }
  neg(): NpArray { return unary('neg', this); }
  pos(): NpArray { return this.copy(); }
  abs(): NpArray { return unary('abs', this); }
  invert(): NpArray { return invert(this); }
  and(b: unknown): NpArray { return binary('and', this, b); }
  rand(b: unknown): NpArray { return binary('and', b, this); }
  or(b: unknown): NpArray { return binary('or', this, b); }
  ror(b: unknown): NpArray { return binary('or', b, this); }
  xor(b: unknown): NpArray { return binary('xor', this, b); }
  rxor(b: unknown): NpArray { return binary('xor', b, this); }
  lt(b: unknown): NpArray { return binary('lt', this, b); }
  le(b: unknown): NpArray { return binary('le', this, b); }
  gt(b: unknown): NpArray { return binary('gt', this, b); }
  ge(b: unknown): NpArray { return binary('ge', this, b); }
  eq(b: unknown): NpArray { return binary('eq', this, b); }
  ne(b: unknown): NpArray { return binary('ne', this, b); }

  /** `a[items...]`: `items` are the entries of Python's index tuple (see indexing.ts for the forms). */
  getitem(items: unknown[]): NpArray { return getitem(this, items); }
  get(...items: unknown[]): NpArray { return getitem(this, items); }
  /** `a[items...] = value`, in place. */
  setitem(items: unknown[], value: unknown): void { setitem(this, items, value); }

  /** Python's len(): the first axis. */
  len(): number {
    if (this.ndim === 0) throw new TypeError('len() of unsized object');
    return this.shape[0];
  }
  *[Symbol.iterator](): Iterator<NpArray> {
    if (this.ndim === 0) throw new TypeError('iteration over a 0-d array');
    for (let i = 0; i < this.shape[0]; i++) yield getitem(this, [i]);
  }
  /** Python's bool(): one element only, as numpy insists. */
  truthy(): boolean {
    if (this.size !== 1) throw new Error('ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
    return this.data[0] !== 0 && !Number.isNaN(this.data[0]);
  }
  /** int()/float()/index use of a one-element array. */
  valueOf(): number {
    if (this.size !== 1) throw new TypeError('only length-1 arrays can be converted to Python scalars');
    return this.data[0];
  }

  toString(): string { return this.isScalar ? scalarStr(this.dtype, this.data[0]) : arrayStr(this.dtype, this.shape, this.data); }
  repr(): string { return this.isScalar ? scalarRepr(this.dtype, this.data[0]) : arrayRepr(this.dtype, this.shape, this.data); }
  [Symbol.for('nodejs.util.inspect.custom')](): string { return this.repr(); }
}

export interface NpArray {
  [dunder: `__${string}__`]: (...a: unknown[]) => unknown;
}

// Python's operator protocols for the interpreter (values.ts contract): __add__ → add, ...
const DUNDERS: [string, string][] = [
  ['add', 'add'], ['radd', 'radd'], ['sub', 'sub'], ['rsub', 'rsub'], ['mul', 'mul'], ['rmul', 'rmul'],
  ['truediv', 'div'], ['rtruediv', 'rdiv'], ['floordiv', 'floordiv'], ['rfloordiv', 'rfloordiv'],
  ['mod', 'mod'], ['rmod', 'rmod'], ['pow', 'pow'], ['rpow', 'rpow'], ['matmul', 'matmul'], ['rmatmul', 'rmatmul'],
  ['neg', 'neg'], ['pos', 'pos'], ['abs', 'abs'], ['invert', 'invert'], ['and', 'and'], ['rand', 'rand'],
  ['or', 'or'], ['ror', 'ror'], ['xor', 'xor'], ['rxor', 'rxor'],
  ['lt', 'lt'], ['le', 'le'], ['gt', 'gt'], ['ge', 'ge'], ['eq', 'eq'], ['ne', 'ne'],
  ['repr', 'repr'], ['str', 'toString'], ['bool', 'truthy'],
];
const proto = NpArray.prototype as unknown as Record<string, unknown>;
for (const [py, js] of DUNDERS) {
  Object.defineProperty(proto, `__${py}__`, { value: proto[js], writable: false, enumerable: false });
}
Object.defineProperties(proto, {
  /** A Python index tuple arrives as one PyTuple (an Array subclass); a plain list is a fancy index. */
  __getitem__: { value(this: NpArray, key: unknown) { return this.getitem(indexItems(key)); } },
  __setitem__: { value(this: NpArray, key: unknown, v: unknown) { this.setitem(indexItems(key), v); } },
  __len__: { value(this: NpArray) { return BigInt(this.len()); } },
  __iter__: { value(this: NpArray) { return this[Symbol.iterator](); } },
  __float__: { value(this: NpArray) { return this.valueOf(); } },
  __int__: { value(this: NpArray) { return BigInt(Math.trunc(this.valueOf())); } },
  __index__: {
    value(this: NpArray) {
      if (this.ndim !== 0 || !(this.dtype === 'int64' || this.dtype === 'int32')) {
        throw new TypeError('only integer scalar arrays can be converted to a scalar index');
      }
      return BigInt(this.data[0]);
    },
  },
});

function indexItems(key: unknown): unknown[] {
  return Array.isArray(key) && key.constructor !== Array ? [...key] : [key];
}

function isOrder(s: unknown): boolean {
  return typeof s === 'object' && s !== null && !Array.isArray(s) && 'order' in s;
}
