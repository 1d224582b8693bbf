// The tf.nn namespace: TF1's op names and scopes, static shapes with unknown dims, values fed at run time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const c = (v: unknown, dtype?: string) => tf.constant(v, dtype ? { dtype } : {});
const names = () => tf.get_default_graph().get_operations().map((op) => op.name);

test('tf.nn exports the TF1 names; tf.sigmoid and tf.nn.tanh are the top-level builders', () => {
  for (const n of ['sigmoid', 'tanh', 'relu', 'relu6', 'elu', 'softplus', 'softsign', 'leaky_relu', 'softmax', 'log_softmax',
    'bias_add', 'softmax_cross_entropy_with_logits', 'softmax_cross_entropy_with_logits_v2',
    'sparse_softmax_cross_entropy_with_logits', 'sigmoid_cross_entropy_with_logits', 'l2_loss']) {
    assert.type((tf.nn as Record<string, unknown>)[n], 'function', `tf.nn.${n}`);
  }
  assert.is(tf.nn.sigmoid, tf.sigmoid);
  assert.is(tf.nn.tanh, tf.tanh);
  assert.type(tf.stop_gradient, 'function');
});

test('op names follow TF1 (scopes of bias_add, leaky_relu and the cross-entropy wrappers)', () => fresh(() => {
  const x = c([[0.2, 0.7]], undefined);
  tf.nn.relu(x);
  tf.nn.bias_add(x, [1, 2]);
  tf.nn.bias_add(x, [1, 2], { name: 'b' });
  tf.nn.leaky_relu(x);
  tf.nn.softmax(x);
  tf.nn.log_softmax(x, { name: 'ls' });
  tf.nn.softmax_cross_entropy_with_logits({ labels: c([[0, 1]]), logits: x });
  tf.nn.softmax_cross_entropy_with_logits_v2({ labels: c([[0, 1]]), logits: x });
  tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: c([1], 'int32'), logits: x });
  tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: c([1], 'int32'), logits: x, name: 'xent' });
  tf.nn.l2_loss(x);
  tf.stop_gradient(x);
  const n = names();
  for (const want of ['Relu', 'BiasAdd/bias', 'BiasAdd', 'b/bias', 'b', 'LeakyRelu', 'Softmax', 'ls',
    'softmax_cross_entropy_with_logits_sg/labels_stop_gradient', 'softmax_cross_entropy_with_logits_sg',
    'softmax_cross_entropy_with_logits', 'SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits',
    'xent/xent', 'L2Loss', 'StopGradient']) {
    assert.ok(n.includes(want), `no op named ${want} in ${n.join(', ')}`);
  }
}));

test('static shapes with an unknown batch: cross-entropy outputs and softmax', () => fresh(() => {
  const logits = tf.placeholder(tf.float32, [null, 3]);
  const labels = tf.placeholder(tf.int32, [null]);
  const sparse = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels, logits });
  assert.equal(sparse.shape.as_list(), [null]);
  assert.equal(sparse.op.outputs[1].shape.as_list(), [null, 3]);
  const dense = tf.nn.softmax_cross_entropy_with_logits_v2({ labels: tf.placeholder(tf.float32, [4, null]), logits });
  assert.equal(dense.shape.as_list(), [4]);
  assert.equal(dense.op.outputs[1].shape.as_list(), [4, 3]);
  const axis0 = tf.nn.softmax_cross_entropy_with_logits_v2({ labels: tf.placeholder(tf.float32, [2, 3]), logits, axis: 0 });
  assert.equal(axis0.shape.as_list(), [3]);
  assert.equal(tf.nn.softmax(logits).shape.as_list(), [null, 3]);
  assert.equal(tf.nn.bias_add(tf.placeholder(tf.float32, [null, null]), c([1, 2, 3])).shape.as_list(), [null, 3]);
  assert.equal(tf.nn.l2_loss(logits).shape.as_list(), []);
  assert.is(tf.nn.softmax(tf.placeholder(tf.float32)).shape.ndims, null);
}));

