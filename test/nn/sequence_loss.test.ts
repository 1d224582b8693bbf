// tf.contrib.seq2seq.sequence_loss against the reference's check values and its flag combinations.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const ce = (l0: number, l1: number, target: number) => Math.log(Math.exp(l0) + Math.exp(l1)) - (target ? l1 : l0);

for (const backend of TEST_BACKENDS) {
  test(`check values of the reference (default flags) [${backend}]`, () => fresh(() => {
    const ones = [[1, 1, 1]];
    const cases: [number[][], number][] = [
      [[[0.2, 0.7], [0.6, 0.2], [0.2, 0.9]], 0.596759],
      [[[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]], 0.513015],
      [[[0.1, 0.9], [0.1, 0.9], [0.1, 0.9]], 0.371101],
    ];
    for (const [logits, expected] of cases) {
      const loss = tf.contrib.seq2seq.sequence_loss(tf.constant([logits]), tf.constant([[1, 1, 1]], { dtype: 'int32' }), tf.constant(ones));
      assertClose(run(loss, undefined, backend), expected, 1e-5);
    }
  }));
}

test('weights: weighted mean over all, per-step and per-row averages, sums over non-zero weights', () => fresh(() => {
  const logits = [[[0.2, 0.7], [0.6, 0.2]], [[0.1, 0.9], [0.5, 0.5]]];
  const targets = [[1, 0], [1, 1]];
  const w = [[1, 0], [2, 1]];
  const c = logits.map((row, b) => row.map(([l0, l1], t) => ce(l0, l1, targets[b][t]) * w[b][t]));
  const L = () => tf.constant(logits);
  const T = () => tf.constant(targets, { dtype: 'int32' });
  const W = () => tf.constant(w);
  const s = tf.contrib.seq2seq.sequence_loss;
  const all = s(L(), T(), W());
  const perStep = s(L(), T(), W(), { average_across_timesteps: false });
  const perRow = s(L(), T(), W(), { average_across_batch: false });
  const none = s(L(), T(), W(), { average_across_timesteps: false, average_across_batch: false });
  const sums = s(L(), T(), W(), { average_across_timesteps: false, average_across_batch: false, sum_over_timesteps: true, sum_over_batch: true });
  const [a, ps, pr, n, su] = run([all, perStep, perRow, none, sums]);
  assertClose(a, (c[0][0] + c[0][1] + c[1][0] + c[1][1]) / 4);
  assertClose(ps, [(c[0][0] + c[1][0]) / 3, (c[0][1] + c[1][1]) / 1]);
  assertClose(pr, [(c[0][0] + c[0][1]) / 1, (c[1][0] + c[1][1]) / 3]);
  assertClose(n, c);
  assertClose(su, (c[0][0] + c[0][1] + c[1][0] + c[1][1]) / 3);
}));

test('all-zero weights give 0, not NaN (div_no_nan)', () => fresh(() => {
  const loss = tf.contrib.seq2seq.sequence_loss(tf.constant([[[0.2, 0.7]]]), tf.constant([[1]], { dtype: 'int32' }), tf.constant([[0]]));
  assertClose(run(loss), 0);
}));

test('errors: logits rank, both average and sum', () => fresh(() => {
  assertThrows(() => tf.contrib.seq2seq.sequence_loss(tf.constant([[0.2, 0.7]]), tf.constant([[1]], { dtype: 'int32' }), tf.constant([[1]])),
    'Logits must be a [batch_size x sequence_length x logits] tensor');
  assertThrows(() => tf.contrib.seq2seq.sequence_loss(tf.constant([[[0.2, 0.7]]]), tf.constant([[1]], { dtype: 'int32' }), tf.constant([[1]]),
    { sum_over_timesteps: true }), 'cannot be set to True at same time');
}));

test('is differentiable w.r.t. logits', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [1, 2, 2]);
  const loss = tf.contrib.seq2seq.sequence_loss(x, tf.constant([[1, 0]], { dtype: 'int32' }), tf.constant([[1, 1]]));
  const [g] = tf.gradients(loss, [x]);
  // d/dlogits of mean CE = (softmax - onehot) / 2 per step.
  const sm = (a: number, b: number) => [Math.exp(a) / (Math.exp(a) + Math.exp(b)), Math.exp(b) / (Math.exp(a) + Math.exp(b))];
  const s0 = sm(0, 1);
  const s1 = sm(1, 0);
  assertClose(run(g, [[x, [[[0, 1], [1, 0]]]]]), [[[s0[0] / 2, (s0[1] - 1) / 2], [(s1[0] - 1) / 2, s1[1] / 2]]]);
}));

test.run();
