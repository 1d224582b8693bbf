// NDArray: host-side results and feed values (dtype label, shape, typed data), printed like numpy.
import { asDType, computeDType, intRange, isFloating, isInteger, type DType } from '../graph/dtypes.ts';
import { numElements } from '../graph/shape.ts';
import { formatArray } from './format.ts';

export type TypedData = Float32Array | Int32Array | Uint8Array;

export function allocData(dtype: DType, n: number): TypedData {
  const c = computeDType(dtype);
  if (c === 'float32') return new Float32Array(n);
  if (c === 'int32') return new Int32Array(n);
  if (c === 'bool') return new Uint8Array(n);
  throw new TypeError(`dtype ${dtype} is not supported by tfgraph's runtime`);
}

export class NDArray {
  constructor(readonly dtype: DType, readonly shape: number[], readonly data: TypedData) {
    if (data.length !== numElements(shape)) {
      throw new Error(`NDArray: ${data.length} values do not fill shape [${shape.join(', ')}]`);
    }
  }

  get size(): number { return this.data.length; }
  get ndim(): number { return this.shape.length; }

  /** Builds an NDArray from a number, boolean, nested array or NDArray. */
  static from(value: unknown, dtype?: DType | string): NDArray {
    const want = dtype === undefined ? undefined : asDType(dtype);
    if (value instanceof NDArray) return want && want !== value.dtype ? value.astype(want) : value;
    const shape: number[] = [];
    const flat: unknown[] = [];
    flattenNested(value, 0, shape, flat);
    const dt = want ?? inferDType(flat);
    return new NDArray(dt, shape, fillData(dt, flat));
  }

  astype(dtype: DType | string): NDArray {
    const dt = asDType(dtype);
    const out = allocData(dt, this.size);
    const trunc = isInteger(dt) && isFloating(this.dtype);
    for (let i = 0; i < this.size; i++) {
      const v = this.data[i];
      out[i] = dt === 'bool' ? (v !== 0 ? 1 : 0) : trunc ? Math.trunc(v) : v;
    }
    return new NDArray(dt, [...this.shape], out);
  }

  /** Element or sub-array at integer indices (negative allowed). */
  get(...idx: number[]): NDArray | number | boolean {
    if (idx.length > this.shape.length) throw new RangeError(`too many indices for array of rank ${this.shape.length}`);
    let offset = 0;
    let stride = this.size;
    for (let a = 0; a < idx.length; a++) {
      const d = this.shape[a];
      stride /= d;
      let i = idx[a];
      if (i < 0) i += d;
      if (!Number.isInteger(i) || i < 0 || i >= d) throw new RangeError(`index ${idx[a]} is out of bounds for axis ${a} with size ${d}`);
      offset += i * stride;
    }
    const rest = this.shape.slice(idx.length);
    if (rest.length === 0) return this.scalarAt(offset);
    return new NDArray(this.dtype, rest, this.data.slice(offset, offset + stride) as TypedData);
  }

  private scalarAt(i: number): number | boolean {
    return this.dtype === 'bool' ? this.data[i] !== 0 : this.data[i];
  }

  /** Nested JS arrays (a number or boolean for rank 0). */
  toArray(): any {
    const rec = (axis: number, offset: number): unknown => {
      if (axis === this.shape.length) return this.scalarAt(offset);
      const stride = numElements(this.shape.slice(axis + 1));
      const out = [];
      for (let i = 0; i < this.shape[axis]; i++) out.push(rec(axis + 1, offset + i * stride));
      return out;
    };
    return rec(0, 0);
  }

  /** Flat values as plain numbers. */
  values(): number[] { return Array.from(this.data); }

  toString(): string { return formatArray(this); }
  [Symbol.for('nodejs.util.inspect.custom')](): string { return `array(${this.toString()}, dtype=${this.dtype})`; }
}

function flattenNested(v: unknown, depth: number, shape: number[], flat: unknown[]): void {
  if (v instanceof NDArray) {
    if (depth === shape.length) shape.push(...v.shape);
    else if (shape.slice(depth).join(',') !== v.shape.join(',')) throw raggedError();
    for (const x of v.data) flat.push(v.dtype === 'bool' ? x !== 0 : x);
    return;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = v as ArrayLike<unknown>;
    if (depth === shape.length) shape.push(arr.length);
    else if (shape[depth] !== arr.length) throw raggedError();
    for (let i = 0; i < arr.length; i++) flattenNested(arr[i], depth + 1, shape, flat);
    return;
  }
  if (depth < shape.length) throw raggedError();
  if (typeof v !== 'number' && typeof v !== 'boolean') {
    throw new TypeError(`cannot convert ${describe(v)} to a tensor value (expected numbers, booleans, nested arrays or NDArray)`);
  }
  flat.push(v);
}

function raggedError(): Error {
  return new Error('ValueError: setting an array element with a sequence (the nested arrays are ragged: every row must have the same length)');
}

function describe(v: unknown): string {
  if (v === null) return 'None (null)';
  if (typeof v === 'object') return `an object of type ${(v as object).constructor?.name ?? 'Object'}`;
  return `${typeof v} ${String(v)}`;
}

function inferDType(flat: unknown[]): DType {
  if (flat.length && flat.every((x) => typeof x === 'boolean')) return 'bool';
  return 'float32';
}

/** Converts flat JS values into the typed storage of `dtype`, refusing values the dtype cannot hold. */
export function fillData(dtype: DType, flat: ArrayLike<unknown>): TypedData {
  const out = allocData(dtype, flat.length);
  const range = intRange(dtype);
  for (let i = 0; i < flat.length; i++) {
    const x = flat[i];
    const n = typeof x === 'boolean' ? (x ? 1 : 0) : (x as number);
    if (typeof x !== 'number' && typeof x !== 'boolean') throw new TypeError(`cannot convert ${describe(x)} to ${dtype}`);
    if (range) {
      if (!Number.isInteger(n)) throw new TypeError(`Expected ${dtype}, got ${n} of type 'float' instead.`);
      if (n < range[0] || n > range[1]) throw new TypeError(`Value ${n} does not fit in ${dtype} (range [${range[0]}, ${range[1]}]).`);
    }
    out[i] = dtype === 'bool' ? (n !== 0 ? 1 : 0) : n;
  }
  return out;
}
