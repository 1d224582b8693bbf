// numpy-style printing of NDArrays (array2string defaults: precision 8, maxprec, linewidth 75, summarised past 1000 elements).
import type { NDArray } from './ndarray.ts';

const PRECISION = 8;
const LINEWIDTH = 75;
const THRESHOLD = 1000;
const EDGEITEMS = 3;

/** Shortest decimal digits that read back to the same float32. */
function shortestFloat32(x: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return s;
  }
  return x.toPrecision(9);
}

/** Splits a finite value into signed integer digits and fractional digits (maxprec mode). */
function positional(x: number): [string, string] {
  let s = shortestFloat32(Math.abs(x));
  if (/e/i.test(s)) s = Number(s).toFixed(20).replace(/0+$/, '');
  let [ip, fp = ''] = s.split('.');
  if (fp.length > PRECISION) {
    const r = Math.abs(x).toFixed(PRECISION).replace(/0+$/, '');
    [ip, fp = ''] = r.split('.');
  }
  return [`${x < 0 || Object.is(x, -0) ? '-' : ''}${ip}`, fp];
}

/** Mantissa integer part (with sign), mantissa fraction digits, exponent sign and digits (unique mode). */
function scientific(x: number): [string, string, string, string] {
  const s = shortestFloat32(Math.abs(x));
  const [m, e] = Number(s).toExponential(Math.min(PRECISION, digitsOf(s) - 1)).split('e');
  const [ip, fp = ''] = m.split('.');
  const en = Number(e);
  return [`${x < 0 || Object.is(x, -0) ? '-' : ''}${ip}`, fp.replace(/0+$/, ''), en < 0 ? '-' : '+', String(Math.abs(en))];
}

function digitsOf(s: string): number {
  const m = s.replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  return Math.max(1, m.length);
}

/** numpy's FloatingFormat: one width for all elements; non-finite values right-aligned in it. */
function floatFormatter(vals: number[]): (x: number) => string {
  const finite = vals.filter((v) => Number.isFinite(v));
  const nonzero = finite.map(Math.abs).filter((v) => v !== 0);
  const maxv = nonzero.length ? Math.max(...nonzero) : 0;
  const minv = nonzero.length ? Math.min(...nonzero) : 0;
  const useExp = maxv >= 1e8 || (nonzero.length > 0 && (minv < 1e-4 || maxv / minv > 1e3));
  let padLeft = 0;
  let padRight = 0;
  let fmtFinite: (x: number) => string;
  if (useExp) {
    // Exponential mode prints every mantissa with the longest fraction's digit count (numpy's trim='k').
    const parts = finite.map(scientific);
    const prec = Math.max(0, ...parts.map(([, f]) => f.length));
    const expSize = Math.max(2, ...parts.map(([, , , e]) => e.length));
    padLeft = Math.max(0, ...parts.map(([i]) => i.length));
    padRight = expSize + 2 + prec;
    // Digits past the shortest unique ones are the exact value's (dragon4 with min_digits), not zeros.
    fmtFinite = (x) => {
      const [m, e] = Math.abs(x).toExponential(prec).split('e');
      const [i, f = ''] = m.split('.');
      const sign = x < 0 || Object.is(x, -0) ? '-' : '';
      return `${(sign + i).padStart(padLeft)}.${f}e${e[0]}${e.slice(1).padStart(expSize, '0')}`;
    };
  } else {
    const parts = finite.map(positional);
    padLeft = Math.max(0, ...parts.map(([i]) => i.length));
    padRight = Math.max(0, ...parts.map(([, f]) => f.length));
    fmtFinite = (x) => {
      const [i, f] = positional(x);
      return `${i.padStart(padLeft)}.${f.padEnd(padRight)}`;
    };
  }
  if (finite.length !== vals.length) {
    const inflen = 3 + (vals.some((v) => v === -Infinity) ? 1 : 0);
    padLeft = Math.max(padLeft, 3 - (padRight + 1), inflen - (padRight + 1));
  }
  return (x) => (Number.isFinite(x) ? fmtFinite(x) : special(x).padStart(padLeft + padRight + 1));
}

function special(x: number): string {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

export function formatArray(a: NDArray): string {
  const summarise = a.size > THRESHOLD;
  const vals = summarise ? edgeValues(a) : Array.from(a.data);
  let fmt: (x: number) => string;
  if (a.dtype === 'bool') {
    fmt = (x) => (x ? 'True' : 'False').padStart(5);
  } else if (a.dtype.includes('int')) {
    const w = Math.max(...vals.map((v) => String(v).length), 1);
    fmt = (x) => String(x).padStart(w);
  } else {
    fmt = floatFormatter(vals);
  }
  if (a.shape.length === 0) return fmt(a.data[0]).trim();
  if (a.size === 0) return '[]';
  return block(a, 0, 0, fmt, summarise, '[');
}

function edgeValues(a: NDArray): number[] {
  const out: number[] = [];
  const rec = (axis: number, offset: number) => {
    if (axis === a.shape.length) { out.push(a.data[offset]); return; }
    const stride = a.shape.slice(axis + 1).reduce((x, y) => x * y, 1);
    for (const i of edgeIndices(a.shape[axis], true)) if (i >= 0) rec(axis + 1, offset + i * stride);
  };
  rec(0, 0);
  return out;
}

/** Indices along an axis, with -1 marking the '...' of a summarised axis. */
function edgeIndices(n: number, summarise: boolean): number[] {
  if (!summarise || n <= 2 * EDGEITEMS) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: EDGEITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGEITEMS }, (_, i) => n - EDGEITEMS + i);
  return [...head, -1, ...tail];
}

function block(a: NDArray, axis: number, offset: number, fmt: (x: number) => string, summarise: boolean, indent: string): string {
  const stride = a.shape.slice(axis + 1).reduce((x, y) => x * y, 1);
  const idx = edgeIndices(a.shape[axis], summarise);
  if (axis === a.shape.length - 1) {
    const items = idx.map((i) => (i < 0 ? '...' : fmt(a.data[offset + i])));
    return `[${wrap(items, indent.length)}]`;
  }
  const sep = `\n${'\n'.repeat(a.shape.length - axis - 2)}`;
  const inner = idx.map((i) => (i < 0 ? '...' : block(a, axis + 1, offset + i * stride, fmt, summarise, `${indent} `)));
  return `[${inner.join(`${sep}${' '.repeat(indent.length)}`)}]`;
}

function wrap(items: string[], indentWidth: number): string {
  const lines: string[] = [];
  let line = '';
  for (const it of items) {
    const cand = line ? `${line} ${it}` : it;
    // numpy: each nesting level takes one column for its ']' off the width available to a row.
    if (line && cand.length + 2 * indentWidth > LINEWIDTH) {
      lines.push(line.trimEnd());
      line = it;
    } else line = cand;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indentWidth)}`);
}
