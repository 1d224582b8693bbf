// The small standard-library modules notebooks import: pprint, math, time, random (seeded), os / os.path.join,
// warnings (filters are no-ops), types.SimpleNamespace (what a port of a notebook's small class is built on, as classes are not supported).
import { pyError } from '../interp/errors.ts';
import { iterate } from '../interp/items.ts';
import { repr } from '../interp/repr.ts';
import { Builtin, PyModule, PyNamespace, PyTuple, PyType, toBigInt, toIndex, toNumber, type Value } from '../interp/values.ts';

type Fn = (args: Value[], kw: Map<string, Value>) => Value;
function module(name: string, fns: Record<string, Fn>, values: Record<string, Value> = {}): PyModule {
  const attrs = new Map<string, Value>();
  for (const [k, f] of Object.entries(fns)) attrs.set(k, new Builtin(`${name}.${k}`, f));
  for (const [k, v] of Object.entries(values)) attrs.set(k, v);
  return new PyModule(name, attrs);
}

const f1 = (g: (x: number) => number): Fn => (a) => g(toNumber(a[0]));
const domain = (g: (x: number) => number, ok: (x: number) => boolean): Fn => (a) => {
  const x = toNumber(a[0]);
  if (!ok(x)) throw pyError('ValueError', 'math domain error');
  return g(x);
};

export function mathModule(): PyModule {
  return module('math', {
    sqrt: domain(Math.sqrt, (x) => x >= 0 || Number.isNaN(x)),
    exp: f1(Math.exp), log: (a) => {
      const x = toNumber(a[0]);
      if (x <= 0) throw pyError('ValueError', 'math domain error');
      return a.length > 1 ? Math.log(x) / Math.log(toNumber(a[1])) : Math.log(x);
    },
    log10: domain(Math.log10, (x) => x > 0), log2: domain(Math.log2, (x) => x > 0), log1p: f1(Math.log1p),
    sin: f1(Math.sin), cos: f1(Math.cos), tan: f1(Math.tan), asin: f1(Math.asin), acos: f1(Math.acos),
    atan: f1(Math.atan), atan2: (a) => Math.atan2(toNumber(a[0]), toNumber(a[1])), tanh: f1(Math.tanh),
    sinh: f1(Math.sinh), cosh: f1(Math.cosh), fabs: f1(Math.abs), pow: (a) => toNumber(a[0]) ** toNumber(a[1]),
    hypot: (a) => Math.hypot(...a.map(toNumber)),
    floor: (a) => (typeof a[0] === 'bigint' ? a[0] : toBigInt(Math.floor(toNumber(a[0])))),
    ceil: (a) => (typeof a[0] === 'bigint' ? a[0] : toBigInt(Math.ceil(toNumber(a[0])))),
    trunc: (a) => toBigInt(a[0]),
    isnan: (a) => Number.isNaN(toNumber(a[0])), isinf: (a) => Math.abs(toNumber(a[0])) === Infinity,
    isfinite: (a) => Number.isFinite(toNumber(a[0])),
    degrees: f1((x) => (x * 180) / Math.PI), radians: f1((x) => (x * Math.PI) / 180),
    factorial: (a) => { let r = 1n; for (let i = 2n; i <= toBigInt(a[0]); i++) r *= i; return r; },
    gcd: (a) => { let [x, y] = [toBigInt(a[0]), toBigInt(a[1])]; x = x < 0n ? -x : x; y = y < 0n ? -y : y; while (y) [x, y] = [y, x % y]; return x; },
  }, { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN, tau: 2 * Math.PI });
}

export function timeModule(): PyModule {
  // time.sleep does not block: tfgraph programs are batch jobs and tests must not wait.
  return module('time', {
    time: () => Date.now() / 1000,
    perf_counter: () => performance.now() / 1000,
    sleep: () => null,
  });
}

