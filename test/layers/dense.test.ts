// tf.layers.dense / tf.layers.Dense: values by hand, variable names and default-name numbering, reuse, rank-3 inputs, training.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const K = [[1, 0, 1], [0, 1, 1]];
const B = [0.5, -1, 0];
const kinit = () => tf.constant_initializer(K);
const binit = () => tf.constant_initializer(B);
const names = () => tf.global_variables().map((v) => v.name);

for (const backend of TEST_BACKENDS) {
  test(`dense computes x·kernel + bias, linear by default; activation applies [${backend}]`, () => fresh(() => {
    const x = tf.constant([[1, 2], [-3, 4]]);
    const lin = tf.layers.dense(x, 3, { kernel_initializer: kinit(), bias_initializer: binit() });
    const act = tf.layers.dense(x, 3, { kernel_initializer: kinit(), bias_initializer: binit(), activation: tf.nn.relu });
    const [l, a] = run([lin, act], undefined, backend);
    assertClose(l, [[1.5, 1, 3], [-2.5, 3, 1]]);
    assertClose(a, [[1.5, 1, 3], [0, 3, 1]]);
  }));

  test(`rank-3 inputs contract the last axis with the static shape kept [${backend}]`, () => fresh(() => {
    const x = tf.placeholder(tf.float32, [null, 2, 2]);
    const y = tf.layers.dense(x, 3, { kernel_initializer: kinit(), bias_initializer: binit() });
    assert.equal(y.shape.as_list(), [null, 2, 3]);
    const got = run(y, [[x, [[[1, 2], [-3, 4]], [[0, 0], [1, 1]]]]], backend);
    assertClose(got, [[[1.5, 1, 3], [-2.5, 3, 1]], [[0.5, -1, 0], [1.5, 0, 2]]]);
  }));
}

test('variables <scope>/kernel and <scope>/bias; scopes dense, dense_1 (unique within the variable scope)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 4]);
  const h = tf.layers.dense(x, 5);
  const y = tf.layers.dense(h, 2);
  tf.variable_scope('outer', () => tf.layers.dense(x, 3));
  assert.equal(names(), ['dense/kernel:0', 'dense/bias:0', 'dense_1/kernel:0', 'dense_1/bias:0', 'outer/dense/kernel:0', 'outer/dense/bias:0']);
  assert.equal(tf.global_variables().map((v) => v.shape.as_list()), [[4, 5], [5], [5, 2], [2], [4, 3], [3]]);
  assert.equal(tf.trainable_variables().length, 6);
  assert.is(h.name, 'dense/BiasAdd:0');
  assert.is(y.name, 'dense_1/BiasAdd:0');
  assert.equal(y.shape.as_list(), [null, 2]);
}));

test('a name is used as is; again without reuse is an error, with reuse: true the variables are shared', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2]);
  const a = tf.layers.dense(x, 3, { name: 'fc', kernel_initializer: kinit(), bias_initializer: binit() });
  assertThrows(() => tf.layers.dense(x, 3, { name: 'fc' }), 'Variable fc/kernel already exists, disallowed');
  const b = tf.layers.dense(x, 3, { name: 'fc', reuse: true });
  assert.equal(names(), ['fc/kernel:0', 'fc/bias:0']);
  assertThrows(() => tf.layers.dense(x, 4, { name: 'fc', reuse: true }), 'Trying to share variable fc/kernel, but specified shape (2, 4) and found shape (2, 3)');
  const [va, vb] = run([a, b], [[x, [[1, 2]]]]);
  assertClose(vb, va.toArray());
}));

test('re-entering a parent scope restarts the numbering: the second outer/dense already exists (TF1)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2]);
  tf.variable_scope('outer', () => tf.layers.dense(x, 3));
  assertThrows(() => tf.variable_scope('outer', () => tf.layers.dense(x, 3)), 'Variable outer/dense/kernel already exists');
  tf.variable_scope('outer', { reuse: true }, () => tf.layers.dense(x, 3));
  assert.is(tf.global_variables().length, 2);
}));

test('Dense object: variables on the first call, reused on later calls; ops stay in its name scope', () => fresh(() => {
  const layer = new tf.layers.Dense(3, { kernel_initializer: kinit(), bias_initializer: binit(), activation: tf.nn.relu });
  assert.not.ok(layer.built);
  const x1 = tf.constant([[1, 2]]);
  const x2 = tf.constant([[-3, 4]]);
  const y1 = layer.apply(x1);
  const y2 = layer.__call__(x2);
  assert.ok(layer.built);
  assert.is(layer.name, 'dense');
  assert.equal(names(), ['dense/kernel:0', 'dense/bias:0']);
  assert.is(layer.kernel!.name, 'dense/kernel:0');
  assert.equal(layer.variables.map((v) => v.name), ['dense/kernel:0', 'dense/bias:0']);
  assert.is(y1.name, 'dense/Relu:0');
  assert.is(y2.name, 'dense/Relu_1:0');
  const [a, b] = run([y1, y2]);
  assertClose(a, [[1.5, 1, 3]]);
  assertClose(b, [[0, 3, 1]]);
  const second = new tf.layers.Dense(2);
  second.apply(y1);
  assert.is(second.name, 'dense_1');
}));

test('use_bias: false, trainable: false, the default kernel initializer (glorot uniform)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 30]);
  tf.layers.dense(x, 20, { use_bias: false, trainable: false, name: 'frozen' });
  assert.equal(names(), ['frozen/kernel:0']);
  assert.is(tf.trainable_variables().length, 0);
  const k = run(tf.global_variables()[0]).toArray().flat() as number[];
  const limit = Math.sqrt(6 / 50);
  assert.ok(k.every((v) => Math.abs(v) <= limit), 'inside ±sqrt(6/(in+out))');
  assert.ok(Math.max(...k.map(Math.abs)) > 0.8 * limit, 'spread over the range');
}));

test('errors: unknown last dimension, rank-1 inputs', () => fresh(() => {
  assertThrows(() => tf.layers.dense(tf.placeholder(tf.float32, [null, null]), 2), 'The last dimension of the inputs to `Dense` should be defined. Found `None`.');
  assertThrows(() => tf.layers.dense(tf.constant([1, 2, 3]), 2), 'expected min_ndim=2, found ndim=1');
}));

for (const backend of TEST_BACKENDS) {
  test(`gradients flow through dense: GradientDescent lowers an MSE loss [${backend}]`, () => fresh(() => {
    tf.set_random_seed(3);
    const x = tf.placeholder(tf.float32, [null, 2]);
    const y = tf.placeholder(tf.float32, [null, 1]);
    const h = tf.layers.dense(x, 8, { activation: tf.nn.tanh });
    const out = tf.layers.dense(h, 1);
    const loss = tf.losses.mean_squared_error(y, out);
    const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
    const feed = { feed_dict: [[x, [[0, 0], [0, 1], [1, 0], [1, 1]]], [y, [[0], [1], [1], [2]]]] };
    const s = new tf.Session({ backend });
    try {
      s.run(tf.global_variables_initializer());
      const l0 = s.run(loss, feed) as number;
      for (let i = 0; i < 50; i++) s.run(train, feed);
      const l1 = s.run(loss, feed) as number;
      assert.ok(l1 < l0 * 0.5, `loss ${l0} -> ${l1}`);
    } finally {
      s.close();
    }
  }));
}

test.run();
