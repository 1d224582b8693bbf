// Shared test helpers: fresh graphs, running on every backend, comparing values with tolerances.
import * as tf from '../src/index.ts';
import { NDArray } from '../src/runtime/ndarray.ts';
import type { Tensor } from '../src/graph/tensor.ts';

export const TEST_BACKENDS = ['cpu', 'wasm'] as const;

/** Builds in a fresh default graph; returns fn's result. */
export function fresh<T>(fn: () => T): T {
  tf.reset_default_graph();
  return fn();
}

/** Runs fetches in a new session on `backend` (initialising variables first when there are any). */
export function run(fetches: unknown, feed?: unknown, backend: string = 'cpu'): any {
  const g = tf.get_default_graph();
  const sess = new tf.Session({ graph: g, backend });
  try {
    if (tf.global_variables().length) sess.run(tf.global_variables_initializer());
    return sess.run(fetches, feed === undefined ? undefined : { feed_dict: feed });
  } finally {
    sess.close();
  }
}

export function toJS(v: unknown): unknown {
  if (v instanceof NDArray) return v.toArray();
  if (Array.isArray(v)) return v.map(toJS);
  return v;
}

function flat(v: unknown): unknown[] {
  const j = toJS(v);
  return Array.isArray(j) ? (j as unknown[]).flat(Infinity) : [j];
}

/** Asserts numbers are close (relative + absolute tolerance); shapes must match for NDArrays. */
export function assertClose(actual: unknown, expected: unknown, tol = 1e-5, msg = ''): void {
  if (actual instanceof NDArray && Array.isArray(expected)) {
    const eshape = shapeOf(expected);
    if (eshape.join(',') !== actual.shape.join(',')) {
      throw new Error(`${msg} shape [${actual.shape}] != expected [${eshape}]`);
    }
  }
  const a = flat(actual);
  const e = flat(expected);
  if (a.length !== e.length) throw new Error(`${msg} got ${a.length} values, expected ${e.length}: ${JSON.stringify(toJS(actual))}`);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = e[i];
    if (typeof y === 'boolean' || typeof x === 'boolean') {
      if (x !== y) throw new Error(`${msg} at ${i}: ${x} != ${y}; got ${JSON.stringify(toJS(actual))}`);
      continue;
    }
    const xn = x as number;
    const yn = y as number;
    if (Number.isNaN(yn) && Number.isNaN(xn)) continue;
    if (xn === yn) continue;
    if (!(Math.abs(xn - yn) <= tol + tol * Math.abs(yn))) {
      throw new Error(`${msg} at ${i}: ${xn} != ${yn} (tol ${tol}); got ${JSON.stringify(toJS(actual))}`);
    }
  }
}

export function shapeOf(v: unknown): number[] {
  const s: number[] = [];
  let x = v;
  while (Array.isArray(x)) {
    s.push(x.length);
    x = x[0];
  }
  return s;
}

/** Asserts fn throws an error whose message contains every fragment. */
export function assertThrows(fn: () => unknown, ...fragments: (string | RegExp)[]): Error {
  try {
    fn();
  } catch (e) {
    const msg = (e as Error).message;
    for (const f of fragments) {
      const ok = typeof f === 'string' ? msg.includes(f) : f.test(msg);
      if (!ok) throw new Error(`error message ${JSON.stringify(msg)} lacks ${String(f)}`);
    }
    return e as Error;
  }
  throw new Error(`expected an error containing ${fragments.map(String).join(', ')}`);
}

/** The static shape must agree with the runtime shape (unknown dims match anything). */
export function assertShapeInference(t: Tensor, value: unknown): void {
  const actual = value instanceof NDArray ? value.shape : [];
  const s = t.staticShape;
  if (s === null) return;
  if (s.length !== actual.length || s.some((d, i) => d !== null && d !== actual[i])) {
    throw new Error(`shape inference for ${t.name} (${t.op.type}) says [${s.map((d) => d ?? '?')}] but the kernel gave [${actual}]`);
  }
}

/** run() with the backend first: fetches once in a new session after initialising the variables. */
export function runAll(fetches: unknown, backend: string = 'cpu', feed?: unknown): any {
  return run(fetches, feed, backend);
}

/** NDArray → nested arrays (other values unchanged), for comparing fetched weights and outputs. */
export const arr = (v: unknown): any => toJS(v);

/** mulberry32: a small seeded RNG in [0, 1), so data and fuzz cases reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
