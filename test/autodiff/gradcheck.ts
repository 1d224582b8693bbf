// Finite-difference gradient checking: symbolic tf.gradients against central differences of a random projection.
import * as tf from '../../src/index.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import type { GradCase } from './cases/types.ts';

/** Deterministic pseudo-random values in [-1, 1] (a simple LCG, so cases are reproducible). */
export function seeded(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  });
}

/**
 * Checks d(sum(y·w))/dx for every input x, with w a fixed random projection, on `backend`.
 * Throws with the worst element when symbolic and numeric gradients disagree.
 */
export function checkGradient(c: GradCase, backend = 'cpu'): void {
  tf.reset_default_graph();
  const xs = c.inputs.map((inp, i) => tf.placeholder(tf.float32, inp.shape, { name: `x${i}` }));
  const y = c.build(...xs);
  const ySize = (y.staticShape ?? []).reduce<number>((a, d) => a * (d ?? 1), 1);
  const w = tf.constant(new NDArray('float32', (y.staticShape ?? []) as number[], Float32Array.from(seeded(ySize, 99))));
  const loss = tf.reduce_sum(tf.multiply(y, w));
  const grads = tf.gradients(loss, xs);
  const values = c.inputs.map((inp, i) => inp.values ?? seeded(inp.shape.reduce((a, b) => a * b, 1), 17 + i));
  const sess = new tf.Session({ backend });
  try {
    const feed = (vals: number[][]) => xs.map((x, i) => [x, { data: Float32Array.from(vals[i]), shape: c.inputs[i].shape }]);
    grads.forEach((g, i) => {
      if (g === null) throw new Error(`${c.op} ${c.name}: gradient w.r.t. input ${i} is null`);
    });
    const sym = sess.run(grads, feed(values)) as (NDArray | number)[];
    const eps = c.eps ?? 1e-2;
    const tol = c.tol ?? 2e-2;
    values.forEach((vals, i) => {
      const symVals = sym[i] instanceof NDArray ? Array.from((sym[i] as NDArray).data) : [sym[i] as number];
      for (let k = 0; k < vals.length; k++) {
        const plus = values.map((v) => [...v]);
        const minus = values.map((v) => [...v]);
        plus[i][k] += eps;
        minus[i][k] -= eps;
        const num = ((sess.run(loss, feed(plus)) as number) - (sess.run(loss, feed(minus)) as number)) / (2 * eps);
        const s = symVals[k];
        if (!(Math.abs(num - s) <= tol * (1 + Math.abs(num)))) {
          throw new Error(`${c.op} ${c.name}: d/dx${i}[${k}] symbolic ${s} vs numeric ${num} (tol ${tol})`);
        }
      }
    });
  } finally {
    sess.close();
  }
}
