// Methods of Python's built-in types: str, list, tuple, dict, set (`xs.append(1)`, `', '.join(...)`, ...).
import { pyError } from './errors.ts';
import { formatValue } from './format.ts';
import { iterate } from './items.ts';
import { lessThan, pyEquals } from './ops.ts';
import { repr, str } from './repr.ts';
import { PyDict, PySet, PyTuple, toIndex, typeName, type Value } from './values.ts';

type Impl = (self: any, args: Value[], kw: Map<string, Value>, call: CallFn) => Value;
export type CallFn = (f: Value, args: Value[]) => Value;

const arg = (args: Value[], i: number, dflt: Value = null): Value => (i < args.length ? args[i] : dflt);
/** The fill character of str.center/ljust/rjust: exactly one character. */
function fillChar(args: Value[]): string {
  const f = arg(args, 1, ' ');
  if (typeof f !== 'string' || [...f].length !== 1) {
    throw pyError('TypeError', `The fill character must be exactly one character long${typeof f === 'string' ? '' : `, not ${typeName(f)}`}`);
  }
  return f;
}
const optIndex = (v: Value, dflt: number): number => (v === null || v === undefined ? dflt : toIndex(v));

function bounds(n: number, args: Value[], from: number): [number, number] {
  let s = optIndex(arg(args, from), 0), e = optIndex(arg(args, from + 1), n);
  if (s < 0) s = Math.max(0, s + n);
  if (e < 0) e = Math.max(0, e + n);
  return [Math.min(s, n), Math.min(e, n)];
}

