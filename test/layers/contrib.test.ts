// tf.contrib.layers.fully_connected (ReLU default, weights/biases, scopes, reuse) and xavier_initializer.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { contrib_layers } from '../../src/api/layers.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const { fully_connected, xavier_initializer, l2_regularizer } = contrib_layers;
const W = () => tf.constant_initializer([[1, 0, 1], [0, 1, 1]]);
const Bz = () => tf.constant_initializer([0.5, -1, 0]);
const names = () => tf.global_variables().map((v) => v.name);

for (const backend of TEST_BACKENDS) {
  test(`ReLU by default; activation_fn: null is linear [${backend}]`, () => fresh(() => {
    const x = tf.constant([[1, 2], [-3, 4]]);
    const relu = fully_connected(x, 3, { weights_initializer: W(), biases_initializer: Bz() });
    const lin = fully_connected(x, 3, { weights_initializer: W(), biases_initializer: Bz(), activation_fn: null });
    const [r, l] = run([relu, lin], undefined, backend);
    assertClose(r, [[1.5, 1, 3], [0, 3, 1]]);
    assertClose(l, [[1.5, 1, 3], [-2.5, 3, 1]]);
  }));
}

test('variables <scope>/weights and <scope>/biases in fully_connected, fully_connected_1; ops in that scope', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 4]);
  const h = fully_connected(x, 5);
  const y = fully_connected(h, 2, { activation_fn: tf.nn.sigmoid });
  assert.equal(names(), ['fully_connected/weights:0', 'fully_connected/biases:0', 'fully_connected_1/weights:0', 'fully_connected_1/biases:0']);
  assert.equal(tf.global_variables().map((v) => v.shape.as_list()), [[4, 5], [5], [5, 2], [2]]);
  assert.is(h.name, 'fully_connected/Relu:0');
  assert.is(y.name, 'fully_connected_1/Sigmoid:0');
  const ops = tf.get_default_graph().get_operations().map((o) => o.name);
  assert.ok(ops.includes('fully_connected/MatMul') && ops.includes('fully_connected/BiasAdd'), ops.join(' '));
  const b = run(tf.global_variables()[1]);
  assertClose(b, [0, 0, 0, 0, 0]);
}));

test('scope + reuse shares the variables; the same scope without reuse is an error', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2]);
  const a = fully_connected(x, 3, { scope: 'fc', weights_initializer: W(), biases_initializer: Bz() });
  assertThrows(() => fully_connected(x, 3, { scope: 'fc' }), 'Variable fc/weights already exists, disallowed');
  const b = fully_connected(x, 3, { scope: 'fc', reuse: true });
  assertThrows(() => fully_connected(x, 3, { reuse: true }), 'reuse=True cannot be used without a name_or_scope');
  assert.equal(names(), ['fc/weights:0', 'fc/biases:0']);
  const [va, vb] = run([a, b], [[x, [[1, -2]]]]);
  assertClose(vb, va.toArray());
  assertClose(va, [[1.5, 0, 0]]);
}));

test('biases_initializer: null creates no bias; num_outputs must be an integer', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2]);
  fully_connected(x, 3, { biases_initializer: null });
  assert.equal(names(), ['fully_connected/weights:0']);
  assertThrows(() => fully_connected(x, 2.5), 'ValueError: num_outputs should be int or long, got 2.5.');
  assertThrows(() => fully_connected(x, '3' as unknown as number), 'num_outputs should be int or long');
}));

test('xavier_initializer: uniform within sqrt(6/(fan_in+fan_out)); normal within 2σ, σ = sqrt(1.3·2/(in+out))', () => fresh(() => {
  const u = tf.get_variable('u', [40, 60], { initializer: xavier_initializer() });
  const n = tf.get_variable('n', [40, 60], { initializer: xavier_initializer({ uniform: false }) });
  const [uv, nv] = run([u, n]);
  const uf = uv.toArray().flat() as number[];
  const nf = nv.toArray().flat() as number[];
  const L = Math.sqrt(6 / 100);
  assert.ok(uf.every((v) => Math.abs(v) <= L) && Math.max(...uf) > 0.9 * L);
  const sigma = Math.sqrt(1.3 * 2 / 100);
  assert.ok(nf.every((v) => Math.abs(v) < 2 * sigma));
  const std = Math.sqrt(nf.reduce((a, v) => a + v * v, 0) / nf.length);
  assert.ok(Math.abs(std - 0.88 * sigma) < 0.1 * sigma, `std ${std}`);
}));

test('weights_regularizer: l2_regularizer(scale) adds scale·Σw²/2 to REGULARIZATION_LOSSES and to get_total_loss', () => fresh(() => {
  const x = tf.constant([[1, 2]]);
  fully_connected(x, 3, { weights_initializer: W(), weights_regularizer: l2_regularizer(0.1) });
  fully_connected(x, 3, { weights_regularizer: l2_regularizer(0) });
  const regs = tf.losses.get_regularization_losses();
  assert.is(regs.length, 1);
  assert.is(regs[0].name, 'fully_connected/weights/Regularizer/l2_regularizer:0');
  assertClose(run(tf.losses.get_total_loss()), 0.1 * 4 / 2);
  assertThrows(() => l2_regularizer(-1), 'Setting a scale less than 0 on a regularizer');
}));

for (const backend of TEST_BACKENDS) {
  test(`gradients flow through fully_connected: GradientDescent lowers an MSE loss [${backend}]`, () => fresh(() => {
    tf.set_random_seed(5);
    const x = tf.placeholder(tf.float32, [null, 2]);
    const y = tf.placeholder(tf.float32, [null, 1]);
    const out = fully_connected(fully_connected(x, 8), 1, { activation_fn: null });
    const loss = tf.losses.mean_squared_error(y, out);
    const train = new tf.train.GradientDescentOptimizer(0.05).minimize(loss);
    const feed = { feed_dict: [[x, [[0, 0], [0, 1], [1, 0], [1, 1]]], [y, [[1], [2], [2], [3]]]] };
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