/** A seeded generator (mulberry32) so `random.seed(0)` makes runs repeatable. */
function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomModule(): PyModule {
  let rng = makeRng(Date.now());
  const below = (n: number): number => Math.floor(rng() * n);
  return module('random', {
    seed: (a) => { rng = makeRng(a.length && a[0] !== null ? Number(toNumber(a[0])) : Date.now()); return null; },
    random: () => rng(),
    uniform: (a) => { const lo = toNumber(a[0]), hi = toNumber(a[1]); return lo + (hi - lo) * rng(); },
    randint: (a) => { const lo = toIndex(a[0]), hi = toIndex(a[1]); return BigInt(lo + below(hi - lo + 1)); },
    randrange: (a) => {
      const [lo, hi] = a.length > 1 ? [toIndex(a[0]), toIndex(a[1])] : [0, toIndex(a[0])];
      if (hi <= lo) throw pyError('ValueError', 'empty range for randrange()');
      return BigInt(lo + below(hi - lo));
    },
    choice: (a) => {
      const xs = [...iterate(a[0])];
      if (!xs.length) throw pyError('IndexError', 'Cannot choose from an empty sequence');
      return xs[below(xs.length)];
    },
    shuffle: (a) => {
      const xs = a[0] as Value[];
      if (!Array.isArray(xs)) throw pyError('TypeError', 'shuffle() needs a list');
      for (let i = xs.length - 1; i > 0; i--) { const j = below(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
      return null;
    },
    sample: (a) => {
      const xs = [...iterate(a[0])];
      const k = toIndex(a[1]);
      if (k > xs.length) throw pyError('ValueError', 'Sample larger than population');
      for (let i = xs.length - 1; i > 0; i--) { const j = below(i + 1); [xs[i], xs[j]] = [xs[j], xs[i]]; }
      return xs.slice(0, k);
    },
    gauss: (a) => {
      const u = 1 - rng(), v = rng();
      return toNumber(a[0]) + toNumber(a[1]) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  });
}

export function pprintModule(write: (s: string) => void): PyModule {
  const fns: Record<string, Fn> = {
    pprint: (a) => { write(repr(a[0]) + '\n'); return null; },
    pformat: (a) => repr(a[0]),
  };
  // pp = pprint.PrettyPrinter(indent=4); pp.pprint(x) — the notebooks' idiom (options do not change the output).
  return module('pprint', { ...fns, PrettyPrinter: () => module('PrettyPrinter', fns) });
}

/** os.path string helpers only: programs reach files solely through np.loadtxt, savefig and Saver paths. */
export function osModule(): PyModule {
  const str = (v: Value): string => {
    if (typeof v !== 'string') throw pyError('TypeError', 'expected str');
    return v;
  };
  const path = module('os.path', {
    join: (a) => a.map(str).reduce((acc, p) => (p.startsWith('/') ? p : acc === '' ? p : acc.endsWith('/') ? acc + p : `${acc}/${p}`), ''),
    basename: (a) => str(a[0]).slice(str(a[0]).lastIndexOf('/') + 1),
    dirname: (a) => { const s = str(a[0]); const i = s.lastIndexOf('/'); return i < 0 ? '' : i === 0 ? '/' : s.slice(0, i); },
    splitext: (a) => {
      const s = str(a[0]);
      const slash = s.lastIndexOf('/'), dot = s.lastIndexOf('.');
      return dot > slash + 1 ? PyTuple.of<Value>(s.slice(0, dot), s.slice(dot)) : PyTuple.of<Value>(s, '');
    },
  }, { sep: '/' });
  return module('os', {}, { path, sep: '/' });
}

/** types.SimpleNamespace(**kwargs): attributes set and read by the program. */
export function typesModule(): PyModule {
  const SimpleNamespace = new PyType('types.SimpleNamespace', (args, kw) => {
    if (args.length) throw pyError('TypeError', 'SimpleNamespace() takes no positional arguments');
    const ns = new PyNamespace();
    for (const [k, v] of kw) ns.attrs.set(k, v);
    return ns;
  }, (v) => v instanceof PyNamespace);
  return module('types', {}, { SimpleNamespace });
}

/** warnings: notebooks import it to silence deprecation noise; tfgraph prints none, so the filters do nothing. */
export function warningsModule(): PyModule {
  const none: Fn = () => null;
  return module('warnings', { filterwarnings: none, simplefilter: none, warn: none, resetwarnings: none });
}
