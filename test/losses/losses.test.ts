// tf.losses: each loss by hand with and without weights, the reductions (SUM_BY_NONZERO_WEIGHTS default), LOSSES, errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const lse = (xs: number[]) => Math.log(xs.reduce((a, x) => a + Math.exp(x), 0));
const xent = (labels: number[], logits: number[]) => labels.reduce((a, l, c) => a + l * (lse(logits) - logits[c]), 0);
const LOGITS = [[1, 2, 3], [1, 1, 1]];
const ce0 = lse([1, 2, 3]) - 3;
const ce1 = Math.log(3);
const softplus = (x: number) => Math.log(1 + Math.exp(x));

for (const backend of TEST_BACKENDS) {
  test(`mean_squared_error: mean, weighted (sum / non-zero weights), scalar weights, all-zero weights [${backend}]`, () => fresh(() => {
    const labels = tf.constant([[1], [2], [3]]);
    const preds = tf.constant([[1], [2], [5]]);
    const mse = tf.losses.mean_squared_error;
    const got = run([
      mse(labels, preds),
      mse(labels, preds, { weights: [[1], [0], [2]] }),
      mse(labels, preds, 2.0),
      mse(labels, preds, { weights: 0 }),
      mse(labels, preds, tf.constant([[0], [0], [0]])),
    ], undefined, backend);
    assertClose(got, [4 / 3, 8 / 2, 8 / 3, 0, 0]);
  }));

  test(`softmax_cross_entropy and sparse_softmax_cross_entropy, with weights and label smoothing [${backend}]`, () => fresh(() => {
    const onehot = tf.constant([[0, 0, 1], [1, 0, 0]]);
    const logits = tf.constant(LOGITS);
    const smooth = [[0.1, 0.1, 0.8], [0.8, 0.1, 0.1]];
    const got = run([
      tf.losses.softmax_cross_entropy(onehot, logits),
      tf.losses.softmax_cross_entropy(onehot, logits, { weights: [1, 3] }),
      tf.losses.softmax_cross_entropy(onehot, logits, { label_smoothing: 0.3 }),
      tf.losses.sparse_softmax_cross_entropy([2, 0], logits),
      tf.losses.sparse_softmax_cross_entropy(tf.constant([[2], [0]], { dtype: 'int32' }), logits, tf.constant([[1], [3]])),
      tf.losses.sparse_softmax_cross_entropy([2, 0], logits, { weights: [0, 5] }),
    ], undefined, backend);
    assertClose(got, [(ce0 + ce1) / 2, (ce0 + 3 * ce1) / 2, (xent(smooth[0], LOGITS[0]) + xent(smooth[1], LOGITS[1])) / 2,
      (ce0 + ce1) / 2, (ce0 + 3 * ce1) / 2, 5 * ce1], 1e-5);
  }));

  test(`absolute_difference, sigmoid_cross_entropy, log_loss, huber_loss, hinge_loss [${backend}]`, () => fresh(() => {
    const got = run([
      tf.losses.absolute_difference([1, 2, 3], [2, 2, 1]),
      tf.losses.absolute_difference([1, 2, 3], [2, 2, 1], [1, 1, 0]),
      tf.losses.sigmoid_cross_entropy([1, 0], [1, -2]),
      tf.losses.sigmoid_cross_entropy([1, 0], [1, -2], { label_smoothing: 0.2 }),
      tf.losses.log_loss([1, 0], [0.8, 0.3]),
      tf.losses.huber_loss([0, 0, 0], [0.5, 2, -3]),
      tf.losses.hinge_loss([1, 0], [0.3, -2]),
    ], undefined, backend);
    const sce = (x: number, z: number) => Math.max(x, 0) - x * z + Math.log(1 + Math.exp(-Math.abs(x)));
    assertClose(got, [1, 0.5, (softplus(-1) + softplus(-2)) / 2, (sce(1, 0.9) + sce(-2, 0.1)) / 2,
      -(Math.log(0.8 + 1e-7) + Math.log(0.7 + 1e-7)) / 2, (0.125 + 1.5 + 2.5) / 3, 0.35], 1e-5);
  }));
}

