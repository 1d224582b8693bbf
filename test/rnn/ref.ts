// Plain float64 references for the RNN tests: matrices as number[][], TF1's cell formulas written out.
export type M = number[][];

export const sig = (x: number) => 1 / (1 + Math.exp(-x));
export const map = (a: M, f: (x: number) => number): M => a.map((r) => r.map(f));
export const zip = (a: M, b: M, f: (x: number, y: number) => number): M => a.map((r, i) => r.map((x, j) => f(x, b[i][j])));
export const add = (a: M, b: M) => zip(a, b, (x, y) => x + y);
export const mul = (a: M, b: M) => zip(a, b, (x, y) => x * y);
export const cat = (a: M, b: M): M => a.map((r, i) => [...r, ...b[i]]);
export const cols = (a: M, from: number, to: number): M => a.map((r) => r.slice(from, to));
export const rowVec = (a: M, v: number[]): M => a.map((r) => r.map((x, j) => x * v[j]));
export const clip = (a: M, lim: number) => map(a, (x) => Math.min(lim, Math.max(-lim, x)));
export const zerosM = (b: number, n: number): M => Array.from({ length: b }, () => new Array(n).fill(0));

export function matmul(a: M, b: M): M {
  return a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => s + x * b[k][j], 0)));
}
export function affine(x: M, W: M, bias: number[]): M {
  return matmul(x, W).map((r) => r.map((v, j) => v + bias[j]));
}

export function basicRnn(x: M, h: M, W: M, b: number[]): M {
  return map(affine(cat(x, h), W, b), Math.tanh);
}

/** BasicLSTMCell / LSTMCell without extras: returns [c', h']. */
export function lstm(x: M, c: M, h: M, W: M, b: number[], n: number, forget = 1.0): [M, M] {
  const z = affine(cat(x, h), W, b);
  const [i, j, f, o] = [0, 1, 2, 3].map((k) => cols(z, k * n, (k + 1) * n));
  const c2 = add(mul(c, map(f, (v) => sig(v + forget))), mul(map(i, sig), map(j, Math.tanh)));
  return [c2, mul(map(c2, Math.tanh), map(o, sig))];
}

export interface LSTMExtras { wf?: number[]; wi?: number[]; wo?: number[]; cellClip?: number; P?: M; projClip?: number }

/** LSTMCell with peepholes / cell_clip / projection: returns [c', m']. */
export function lstmFull(x: M, c: M, m: M, W: M, b: number[], n: number, e: LSTMExtras, forget = 1.0): [M, M] {
  const z = affine(cat(x, m), W, b);
  const [i, j, f, o] = [0, 1, 2, 3].map((k) => cols(z, k * n, (k + 1) * n));
  const fp = e.wf ? add(f, rowVec(c, e.wf)) : f;
  const ip = e.wi ? add(i, rowVec(c, e.wi)) : i;
  let c2 = add(mul(map(fp, (v) => sig(v + forget)), c), mul(map(ip, sig), map(j, Math.tanh)));
  if (e.cellClip !== undefined) c2 = clip(c2, e.cellClip);
  const op = e.wo ? add(o, rowVec(c2, e.wo)) : o;
  let m2 = mul(map(op, sig), map(c2, Math.tanh));
  if (e.P) m2 = matmul(m2, e.P);
  if (e.projClip !== undefined) m2 = clip(m2, e.projClip);
  return [c2, m2];
}

export function gru(x: M, h: M, Wg: M, bg: number[], Wc: M, bc: number[], n: number): M {
  const g = map(affine(cat(x, h), Wg, bg), sig);
  const r = cols(g, 0, n);
  const u = cols(g, n, 2 * n);
  const c = map(affine(cat(x, mul(r, h)), Wc, bc), Math.tanh);
  return add(mul(u, h), mul(map(u, (v) => 1 - v), c));
}

/** A deterministic pseudo-random matrix in [-1, 1). */
export function rand(rows: number, colsN: number, seed: number): M {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: rows }, () => Array.from({ length: colsN }, () => next() * 2 - 1));
}
