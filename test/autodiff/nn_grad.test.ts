// nn gradients beyond the finite-difference table: null through StopGradient and into labels, second order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import type { Tensor } from '../../src/graph/tensor.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import { seeded } from './gradcheck.ts';
import { assertClose, fresh, run } from '../helpers.ts';

const DIST = [[0.2, 0.5, 0.3], [1, 0, 0]];

test('StopGradient: the gradient through it is null; other paths still count', () => {
  fresh(() => {
    const x = tf.constant([0.5, -1, 2]);
    assert.equal(tf.gradients(tf.nn.sigmoid(tf.stop_gradient(x)), x), [null]);
    assert.equal(tf.gradients(tf.stop_gradient(tf.nn.softplus(x)), x), [null]);
    const y = tf.add(tf.nn.l2_loss(x), tf.nn.l2_loss(tf.stop_gradient(x)));
    assertClose(run(tf.gradients(y, x)[0]), [0.5, -1, 2]);
  });
});

test('cross-entropy labels: v1 null (StopGradient), v2 −log_softmax, sparse (integer) null', () => {
  fresh(() => {
    const logits = tf.constant([[1, 2, 3], [0.5, -0.5, 0]]);
    const labels = tf.constant(DIST);
    const v1 = tf.nn.softmax_cross_entropy_with_logits({ labels, logits });
    const [dl1, dy1] = tf.gradients(v1, [logits, labels]);
    assert.is(dy1, null);
    assert.ok(dl1 !== null);
    const v2 = tf.nn.softmax_cross_entropy_with_logits_v2({ labels, logits });
    const [dl2, dy2] = tf.gradients(v2, [logits, labels]);
    const [a, b, ls] = run([dl1, dl2, tf.nn.log_softmax(logits)]);
    assertClose(a, b);
    assertClose(run(dy2!), (ls as NDArray).toArray().map((r: number[]) => r.map((v) => -v)), 1e-5);
    const sp = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: tf.constant([2, 0], { dtype: 'int32' }), logits });
    const [ds, dint] = tf.gradients(sp, [logits, tf.constant(0)]);
    assert.is(dint, null);
    // labels [2, 0] one-hot equal DIST's second row only; compare against the dense form with one-hot labels.
    const dense = tf.nn.softmax_cross_entropy_with_logits_v2({ labels: tf.constant([[0, 0, 1], [1, 0, 0]]), logits });
    assertClose(run(ds!), run(tf.gradients(dense, logits)[0]!), 1e-5);
  });
});

test('BiasAdd: bias gradient sums over all but the last axis even when the rank is unknown', () => {
  fresh(() => {
    const v = tf.placeholder(tf.float32, null);
    const b = tf.placeholder(tf.float32, null);
    const [dv, db] = tf.gradients(tf.nn.bias_add(v, b), [v, b]);
    const feed = [[v, { data: new Float32Array(12), shape: [2, 2, 3] }], [b, { data: new Float32Array(3), shape: [3] }]];
    const [a, c] = run([dv, db], feed);
    assertClose(a, new Array(2).fill(new Array(2).fill([1, 1, 1])));
    assertClose(c, [4, 4, 4]);
  });
});

/**
 * Gradient of a gradient: h = ∂(Σ g·v)/∂x with g = ∂(Σ f(x)·w)/∂x, against central differences of Σ g·v.
 */
function checkSecondOrder(name: string, shape: number[], f: (x: Tensor) => Tensor, values?: number[]): void {
  tf.reset_default_graph();
  const n = shape.reduce((a, b) => a * b, 1);
  const x = tf.placeholder(tf.float32, shape);
  const y = f(x);
  const ys = (y.staticShape ?? []) as number[];
  const w = tf.constant(new NDArray('float32', ys, Float32Array.from(seeded(ys.reduce((a, b) => a * b, 1), 5))));
  const [g] = tf.gradients(tf.reduce_sum(tf.multiply(y, w)), x);
  const v = tf.constant(new NDArray('float32', shape, Float32Array.from(seeded(n, 7))));
  const gv = tf.reduce_sum(tf.multiply(g!, v));
  const [h] = tf.gradients(gv, x);
  assert.ok(h !== null, `${name}: second-order gradient is null`);
  const vals = values ?? seeded(n, 11);
  const sess = new tf.Session();
  try {
    const feed = (d: number[]) => ({ feed_dict: [[x, { data: Float32Array.from(d), shape }]] });
    const sym = Array.from((sess.run(h!, feed(vals)) as NDArray).data);
    const eps = 1e-2;
    for (let k = 0; k < n; k++) {
      const p = [...vals];
      const m = [...vals];
      p[k] += eps;
      m[k] -= eps;
      const num = ((sess.run(gv, feed(p)) as number) - (sess.run(gv, feed(m)) as number)) / (2 * eps);
      assert.ok(Math.abs(num - sym[k]) <= 2e-2 * (1 + Math.abs(num)), `${name}: h[${k}] symbolic ${sym[k]} vs numeric ${num}`);
    }
  } finally {
    sess.close();
  }
}

test('second order: softmax, log_softmax (axis 0 too)', () => {
  checkSecondOrder('softmax', [2, 4], (x) => tf.nn.softmax(x));
  checkSecondOrder('softmax axis 0', [3, 2], (x) => tf.nn.softmax(x, { axis: 0 }));
  checkSecondOrder('log_softmax', [2, 4], (x) => tf.nn.log_softmax(x));
});

test('second order: cross-entropies through their backprop output (dense v2 and sparse)', () => {
  const labels = () => tf.constant(DIST);
  checkSecondOrder('xent v2', [2, 3], (x) => tf.nn.softmax_cross_entropy_with_logits_v2({ labels: labels(), logits: x }));
  checkSecondOrder('sparse xent', [2, 3], (x) =>
    tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: tf.constant([2, 0], { dtype: 'int32' }), logits: x }));
});

test('second order: sigmoid, softplus, softsign, elu, l2_loss', () => {
  const away = [-1.2, -0.7, -0.3, 0.4, 0.8, 1.5];
  checkSecondOrder('sigmoid', [2, 3], (x) => tf.nn.sigmoid(x));
  checkSecondOrder('softplus', [2, 3], (x) => tf.nn.softplus(x));
  checkSecondOrder('softsign', [2, 3], (x) => tf.nn.softsign(x), away);
  checkSecondOrder('elu', [2, 3], (x) => tf.nn.elu(x), away);
  checkSecondOrder('l2_loss', [2, 3], (x) => tf.multiply(tf.nn.l2_loss(x), tf.nn.l2_loss(x)));
});

test.run();