function strip(s: string, chars: Value, left: boolean, right: boolean): string {
  const set = chars === null ? null : new Set([...(chars as string)]);
  const isStrip = (c: string): boolean => (set ? set.has(c) : /\s/.test(c));
  const cs = [...s];
  let a = 0, b = cs.length;
  if (left) while (a < b && isStrip(cs[a])) a++;
  if (right) while (b > a && isStrip(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}

/** str.format: {} / {0} / {name} / {0.attr} / {0[1]} fields with !r/!s conversions and format specs. */
export function strFormat(fmt: string, args: Value[], kw: Map<string, Value>, getattr: (o: Value, n: string) => Value): string {
  let auto = 0;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '{' && fmt[i + 1] === '{') { out += '{'; i++; continue; }
    if (c === '}' && fmt[i + 1] === '}') { out += '}'; i++; continue; }
    if (c === '}') throw pyError('ValueError', "Single '}' encountered in format string");
    if (c !== '{') { out += c; continue; }
    let depth = 1, j = i + 1;
    while (j < fmt.length && depth) { if (fmt[j] === '{') depth++; else if (fmt[j] === '}') depth--; if (depth) j++; }
    if (depth) throw pyError('ValueError', "Single '{' encountered in format string");
    const field = fmt.slice(i + 1, j);
    i = j;
    const m = /^([^!:[.]*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
    if (!m) throw pyError('ValueError', `bad format field '${field}'`);
    let v: Value;
    if (m[1] === '') {
      if (auto >= args.length) throw pyError('IndexError', 'Replacement index out of range for positional args tuple');
      v = args[auto++];
    } else if (/^\d+$/.test(m[1])) {
      const k = Number(m[1]);
      if (k >= args.length) throw pyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
      v = args[k];
    } else {
      if (!kw.has(m[1])) throw pyError('KeyError', repr(m[1]));
      v = kw.get(m[1]);
    }
    for (const part of m[2].match(/\.[A-Za-z_]\w*|\[[^\]]*\]/g) ?? []) {
      if (part[0] === '.') v = getattr(v, part.slice(1));
      else {
        const key = part.slice(1, -1);
        v = subscriptField(v, /^\d+$/.test(key) ? BigInt(key) : key);
      }
    }
    if (m[3]) v = m[3] === 's' ? str(v) : repr(v);
    const spec = m[4] === undefined ? '' : strFormat(m[4], args.slice(auto), kw, getattr);
    out += formatValue(v, spec);
  }
  return out;
}

function subscriptField(v: Value, key: Value): Value {
  if (Array.isArray(v)) return v[Number(key)];
  if (v instanceof PyDict) return v.get(key);
  throw pyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
}

const STR: Record<string, Impl> = {
  join: (s: string, a) => [...iterate(a[0])].map((x) => {
    if (typeof x !== 'string') throw pyError('TypeError', `sequence item: expected str instance, ${typeName(x)} found`);
    return x;
  }).join(s),
  split: (s: string, a, kw) => {
    const sep = kw.get('sep') ?? arg(a, 0);
    const max = optIndex(kw.get('maxsplit') ?? arg(a, 1), -1);
    if (sep === null) {
      const parts = s.trim().split(/\s+/).filter((p) => p !== '');
      if (max < 0 || parts.length <= max + 1) return parts;
      const re = /\s+/g; let cut = 0; let k = 0; const t = s.trimStart();
      let mm: RegExpExecArray | null;
      while (k < max && (mm = re.exec(t))) { k++; cut = mm.index + mm[0].length; }
      return [...parts.slice(0, max), t.slice(cut)];
    }
    if (sep === '') throw pyError('ValueError', 'empty separator');
    const parts = s.split(sep as string);
    return max < 0 || parts.length <= max + 1 ? parts : [...parts.slice(0, max), parts.slice(max).join(sep as string)];
  },
  strip: (s: string, a) => strip(s, arg(a, 0), true, true),
  lstrip: (s: string, a) => strip(s, arg(a, 0), true, false),
  rstrip: (s: string, a) => strip(s, arg(a, 0), false, true),
  lower: (s: string) => s.toLowerCase(),
  upper: (s: string) => s.toUpperCase(),
  title: (s: string) => s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  replace: (s: string, a) => {
    const n = optIndex(arg(a, 2), -1);
    if (n < 0) return s.split(a[0] as string).join(a[1] as string);
    const parts = s.split(a[0] as string);
    return parts.slice(0, n + 1).join(a[1] as string) + (parts.length > n + 1 ? (a[0] as string) + parts.slice(n + 1).join(a[0] as string) : '');
  },
  startswith: (s: string, a) => (a[0] instanceof PyTuple ? [...a[0]] : [a[0]]).some((p) => s.startsWith(p as string, optIndex(arg(a, 1), 0))),
  endswith: (s: string, a) => (a[0] instanceof PyTuple ? [...a[0]] : [a[0]]).some((p) => s.endsWith(p as string)),
  find: (s: string, a) => { const [b, e] = bounds(s.length, a, 1); const i = s.slice(0, e).indexOf(a[0] as string, b); return BigInt(i); },
  rfind: (s: string, a) => BigInt(s.lastIndexOf(a[0] as string)),
  index: (s: string, a) => {
    const i = s.indexOf(a[0] as string, optIndex(arg(a, 1), 0));
    if (i < 0) throw pyError('ValueError', 'substring not found');
    return BigInt(i);
  },
  count: (s: string, a) => BigInt(a[0] === '' ? s.length + 1 : s.split(a[0] as string).length - 1),
  format: (s: string, a, kw, _c) => strFormat(s, a, kw, GETATTR.fn),
  isdigit: (s: string) => s.length > 0 && /^\d+$/.test(s),
  isalpha: (s: string) => s.length > 0 && /^[A-Za-z]+$/.test(s),
  isalnum: (s: string) => s.length > 0 && /^[A-Za-z0-9]+$/.test(s),
  isspace: (s: string) => s.length > 0 && /^\s+$/.test(s),
  isupper: (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase(),
  islower: (s: string) => /[a-z]/.test(s) && s === s.toLowerCase(),
  zfill: (s: string, a) => { const w = toIndex(a[0]); const neg = /^[+-]/.test(s); return neg ? s[0] + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0'); },
  center: (s: string, a) => { const w = toIndex(a[0]); const f = fillChar(a); const l = Math.floor((w - s.length) / 2); return w <= s.length ? s : f.repeat(l) + s + f.repeat(w - s.length - l); },
  ljust: (s: string, a) => s.padEnd(toIndex(a[0]), fillChar(a)),
  rjust: (s: string, a) => s.padStart(toIndex(a[0]), fillChar(a)),
  splitlines: (s: string) => s.split(/\r?\n/).filter((x, i, xs) => i < xs.length - 1 || x !== ''),
  encode: (s: string) => s,
};

function sortList(xs: Value[], kw: Map<string, Value>, call: CallFn): void {
  const key = kw.get('key') ?? null;
  const rev = kw.has('reverse') && !!kw.get('reverse');
  const keyed = xs.map((x) => [key === null ? x : call(key, [x]), x] as [Value, Value]);
  // Stable sort; reverse keeps equal elements in their original order, as Python does.
  keyed.sort((p, q) => (rev ? (lessThan(q[0], p[0]) ? -1 : lessThan(p[0], q[0]) ? 1 : 0) : (lessThan(p[0], q[0]) ? -1 : lessThan(q[0], p[0]) ? 1 : 0)));
  xs.splice(0, xs.length, ...keyed.map((k) => k[1]));
}

const SEQ: Record<string, Impl> = {
  index: (xs: Value[], a) => {
    const i = xs.findIndex((x) => pyEquals(x, a[0]));
    if (i < 0) throw pyError('ValueError', `${repr(a[0])} is not in ${xs instanceof PyTuple ? 'tuple' : 'list'}`);
    return BigInt(i);
  },
  count: (xs: Value[], a) => BigInt(xs.filter((x) => pyEquals(x, a[0])).length),
};

const LIST: Record<string, Impl> = {
  ...SEQ,
  append: (xs: Value[], a) => { xs.push(a[0]); return null; },
  extend: (xs: Value[], a) => { xs.push(...iterate(a[0])); return null; },
  insert: (xs: Value[], a) => { let i = toIndex(a[0]); if (i < 0) i = Math.max(0, i + xs.length); xs.splice(Math.min(i, xs.length), 0, a[1]); return null; },
  pop: (xs: Value[], a) => {
    if (!xs.length) throw pyError('IndexError', 'pop from empty list');
    let i = optIndex(arg(a, 0), -1);
    if (i < 0) i += xs.length;
    if (i < 0 || i >= xs.length) throw pyError('IndexError', 'pop index out of range');
    return xs.splice(i, 1)[0];
  },
  remove: (xs: Value[], a) => {
    const i = xs.findIndex((x) => pyEquals(x, a[0]));
    if (i < 0) throw pyError('ValueError', 'list.remove(x): x not in list');
    xs.splice(i, 1);
    return null;
  },
  clear: (xs: Value[]) => { xs.length = 0; return null; },
  copy: (xs: Value[]) => [...xs],
  reverse: (xs: Value[]) => { xs.reverse(); return null; },
  sort: (xs: Value[], _a, kw, call) => { sortList(xs, kw, call); return null; },
};

const DICT: Record<string, Impl> = {
  keys: (d: PyDict) => d.keys(),
  values: (d: PyDict) => d.values(),
  items: (d: PyDict) => d.entries().map(([k, v]) => PyTuple.of(k, v)),
  get: (d: PyDict, a) => (d.has(a[0]) ? d.get(a[0]) : arg(a, 1)),
  pop: (d: PyDict, a) => {
    if (d.has(a[0])) { const v = d.get(a[0]); d.delete(a[0]); return v; }
    if (a.length > 1) return a[1];
    throw pyError('KeyError', repr(a[0]));
  },
  setdefault: (d: PyDict, a) => { if (!d.has(a[0])) d.set(a[0], arg(a, 1)); return d.get(a[0]); },
  update: (d: PyDict, a, kw) => {
    if (a.length) {
      if (a[0] instanceof PyDict) for (const [k, v] of a[0].entries()) d.set(k, v);
      else for (const kv of iterate(a[0])) { const [k, v] = [...iterate(kv)]; d.set(k, v); }
    }
    for (const [k, v] of kw) d.set(k, v);
    return null;
  },
  clear: (d: PyDict) => { d.map.clear(); return null; },
  copy: (d: PyDict) => PyDict.from(d.entries()),
};

const SET: Record<string, Impl> = {
  add: (s: PySet, a) => { s.add(a[0]); return null; },
  remove: (s: PySet, a) => { if (!s.delete(a[0])) throw pyError('KeyError', repr(a[0])); return null; },
  discard: (s: PySet, a) => { s.delete(a[0]); return null; },
  pop: (s: PySet) => { const it = s.items(); if (!it.length) throw pyError('KeyError', "'pop from an empty set'"); s.delete(it[0]); return it[0]; },
  update: (s: PySet, a) => { for (const x of iterate(a[0])) s.add(x); return null; },
  union: (s: PySet, a) => new PySet([...s.items(), ...a.flatMap((o) => [...iterate(o)])]),
  intersection: (s: PySet, a) => { const o = new PySet(iterate(a[0])); return new PySet(s.items().filter((x) => o.has(x))); },
  difference: (s: PySet, a) => { const o = new PySet(iterate(a[0])); return new PySet(s.items().filter((x) => !o.has(x))); },
  issubset: (s: PySet, a) => { const o = new PySet(iterate(a[0])); return s.items().every((x) => o.has(x)); },
  copy: (s: PySet) => new PySet(s.items()),
  clear: (s: PySet) => { s.map.clear(); return null; },
};

const INT: Record<string, Impl> = {
  bit_length: (n: bigint) => BigInt((n < 0n ? -n : n).toString(2).replace(/^0$/, '').length),
};
const FLOAT: Record<string, Impl> = {
  is_integer: (x: number) => Number.isInteger(x),
};

/** Late-bound getattr for str.format's `{0.attr}` (set by the interpreter). */
export const GETATTR: { fn: (o: Value, n: string) => Value } = { fn: () => null };

/** The method table of a built-in value's type, or null for foreign objects. */
export function methodTable(v: Value): Record<string, Impl> | null {
  if (typeof v === 'string') return STR;
  if (v instanceof PyTuple) return SEQ;
  if (Array.isArray(v) && v.constructor === Array) return LIST;
  if (v instanceof PyDict) return DICT;
  if (v instanceof PySet) return SET;
  if (typeof v === 'bigint') return INT;
  if (typeof v === 'number') return FLOAT;
  return null;
}
