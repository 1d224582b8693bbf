// Math gradients beyond the finite-difference table: second order, unknown (run-time) shapes, Cast, wasm.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const X = [[0.5, -1, 2], [1.5, 0.3, -0.7]];

test('second order: d²/dx² Σx³ = 6x through Mul and Sum', () => {
  fresh(() => {
    const x = tf.constant(X);
    const [g] = tf.gradients(tf.reduce_sum(tf.multiply(tf.multiply(x, x), x)), x);
    const [h] = tf.gradients(tf.reduce_sum(g!), x);
    assertClose(run(g), X.map((r) => r.map((v) => 3 * v * v)));
    assertClose(run(h), X.map((r) => r.map((v) => 6 * v)));
  });
});

test('second order: Pow, Tanh, Exp, Mean, Max, Sqrt', () => {
  fresh(() => {
    const x = tf.constant([0.5, 1.2, 2]);
    const second = (y: ReturnType<typeof tf.exp>) => tf.gradients(tf.reduce_sum(tf.gradients(y, x)[0]!), x)[0]!;
    assertClose(run(second(tf.reduce_sum(tf.pow(x, 3)))), [3, 7.2, 12]);
    const t = [0.5, 1.2, 2].map(Math.tanh);
    assertClose(run(second(tf.reduce_sum(tf.tanh(x)))), t.map((v) => -2 * v * (1 - v * v)), 1e-4);
    assertClose(run(second(tf.reduce_mean(tf.exp(x)))), [0.5, 1.2, 2].map((v) => Math.exp(v) / 3), 1e-4);
    assertClose(run(second(tf.reduce_max(tf.square(x)))), [0, 0, 2]);
    assertClose(run(second(tf.reduce_sum(tf.sqrt(x)))), [0.5, 1.2, 2].map((v) => -0.25 * v ** -1.5), 1e-4);
  });
});

test('second order: matmul — d/dx Σ ∂(Σ(Wx)²)/∂x = 2·WᵀW·1', () => {
  fresh(() => {
    const W = [[1, 2], [-1, 0.5], [0.3, -2]];
    const w = tf.constant(W);
    const x = tf.constant([[0.4], [-0.6]]);
    const [g] = tf.gradients(tf.reduce_sum(tf.square(tf.matmul(w, x))), x);
    const [h] = tf.gradients(tf.reduce_sum(g!), x);
    const wtw = [0, 1].map((i) => [0, 1].map((j) => W.reduce((s, r) => s + r[i] * r[j], 0)));
    assertClose(run(h), wtw.map((r) => [2 * (r[0] + r[1])]), 1e-4);
  });
});

test('unknown dims: broadcasting and reductions build run-time shapes', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const x = tf.placeholder(tf.float32, [null, 3]);
      const b = tf.placeholder(tf.float32, [3]);
      const y = tf.add(tf.add(tf.multiply(x, b), tf.reduce_sum(x, 0)), tf.reduce_mean(x, 1, { keepdims: true }));
      const loss = tf.add(tf.reduce_sum(y), tf.reduce_max(x));
      const [gx, gb] = tf.gradients(loss, [x, b]);
      const feed = new Map<unknown, unknown>([[x, X], [b, [1, 2, 3]]]);
      const [vx, vb] = run([gx, gb], feed, backend);
      // Σ(x·b): b; Σ over rows of reduce_sum(x,0) broadcast: 2 (two rows); mean over 3 cols, added to 3 cols: 1; max at 2.
      assertClose(vx, [[4, 5, 7], [4, 5, 6]]);
      assertClose(vb, [2, -0.7, 1.3]);
    });
  }
});

test('Cast: float↔float passes the gradient, int paths give none; AddN and FloorMod', () => {
  fresh(() => {
    const x = tf.constant([1.5, -2.25]);
    assertClose(run(tf.gradients(tf.cast(tf.cast(x, 'float64'), 'float32'), x)[0]), [1, 1]);
    assert.equal(tf.gradients(tf.cast(tf.cast(x, 'int32'), 'float32'), x), [null]);
    assertClose(run(tf.gradients(tf.add_n([x, x, tf.square(x)]), x)[0]), [5, -2.5]);
    const [gx, gy] = tf.gradients(tf.floormod(x, tf.constant([1, 1])), [x, x]);
    assert.ok(gx !== null && gy !== null);
  });
});

test('gradients run on wasm too (matmul with transposes, batch broadcast, reductions)', () => {
  fresh(() => {
    const a = tf.constant([[[1, 2], [3, 4]]]);
    const b = tf.constant([[[0.5, -1], [2, 1]], [[1, 0], [0, 1]]]);
    const [ga, gb] = tf.gradients(tf.reduce_sum(tf.matmul(a, b, { transpose_b: true })), [a, b]);
    const cpu = run([ga, gb]);
    const wasm = run([ga, gb], undefined, 'wasm');
    assertClose(wasm[0], cpu[0]);
    assertClose(wasm[1], cpu[1]);
    assertClose(cpu[0], [[[3.5, 1], [3.5, 1]]]);
    assertClose(cpu[1], [[[4, 6], [4, 6]], [[4, 6], [4, 6]]]);
  });
});

test.run();