test('reductions: NONE, SUM, MEAN, SUM_OVER_BATCH_SIZE, SUM_BY_NONZERO_WEIGHTS; weights broadcast before counting', () => fresh(() => {
  const R = tf.losses.Reduction;
  assert.is(R.SUM_OVER_NONZERO_WEIGHTS, R.SUM_BY_NONZERO_WEIGHTS);
  const labels = tf.constant([[1], [2], [3]]);
  const preds = tf.constant([[1], [2], [5]]);
  const w = [[1], [0], [2]];
  const mse = (reduction: string) => tf.losses.mean_squared_error(labels, preds, { weights: w, reduction });
  const [none, sum, mean, batch, nonzero] = run([mse(R.NONE), mse(R.SUM), mse(R.MEAN), mse(R.SUM_OVER_BATCH_SIZE), mse(R.SUM_BY_NONZERO_WEIGHTS)]);
  assertClose(none, [[0], [0], [8]]);
  assertClose([sum, mean, batch, nonzero], [8, 8 / 3, 8 / 3, 4]);
  // [3, 1] weights against [3, 2] losses: two non-zero rows count as four elements.
  const wide = tf.losses.absolute_difference(tf.zeros([3, 2]), tf.constant([[1, 2], [3, 4], [5, 6]]), { weights: [[1], [0], [1]] });
  assertClose(run(wide), (1 + 2 + 5 + 6) / 4);
}));

test('each loss goes to GraphKeys.LOSSES; get_losses, get_total_loss (with regularization losses), loss_collection', () => fresh(() => {
  const a = tf.losses.mean_squared_error([1, 2], [1, 4]);
  const b = tf.losses.absolute_difference([1, 2], [1, 4], { scope: 'abs' });
  tf.losses.mean_squared_error([1], [3], { loss_collection: null });
  assert.equal(tf.losses.get_losses(), [a, b]);
  assert.equal(tf.get_collection(tf.GraphKeys.LOSSES), [a, b]);
  assert.equal(tf.losses.get_losses('abs'), [b]);
  assert.is(a.name, 'mean_squared_error/value:0');
  const v = tf.get_variable('v', [2], { initializer: tf.constant_initializer([1, 2]), regularizer: (x: tf.Tensor) => tf.reduce_sum(x) });
  assert.ok(v);
  const total = tf.losses.get_total_loss();
  const noReg = tf.losses.get_total_loss({ add_regularization_losses: false, name: 'data_loss' });
  assert.is(total.name, 'total_loss:0');
  assertClose(run([total, noReg, tf.losses.get_regularization_loss()]), [2 + 1 + 3, 2 + 1, 3]);
}));

test('errors: invalid reduction, weights that do not broadcast, incompatible shapes, missing labels, no losses', () => fresh(() => {
  assertThrows(() => tf.losses.mean_squared_error([1, 2], [1, 2], { reduction: 'avg' }), 'ValueError: Invalid Reduction Key avg.');
  assertThrows(() => tf.losses.mean_squared_error([[1, 2]], [[1, 2]], { weights: [1, 2] }), 'weights can not be broadcast to values. values.rank=2. weights.rank=1.');
  assertThrows(() => tf.losses.mean_squared_error([1, 2, 3], [1, 2, 3], { weights: [1, 2] }), 'weights can not be broadcast to values. values.shape=(3,). weights.shape=(2,).');
  assertThrows(() => tf.losses.mean_squared_error([1, 2, 3], [1, 2]), 'Shapes (2,) and (3,) are incompatible');
  assertThrows(() => tf.losses.softmax_cross_entropy([[0, 1]], [[1, 2, 3]]), 'are incompatible');
  assertThrows(() => tf.losses.mean_squared_error(null, [1]), 'labels must not be None.');
  assertThrows(() => tf.losses.get_total_loss(), 'No losses found');
}));

test('gradient of the default MSE: 2 (p − l) w / count of non-zero weights', () => fresh(() => {
  const p = tf.constant([1, 2, 5]);
  const loss = tf.losses.mean_squared_error([1, 1, 1], p, [1, 0, 2]);
  const [g] = tf.gradients(loss, [p]);
  assertClose(run(g), [0, 0, (2 * 4 * 2) / 2]);
}));

test.run();
