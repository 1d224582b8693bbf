// Python-style argument binding: positional values then a trailing options object of keyword arguments.

/** A trailing plain object carries keyword arguments (the interpreter's mapping of Python kwargs). */
export function isOpts(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

/**
 * Binds `args` to `names` like a Python signature `f(name0, name1, ...)`: positionals first, then keywords from a
 * trailing options object. Unknown keywords raise Python's TypeError.
 */
export function bind(fn: string, args: unknown[], names: string[], required = 0): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  let pos = args;
  if (args.length && isOpts(args[args.length - 1])) {
    const opts = args[args.length - 1] as Record<string, unknown>;
    pos = args.slice(0, -1);
    for (const k of Object.keys(opts)) {
      if (!names.includes(k)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
      if (opts[k] !== undefined) out[k] = opts[k];
    }
  }
  if (pos.length > names.length) throw new TypeError(`${fn}() takes at most ${names.length} positional arguments (${pos.length} given)`);
  pos.forEach((v, i) => {
    if (names[i] in out) throw new TypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    if (v !== undefined) out[names[i]] = v;
  });
  for (let i = 0; i < required; i++) {
    if (out[names[i]] === undefined) throw new TypeError(`${fn}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/** An axis argument: null/undefined for all axes, an int, or a list/tuple of ints; normalised and checked. */
export function axesOf(axis: unknown, ndim: number): number[] | null {
  if (axis === undefined || axis === null) return null;
  const list = Array.isArray(axis) ? axis : [axis];
  const out = list.map((a) => {
    const n = Number(a);
    if (!Number.isInteger(n)) throw new TypeError(`axis must be an integer, got ${typeof a === 'object' && a !== null ? (Array.isArray(a) ? 'a nested list' : 'an object') : String(a)}`);
    if (n < -ndim || n >= ndim) throw new Error(`AxisError: axis ${n} is out of bounds for array of dimension ${ndim}`);
    return n < 0 ? n + ndim : n;
  });
  if (new Set(out).size !== out.length) throw new Error('ValueError: duplicate value in \'axis\'');
  return out;
}

/** A shape argument: an int, a list/tuple of ints, or varargs ints. */
export function shapeOf(v: unknown[]): number[] {
  const list = v.length === 1 && (Array.isArray(v[0]) || ArrayBuffer.isView(v[0])) ? Array.from(v[0] as ArrayLike<unknown>) : v;
  return list.map((d) => {
    const n = typeof d === 'object' && d !== null && Object.getPrototypeOf(d) === null ? NaN : Number(d);
    if (!Number.isInteger(n)) throw new TypeError(`'${typeof d}' object cannot be interpreted as an integer`);
    return n;
  });
}

/** The shape of a new array: no negative dimensions (numpy's ValueError), no more elements than memory holds. */
export function newShapeOf(v: unknown[]): number[] {
  const shape = shapeOf(v);
  if (shape.some((d) => d < 0)) throw new Error('ValueError: negative dimensions are not allowed');
  if (numel(shape) > 2 ** 28) throw new Error(`MemoryError: Unable to allocate an array with shape (${shape.join(', ')})`);
  return shape;
}

export function numel(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
