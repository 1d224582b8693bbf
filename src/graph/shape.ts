// Static shapes with unknown dims (null) or unknown rank (null), as TF1's TensorShape.
import { describeValue } from './describe.ts';

export type Dim = number | null;
export type Shape = Dim[] | null;

/** `(?, 4)` — how TF1 prints a static shape in Python messages. */
export function formatShape(s: Shape): string {
  if (s === null) return '<unknown>';
  const parts = s.map((d) => (d === null ? '?' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** `[?,4]` — how TF1's kernels and shape functions print a shape. */
export function formatDims(s: Shape): string {
  if (s === null) return '?';
  return `[${s.map((d) => (d === null ? '?' : String(d))).join(',')}]`;
}

export function isFullyDefined(s: Shape): s is number[] {
  return s !== null && s.every((d) => d !== null);
}

export function numElements(s: readonly number[]): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}

export function dimsCompatible(a: Dim, b: Dim): boolean {
  return a === null || b === null || a === b;
}

export function shapesCompatible(a: Shape, b: Shape): boolean {
  if (a === null || b === null) return true;
  return a.length === b.length && a.every((d, i) => dimsCompatible(d, b[i]));
}

/** The most specific shape compatible with both (assumes they are compatible). */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a === null) return b;
  if (b === null) return a;
  return a.map((d, i) => (d === null ? b[i] : d));
}

/** numpy broadcasting of static shapes; returns null when incompatible. */
export function broadcastShapes(a: Shape, b: Shape): Shape | 'error' {
  if (a === null || b === null) return null;
  const n = Math.max(a.length, b.length);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const x = i < n - a.length ? 1 : a[i - (n - a.length)];
    const y = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (x === 1) out.push(y);
    else if (y === 1) out.push(x);
    else if (x === null) out.push(y);
    else if (y === null) out.push(x);
    else if (x === y) out.push(x);
    else return 'error';
  }
  return out;
}

/** Normalises a user-given shape (array with null/undefined/-1 for unknown dims, or null). */
export function asShape(s: unknown, what = 'shape'): Shape {
  if (s === null || s === undefined) return null;
  if (typeof s === 'number') return [s];
  if (!Array.isArray(s)) throw new TypeError(`${what} must be an array of dims or null, got ${describeValue(s)}`);
  return s.map((d) => {
    if (d === null || d === undefined || d === -1) return null;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new TypeError(`${what} ${describeValue(s)} has an invalid dimension ${describeValue(d)}`);
    }
    return d;
  });
}

/** Resolves a possibly negative axis against a rank; returns null when out of range. */
export function normAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : null;
}
