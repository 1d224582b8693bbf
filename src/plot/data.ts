// Plot inputs: turning arrays/NDArrays into number columns, and matplotlib's fmt strings ('ro', 'b--') into styles.
import { NDArray } from '../runtime/ndarray.ts';

/**
 * Anything plot() accepts as data: numbers (bigint too: the DSL's Python ints), (nested) arrays, typed arrays,
 * NDArray, or array-likes of other modules (the DSL's numpy): objects with toArray() or tolist(), or shape + data.
 */
export type PlotData = unknown;

/**
 * Columns of a plot argument, as matplotlib reads it: a vector is one column; a 2-D value [n, k] is k columns
 * (so `plt.plot(testY)` with testY of shape (n, 1) is one series, as in the notebooks).
 */
export function toColumns(v: PlotData, what = 'plot data'): number[][] {
  const rows = toNested(v, what);
  if (!Array.isArray(rows)) return [[num(rows, what)]];
  if (rows.length === 0) return [[]];
  if (!Array.isArray(rows[0])) return [rows.map((x) => num(x, what))];
  const k = (rows[0] as unknown[]).length;
  const cols: number[][] = Array.from({ length: k }, () => []);
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== k) throw new TypeError(`${what}: rows must all have ${k} values (ragged array)`);
    r.forEach((x, j) => cols[j].push(num(x, what)));
  }
  return cols;
}

/** A flat vector (any shape flattened): for terminal charts and x values. */
export function toVector(v: PlotData, what = 'plot data'): number[] {
  const n = toNested(v, what);
  return Array.isArray(n) ? (n.flat(Infinity) as unknown[]).map((x) => num(x, what)) : [num(n, what)];
}

function toNested(v: unknown, what: string): unknown {
  if (v instanceof NDArray) return v.toArray();
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { toArray?: () => unknown; tolist?: () => unknown; shape?: unknown; data?: unknown };
    if (typeof o.toArray === 'function') return toNested(o.toArray(), what);
    if (typeof o.tolist === 'function') return toNested(o.tolist(), what);
    if (Array.isArray(o.shape) && (ArrayBuffer.isView(o.data) || Array.isArray(o.data))) {
      return reshape(Array.from(o.data as ArrayLike<unknown>), o.shape as number[]);
    }
  }
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? toNested(x, what) : x));
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  throw new TypeError(`${what}: expected numbers, arrays or NDArray, got ${v === null ? 'None' : typeof v}`);
}

/** Flat values -> nested arrays of `shape` (a shape/data array-like of another module). */
function reshape(flat: unknown[], shape: number[]): unknown {
  if (shape.length === 0) return flat[0];
  const [d, ...rest] = shape.map(Number);
  const size = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: d }, (_, i) => reshape(flat.slice(i * size, (i + 1) * size), rest));
}

function num(x: unknown, what: string): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (Array.isArray(x) && x.length === 1) return num(x[0], what);
  throw new TypeError(`${what}: expected a number, got ${Array.isArray(x) ? 'a nested array' : typeof x}`);
}

export type LineStyle = 'solid' | 'dashed' | 'dashdot' | 'dotted' | 'none';

/** What a fmt string specifies; absent fields keep their defaults. */
export interface FmtStyle { color?: string; marker?: string; linestyle?: LineStyle }

/** matplotlib's single-letter colors, with its exact RGB values. */
export const LETTER_COLORS: Record<string, string> = {
  b: '#0000ff', g: '#008000', r: '#ff0000', c: '#00bfbf', m: '#bf00bf', y: '#bfbf00', k: '#000000', w: '#ffffff',
};

/** matplotlib's default color cycle (tab10), used when a series names no color; also reachable as 'C0'..'C9'. */
export const COLOR_CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const MARKERS = new Set(['.', ',', 'o', 'v', '^', '<', '>', 's', 'p', '*', 'h', 'H', '+', 'x', 'D', 'd', '|', '_', '1', '2', '3', '4', '8', 'P', 'X']);
const LINES: [string, LineStyle][] = [['--', 'dashed'], ['-.', 'dashdot'], ['-', 'solid'], [':', 'dotted']];

/** Parses matplotlib's `[marker][line][color]` format string, in any order; throws on unknown characters. */
export function parseFmt(fmt: string): FmtStyle {
  const out: FmtStyle = {};
  let i = 0;
  while (i < fmt.length) {
    const line = LINES.find(([s]) => fmt.startsWith(s, i));
    if (line) {
      out.linestyle = line[1];
      i += line[0].length;
      continue;
    }
    const ch = fmt[i];
    if (ch in LETTER_COLORS) out.color = LETTER_COLORS[ch];
    else if (MARKERS.has(ch)) out.marker = ch;
    else throw new Error(`ValueError: '${fmt}' is not a valid format string (unrecognized character '${ch}')`);
    i += 1;
  }
  // matplotlib: a marker without a line style draws markers only.
  if (out.marker && !out.linestyle) out.linestyle = 'none';
  return out;
}

/** Resolves a user color: matplotlib letters, 'C0'..'C9', or any CSS color (passed through to SVG). */
export function resolveColor(c: string): string {
  if (c in LETTER_COLORS) return LETTER_COLORS[c];
  const m = /^C(\d)$/.exec(c);
  return m ? COLOR_CYCLE[Number(m[1])] : c;
}

/** matplotlib's linestyle names and symbols. */
export function resolveLineStyle(s: string): LineStyle {
  const map: Record<string, LineStyle> = {
    '-': 'solid', solid: 'solid', '--': 'dashed', dashed: 'dashed', '-.': 'dashdot', dashdot: 'dashdot',
    ':': 'dotted', dotted: 'dotted', '': 'none', ' ': 'none', None: 'none', none: 'none',
  };
  const r = map[s];
  if (!r) throw new Error(`ValueError: '${s}' is not a valid linestyle`);
  return r;
}
