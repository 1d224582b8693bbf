// numpy dtypes for NpArray: storage, names, dtype objects (np.float32 ...) and NEP 50 type promotion.

export type NpDType = 'float64' | 'float32' | 'int64' | 'int32' | 'bool';
export type NpData = Float64Array | Float32Array | Int32Array | Uint8Array;

/** Kind of a Python scalar as the interpreter passes it (weak in promotion, per NEP 50). */
export type PyKind = 'int' | 'float' | 'bool';

export function allocNp(dtype: NpDType, n: number): NpData {
  switch (dtype) {
    case 'float64': return new Float64Array(n);
    case 'float32': return new Float32Array(n);
    case 'int64': case 'int32': return new Int32Array(n);
    case 'bool': return new Uint8Array(n);
  }
}

export const isFloatDT = (d: NpDType): boolean => d === 'float64' || d === 'float32';
export const isIntDT = (d: NpDType): boolean => d === 'int64' || d === 'int32';

/** Converts a JS number to what `dtype` stores: truncation toward zero for ints (numpy's astype), 0/1 for bool. */
export function castValue(dtype: NpDType, v: number): number {
  if (dtype === 'bool') return v !== 0 && !Number.isNaN(v) ? 1 : 0;
  if (dtype === 'int64' || dtype === 'int32') return Number.isFinite(v) ? Math.trunc(v) | 0 : -2147483648;
  return v;
}

const RANK: Record<NpDType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

/** numpy's promote_types over the five supported dtypes. */
export function promote(a: NpDType, b: NpDType): NpDType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  // int32/int64 with float32 needs float64 to hold every int exactly.
  if ((isIntDT(a) && b === 'float32') || (isIntDT(b) && a === 'float32')) return 'float64';
  return RANK[a] > RANK[b] ? a : b;
}

/** Result dtype of an array of `dtype` combined with a weak Python scalar of `kind` (NEP 50). */
export function promoteWeak(dtype: NpDType, kind: PyKind): NpDType {
  if (kind === 'bool') return dtype;
  if (kind === 'int') return dtype === 'bool' ? 'int64' : dtype;
  return isFloatDT(dtype) ? dtype : 'float64';
}

/** Default dtype of a lone Python scalar of `kind`. */
export function pyKindDType(kind: PyKind): NpDType {
  return kind === 'int' ? 'int64' : kind === 'float' ? 'float64' : 'bool';
}

/** `x.dtype`: prints as its name, equal to the dtype types and strings naming it. */
export class NpDTypeObj {
  private constructor(readonly name: NpDType) {}
  static readonly all = new Map<NpDType, NpDTypeObj>();
  static of(name: NpDType): NpDTypeObj {
    let d = NpDTypeObj.all.get(name);
    if (!d) NpDTypeObj.all.set(name, (d = new NpDTypeObj(name)));
    return d;
  }
  get kind(): string { return this.name === 'bool' ? 'b' : isFloatDT(this.name) ? 'f' : 'i'; }
  get itemsize(): number { return this.name === 'bool' ? 1 : this.name.endsWith('32') ? 4 : 8; }
  eq(other: unknown): boolean {
    try { return toNpDType(other) === this.name; } catch { return false; }
  }
  ne(other: unknown): boolean { return !this.eq(other); }
  toString(): string { return this.name; }
  repr(): string { return `dtype('${this.name}')`; }
}

/** Names accepted for `dtype=`: numpy's, TF's ('float' is float32 in TF but float64 in numpy: numpy wins here). */
const ALIASES: Record<string, NpDType> = {
  float64: 'float64', double: 'float64', float: 'float64', f8: 'float64', float_: 'float64',
  float32: 'float32', single: 'float32', f4: 'float32',
  int64: 'int64', int: 'int64', int_: 'int64', i8: 'int64', long: 'int64', intp: 'int64',
  int32: 'int32', i4: 'int32', intc: 'int32',
  bool: 'bool', bool_: 'bool', '?': 'bool',
};

/** Marker property carried by the dtype types (np.float32 ...) so `dtype=np.float32` resolves. */
export const NP_DTYPE = Symbol.for('tfgraph.numpy.dtype');

/**
 * Resolves a `dtype=` argument: a string, an NpDTypeObj, a dtype type (np.float32), or a function named like
 * Python's builtins float/int/bool (how the interpreter's builtins arrive), or a TF dtype object with `.name`.
 */
export function toNpDType(d: unknown): NpDType {
  if (d instanceof NpDTypeObj) return d.name;
  if (typeof d === 'string' && Object.hasOwn(ALIASES, d)) return ALIASES[d];
  if ((typeof d === 'function' || (typeof d === 'object' && d !== null))) {
    const tag = (d as { [NP_DTYPE]?: NpDType })[NP_DTYPE];
    if (tag) return tag;
    const name = (d as { name?: unknown }).name;
    if (typeof name === 'string' && Object.hasOwn(ALIASES, name)) return ALIASES[name];
  }
  const what = typeof d === 'string' ? `'${d}'` : typeof d === 'function' ? `<function ${d.name || 'lambda'}>` : d !== null && typeof d === 'object' ? '' : String(d);
  throw new TypeError(`data type ${what ? `${what} ` : ''}not understood (supported: float64, float32, int64, int32, bool)`);
}
