// Cross-backend: the foundation example graph gives equal values on cpu and wasm (graph-level seed set).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import { fresh } from '../helpers.ts';

/** The foundation example (/tmp/e2e.ts): two tanh steps sharing Wx, and get_variable with reuse. */
function buildExample() {
  tf.set_random_seed(42);
  const x0 = tf.placeholder(tf.float32, [null, 2]);
  const x1 = tf.placeholder(tf.float32, [null, 2]);
  const Wx = tf.random_normal([2, 3], { seed: 1 });
  const Wy = tf.random_normal([3, 3], { seed: 2 });
  const b = tf.constant(0, { shape: [1, 3] });
  const y0 = tf.tanh(tf.matmul(x0, Wx).add(b));
  const y1 = tf.tanh(tf.matmul(y0, Wy).add(tf.matmul(x1, Wx)).add(b));
  tf.variable_scope('rnn_cell', () => {
    tf.get_variable('W', [6, 4]);
    tf.get_variable('b', [4], { initializer: tf.constant_initializer(0.0) });
  });
  const W = tf.variable_scope('rnn_cell', { reuse: true }, () => tf.get_variable('W', [6, 4]));
  return { x0, x1, y0, y1, W };
}

function runOn(backend: string): NDArray[] {
  const { x0, x1, y0, y1, W } = buildExample();
  return tf.Session.with({ backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    // The example's own feeds (y1 saturates), then small inputs that keep tanh away from saturation.
    const [v0, v1] = sess.run([y0, y1], { feed_dict: [[x0, [[0, 1], [2, 3], [4, 5]]], [x1, [[100, 101], [102, 103], [104, 105]]]] });
    const [s0, s1] = sess.run([y0, y1], {
      feed_dict: [[x0, [[0, 0.1], [0.2, 0.3], [-0.4, 0.5]]], [x1, [[0.1, -0.1], [0.2, 0.3], [0.04, 0.05]]]],
    });
    return [v0, v1, sess.run(W), s0, s1];
  });
}

function assertRelClose(a: NDArray, b: NDArray, what: string): void {
  assert.equal(a.shape, b.shape, `${what} shape`);
  a.data.forEach((x, i) => {
    const y = b.data[i];
    if (Math.abs(x - y) > 1e-5 * Math.max(Math.abs(x), Math.abs(y), 1e-3)) throw new Error(`${what}[${i}]: cpu ${x} vs wasm ${y}`);
  });
}

test('the foundation example gives equal values on cpu and wasm', () => {
  const cpu = fresh(() => runOn('cpu'));
  const wasm = fresh(() => runOn('wasm'));
  ['y0', 'y1', 'rnn_cell/W', 'y0 (small inputs)', 'y1 (small inputs)'].forEach((what, i) => assertRelClose(cpu[i], wasm[i], what));
  assert.equal(cpu[2].shape, [6, 4]);
  assert.ok(cpu[4].data.some((v) => Math.abs(v) > 0.05 && Math.abs(v) < 0.95), 'y1 is not saturated');
});

test('with a graph-level seed, two sessions on the same graph draw the same initial values', () => fresh(() => {
  const { W } = buildExample();
  const init = tf.global_variables_initializer();
  const vals = ['cpu', 'wasm', 'cpu'].map((backend) => tf.Session.with({ backend }, (s) => {
    s.run(init);
    return s.run(W) as NDArray;
  }));
  assert.equal(vals[0].toArray(), vals[2].toArray());
  assertRelClose(vals[0], vals[1], 'W');
}));

test.run();
