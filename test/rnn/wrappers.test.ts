// Wrapper values (projections, residual, dropout) and gradients through static_rnn with sequence_length.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { rnn_cell, static_rnn } from '../../src/api/rnn.ts';
import { arr, assertClose, fresh, runAll, TEST_BACKENDS } from '../helpers.ts';
import * as R from './ref.ts';

const { BasicRNNCell, BasicLSTMCell, GRUCell, MultiRNNCell, OutputProjectionWrapper, InputProjectionWrapper,
  DropoutWrapper, ResidualWrapper } = rnn_cell;
const B = 2;
const D = 3;
const x0 = R.rand(B, D, 21);

const byName = (n: string) => tf.global_variables().find((v) => v.op.name === n)!;

for (const backend of TEST_BACKENDS) {
  test(`Output/InputProjectionWrapper and ResidualWrapper values [${backend}]`, () => fresh(() => {
    const inner = new BasicRNNCell(4);
    const out = new OutputProjectionWrapper(inner, 2, { activation: tf.sigmoid });
    const [o, s] = out.apply(tf.constant(x0), out.zero_state(B, tf.float32));
    const [W, b, K, kb, O, S] = runAll([inner._kernel, inner._bias, byName('output_projection_wrapper/kernel'),
      byName('output_projection_wrapper/bias'), o, s], backend).map(arr);
    const h = R.basicRnn(x0, R.zerosM(B, 4), W, b);
    assertClose(S, h, 1e-5);
    assertClose(O, R.map(R.affine(h, K, kb), R.sig), 1e-5);

    const gru = new GRUCell(3);
    const inp = new InputProjectionWrapper(gru, 5);
    const [o2] = inp.apply(tf.constant(x0), inp.zero_state(B, tf.float32));
    const [P, pb, Wg, bg, Wc, bc, O2] = runAll([byName('input_projection_wrapper/kernel'), byName('input_projection_wrapper/bias'),
      gru._gate_kernel, gru._gate_bias, gru._candidate_kernel, gru._candidate_bias, o2], backend).map(arr);
    assertClose(O2, R.gru(R.affine(x0, P, pb), R.zerosM(B, 3), Wg, bg, Wc, bc, 3), 1e-5);

    const rcell = new BasicRNNCell(D);
    const res = new ResidualWrapper(rcell);
    const [o3] = res.apply(tf.constant(x0), res.zero_state(B, tf.float32));
    const [W3, b3, O3] = runAll([rcell._kernel, rcell._bias, o3], backend).map(arr);
    assertClose(O3, R.add(x0, R.basicRnn(x0, R.zerosM(B, D), W3, b3)), 1e-5);
  }));

  test(`DropoutWrapper: keep 1 fed → identity; keep 0.5 → zeros or doubled values; c untouched [${backend}]`, () => fresh(() => {
    const keep = tf.placeholder_with_default(tf.constant(1.0), []);
    const lstm = new BasicLSTMCell(50);
    const cell = new DropoutWrapper(lstm, { output_keep_prob: keep, state_keep_prob: keep });
    const X = tf.constant(R.rand(B, D, 22));
    const [o, s] = cell.apply(X, cell.zero_state(B, tf.float32));
    const [o0, s0] = lstm.apply(X, lstm.zero_state(B, tf.float32));
    const [O1, S1, O0, S0] = runAll([o, s, o0, s0], backend);
    assertClose(O1, arr(O0), 1e-6);
    assertClose(S1.h, arr(S0.h), 1e-6);
    const [Oh, Sh, Oref, Sref] = runAll([o, s, o0, s0], backend, [[keep, 0.5]]);
    const got = (arr(Oh) as number[][]).flat();
    const ref = (arr(Oref) as number[][]).flat();
    let dropped = 0;
    got.forEach((g, i) => {
      if (g === 0) dropped++;
      else assertClose(g, ref[i] * 2, 1e-5);
    });
    assert.ok(dropped > 10 && dropped < 90, `dropped ${dropped} of 100`);
    assertClose(Sh.c, arr(Sref.c), 1e-6);
    assert.ok((arr(Sh.h) as number[][]).flat().some((v) => v === 0));
  }));
}

test('gradients flow through static_rnn with sequence_length and a MultiRNNCell; training lowers the loss', () => fresh(() => {
  tf.set_random_seed(3);
  const T = 5;
  const X = tf.placeholder(tf.float32, [4, T, 2]);
  const Y = tf.placeholder(tf.float32, [4, 1]);
  const cell = new MultiRNNCell([new GRUCell(6), new BasicLSTMCell(6)]);
  const [, state] = static_rnn(cell, tf.unstack(X, { axis: 1 }), { dtype: tf.float32, sequence_length: [5, 3, 2, 4] });
  const W = tf.get_variable('W', [6, 1]);
  const pred = tf.matmul(state[1].h, W);
  const loss = tf.reduce_mean(tf.square(tf.subtract(pred, Y)));
  const grads = tf.gradients(loss, tf.trainable_variables());
  assert.ok(grads.every((g: unknown) => g !== null));
  const train = new tf.train.AdamOptimizer(0.05).minimize(loss);
  // Target: the sum of the first input feature over each row's valid steps.
  const xv = [0, 1, 2, 3].map((b) => R.rand(T, 2, 40 + b));
  const lens = [5, 3, 2, 4];
  const yv = xv.map((r, b) => [r.slice(0, lens[b]).reduce((s, v) => s + v[0], 0) / 3]);
  const sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const feed = { feed_dict: [[X, xv], [Y, yv]] };
  const first = sess.run(loss, feed) as number;
  let last = first;
  for (let i = 0; i < 150; i++) [last] = sess.run([loss, train], feed);
  sess.close();
  assert.ok(last < first * 0.2, `loss ${first} → ${last}`);
}));

test.run();