for (const backend of TEST_BACKENDS) {
  test(`cross-entropy by hand: logits [[0.2,0.7],[0.6,0.2]], one-hot labels, fed [${backend}]`, () => fresh(() => {
    // row 1: logsumexp(0.2, 0.7) = 0.7 + ln(1 + e^−0.5) = 1.1740770 → −log p(class 1) = 0.4740770
    // row 2: logsumexp(0.6, 0.2) = 0.6 + ln(1 + e^−0.4) = 1.1130153 → −log p(class 0) = 0.5130153
    const logits = tf.placeholder(tf.float32, [null, 2]);
    const onehot = tf.placeholder(tf.float32, [null, 2]);
    const ids = tf.placeholder(tf.int64, [null]);
    const v1 = tf.nn.softmax_cross_entropy_with_logits({ labels: onehot, logits });
    const v2 = tf.nn.softmax_cross_entropy_with_logits_v2({ labels: onehot, logits });
    const sp = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: ids, logits });
    const feed = [[logits, [[0.2, 0.7], [0.6, 0.2]]], [onehot, [[0, 1], [1, 0]]], [ids, [1, 0]]];
    const [a, b, s] = run([v1, v2, sp], feed, backend);
    for (const got of [a, b, s]) assertClose(got, [0.4740770, 0.5130153], 1e-5);
  }));

  test(`large logits (1000) give finite values everywhere [${backend}]`, () => fresh(() => {
    const x = c([[1000, -1000, 0], [1000, 1000, 999]]);
    const outs = [
      tf.nn.softmax(x), tf.nn.log_softmax(x), tf.nn.softplus(x), tf.sigmoid(x),
      tf.nn.softmax_cross_entropy_with_logits_v2({ labels: c([[0, 1, 0], [0, 0, 1]]), logits: x }),
      tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: c([1, 2], 'int32'), logits: x }),
    ];
    const got = run(outs, undefined, backend) as { data: Float32Array }[];
    for (const [i, g] of got.entries()) {
      for (const v of g.data) assert.ok(Number.isFinite(v), `output ${i} (${outs[i].op.type}) has ${v}`);
    }
    // softmax row 2: [1000, 1000, 999] → e^0, e^0, e^−1 over 2 + e^−1
    const z = 2 + Math.exp(-1);
    assertClose(got[0], [[1, 0, 0], [1 / z, 1 / z, Math.exp(-1) / z]], 1e-5);
    assertClose(got[4], [2000, Math.log(z) + 1], 1e-4);
    assertClose(got[5], [2000, Math.log(z) + 1], 1e-4);
  }));
}

test('sparse labels out of range are checked on every run, not only the first', () => fresh(() => {
  const ids = tf.placeholder(tf.int32, [2]);
  const loss = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: ids, logits: c([[0.2, 0.7], [0.6, 0.2]]) });
  const sess = new tf.Session();
  try {
    assertClose(sess.run(loss, { feed_dict: [[ids, [1, 0]]] }), [0.4740770, 0.5130153]);
    assert.throws(() => sess.run(loss, { feed_dict: [[ids, [2, 0]]] }), /Received a label value of 2/);
    assertClose(sess.run(loss, { feed_dict: [[ids, [0, 1]]] }), [0.9740770, 0.9130153]);
  } finally {
    sess.close();
  }
}));

for (const backend of TEST_BACKENDS) {
  test(`sigmoid_cross_entropy_with_logits: values, stable at ±1000 [${backend}]`, () => fresh(() => {
    // max(x,0) − x·z + ln(1 + e^−|x|): x=−2,z=1 → 2 + 0.1269280; x=0,z=.5 → ln 2; x=3,z=0 → 3 + 0.0485874
    const loss = tf.nn.sigmoid_cross_entropy_with_logits({ labels: c([[1, 0.5, 0], [1, 0, 0]]), logits: c([[-2, 0, 3], [1000, -1000, 1000]]) });
    assert.equal(loss.shape.as_list(), [2, 3]);
    assertClose(run(loss, undefined, backend), [[2.1269280, 0.6931472, 3.0485874], [0, 0, 1000]], 1e-5);
  }));
}

test('sigmoid_cross_entropy_with_logits: built from primitives in scope logistic_loss, as TF1 does', () => fresh(() => {
  const loss = tf.nn.sigmoid_cross_entropy_with_logits({ labels: tf.placeholder(tf.float32, [null, 2]), logits: tf.placeholder(tf.float32, [null, 2]) });
  assert.is(loss.name, 'logistic_loss:0');
  assert.equal(loss.shape.as_list(), [null, 2]);
  const scoped = names().filter((n) => n.startsWith('logistic_loss'));
  assert.equal(scoped, ['logistic_loss/zeros_like', 'logistic_loss/GreaterEqual', 'logistic_loss/Select', 'logistic_loss/Neg',
    'logistic_loss/Select_1', 'logistic_loss/mul', 'logistic_loss/sub', 'logistic_loss/Exp', 'logistic_loss/Log1p', 'logistic_loss']);
  const again = tf.nn.sigmoid_cross_entropy_with_logits({ labels: c([1]), logits: c([0]), name: 'bce' });
  assert.is(again.name, 'bce:0');
}));

test('leaky_relu casts integer features to float32 (TF1) inside its scope', () => fresh(() => {
  const y = tf.nn.leaky_relu(c([-5, 2], 'int32'));
  assert.is(y.dtype, 'float32');
  assert.ok(names().includes('LeakyRelu/Cast'));
  assertClose(run(y), [-1, 2]);
}));

test.run();
