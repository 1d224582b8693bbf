// static_rnn against the step formula, sequence_length semantics, LSTMStateTuple fetch/feed, bidirectional, training.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { rnn_cell, static_rnn, static_bidirectional_rnn } from '../../src/api/rnn.ts';
import { arr, assertClose, assertThrows, fresh, runAll, TEST_BACKENDS } from '../helpers.ts';
import * as R from './ref.ts';

const { BasicRNNCell, BasicLSTMCell, GRUCell, LSTMStateTuple } = rnn_cell;
const B = 3;
const D = 2;
const N = 4;
const T = 4;
const xs = [0, 1, 2, 3].map((t) => R.rand(B, D, 10 + t));
const lengths = [4, 2, 0];

/** Row-wise choice: rows with keep[b] take a, the rest b. */
const pick = (keep: boolean[], a: R.M, b: R.M): R.M => a.map((r, i) => (keep[i] ? r : b[i]));

for (const backend of TEST_BACKENDS) {
  test(`static_rnn(BasicLSTMCell) equals stepping the formula; final state = last step [${backend}]`, () => fresh(() => {
    const cell = new BasicLSTMCell(N);
    const [outs, state] = static_rnn(cell, xs.map((x) => tf.constant(x)), { dtype: tf.float32 });
    assert.is(outs.length, T);
    const [W, b, O, S] = runAll([cell._kernel, cell._bias, outs, state], backend);
    let c = R.zerosM(B, N);
    let h = R.zerosM(B, N);
    for (let t = 0; t < T; t++) {
      [c, h] = R.lstm(xs[t], c, h, arr(W), arr(b), N);
      assertClose(O[t], h, 1e-5, `t=${t}`);
    }
    assert.ok(S instanceof LSTMStateTuple);
    assertClose(S.c, c, 1e-5);
    assertClose(S.h, h, 1e-5);
  }));

  test(`sequence_length: zero outputs and frozen state past each row's length [${backend}]`, () => fresh(() => {
    const cell = new GRUCell(N);
    const h0 = R.rand(B, N, 30);
    const [outs, state] = static_rnn(cell, xs.map((x) => tf.constant(x)),
      { initial_state: tf.constant(h0), sequence_length: tf.constant(lengths) });
    const [Wg, bg, Wc, bc, O, S] = runAll([cell._gate_kernel, cell._gate_bias, cell._candidate_kernel, cell._candidate_bias,
      outs, state], backend).map(arr);
    let h = h0;
    for (let t = 0; t < T; t++) {
      const live = lengths.map((l) => t < l);
      const nh = R.gru(xs[t], h, Wg, bg, Wc, bc, N);
      assertClose(O[t], pick(live, nh, R.zerosM(B, N)), 1e-5, `t=${t}`);
      h = pick(live, nh, h);
    }
    assertClose(S, h, 1e-5);
    // A length-0 row keeps the initial state.
    assertClose(S[2], h0[2], 1e-6);
  }));

  test(`static_bidirectional_rnn: fw + reversed bw, concatenated on depth [${backend}]`, () => fresh(() => {
    const fw = new BasicRNNCell(N);
    const bw = new BasicRNNCell(N);
    const [outs, sf, sb] = static_bidirectional_rnn(fw, bw, xs.map((x) => tf.constant(x)),
      { dtype: tf.float32, sequence_length: [4, 3, 1] });
    assert.equal(tf.global_variables().map((v) => v.name), ['bidirectional_rnn/fw/basic_rnn_cell/kernel:0',
      'bidirectional_rnn/fw/basic_rnn_cell/bias:0', 'bidirectional_rnn/bw/basic_rnn_cell/kernel:0', 'bidirectional_rnn/bw/basic_rnn_cell/bias:0']);
    const [Wf, bfv, Wb, bbv, Ot, SF, SB] = runAll([fw._kernel, fw._bias, bw._kernel, bw._bias, outs, sf, sb], backend).map(arr);
    const O = Ot.map(arr);
    assert.equal(outs[0].shape.as_list(), [B, 2 * N]);
    const lens = [4, 3, 1];
    for (let r = 0; r < B; r++) {
      const row = (t: number) => [xs[t][r]];
      let h = [new Array(N).fill(0)];
      const f: number[][] = [];
      for (let t = 0; t < T; t++) {
        if (t < lens[r]) h = R.basicRnn(row(t), h, Wf, bfv);
        f.push(t < lens[r] ? h[0] : new Array(N).fill(0));
      }
      assertClose(SF[r], h[0], 1e-5);
      let hb = [new Array(N).fill(0)];
      const bo: number[][] = new Array(T).fill(null).map(() => new Array(N).fill(0));
      for (let t = lens[r] - 1; t >= 0; t--) {
        hb = R.basicRnn(row(t), hb, Wb, bbv);
        bo[t] = hb[0];
      }
      assertClose(SB[r], hb[0], 1e-5);
      for (let t = 0; t < T; t++) assertClose(O[t][r], [...f[t], ...bo[t]], 1e-5, `row ${r} t=${t}`);
    }
  }));
}

test('LSTMStateTuple: fields, indexing, destructuring; fetch gives a tuple; feed by tuple key with a tuple or [c, h]', () => fresh(() => {
  const c = tf.placeholder(tf.float32, [1, 2]);
  const h = tf.placeholder(tf.float32, [1, 2]);
  const s = new LSTMStateTuple(c, h);
  const [c2, h2] = s;
  assert.is(c2, c);
  assert.is(h2, h);
  assert.is(s[0], s.c);
  assert.is(s[1], s.h);
  assert.is(s.length, 2);
  const doubled = new LSTMStateTuple(c.mul(2), h.add(1));
  const sess = new tf.Session();
  try {
    const v1 = sess.run(doubled, { feed_dict: [[s, new LSTMStateTuple([[1, 2]], [[3, 4]])]] });
    assert.ok(v1 instanceof LSTMStateTuple);
    assertClose(v1.c, [[2, 4]]);
    assertClose(v1.h, [[4, 5]]);
    const v2 = sess.run({ st: doubled, list: [doubled.c] }, { feed_dict: new Map([[s, [[[5, 6]], [[7, 8]]]]]) });
    assertClose(v2.st.c, [[10, 12]]);
    assertClose(v2.list[0], [[10, 12]]);
    // Feeding a fetched state back in (the truncated-BPTT pattern).
    const v3 = sess.run(doubled, { feed_dict: [[s, v1]] });
    assertClose(v3.c, [[4, 8]]);
  } finally {
    sess.close();
  }
}));

test('static_rnn errors: not a sequence, empty, no initial_state and no dtype, bad sequence_length', () => fresh(() => {
  const cell = new BasicRNNCell(2);
  const x = tf.placeholder(tf.float32, [2, 3]);
  assertThrows(() => static_rnn(cell, x as any, { dtype: tf.float32 }), 'inputs must be a sequence');
  assertThrows(() => static_rnn(cell, [], { dtype: tf.float32 }), 'inputs must not be empty');
  assertThrows(() => static_rnn(cell, [x]), 'If there is no initial_state, you must give a dtype.');
  assertThrows(() => static_rnn(cell, [x], { dtype: tf.float32, sequence_length: [[1, 2]] }), 'sequence_length must be a vector');
  assertThrows(() => static_rnn(cell, [tf.placeholder(tf.float32, [2, null])], { dtype: tf.float32, scope: 'u' }),
    'Input size (dimension 0 of inputs) must be accessible via shape inference');
}));

test('static_rnn with an unknown batch size: zero state sized at run time', () => fresh(() => {
  const X = tf.placeholder(tf.float32, [null, 2, D]);
  const cell = new BasicLSTMCell(N);
  const [outs, state] = static_rnn(cell, tf.unstack(X, { axis: 1 }), { dtype: tf.float32, sequence_length: tf.constant([2, 1]) });
  assert.equal(outs[0].shape.as_list(), [null, N]);
  const sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const [O, S] = sess.run([outs, state], { feed_dict: [[X, [[xs[0][0], xs[1][0]], [xs[0][1], xs[1][1]]]]] });
  sess.close();
  assert.equal(O[1].shape, [2, N]);
  assertClose(O[1].toArray()[1], [0, 0, 0, 0]);
  assertClose(S.h.toArray()[1], O[0].toArray()[1], 1e-6);
}));

test('hihello: static_rnn(BasicLSTMCell) + sequence_loss + Adam learns "ihello"', () => fresh(() => {
  tf.set_random_seed(7);
  const idx2char = ['h', 'i', 'e', 'l', 'o'];
  const xData = [[0, 1, 0, 2, 3, 3]];
  const yData = [[1, 0, 2, 3, 3, 4]];
  const oneHot = xData.map((r) => r.map((i) => idx2char.map((_, k) => (k === i ? 1 : 0))));
  const X = tf.placeholder(tf.float32, [null, 6, 5]);
  const Y = tf.placeholder(tf.int32, [null, 6]);
  const cell = new BasicLSTMCell(5);
  const [outputs] = static_rnn(cell, tf.unstack(X, { axis: 1 }), { initial_state: cell.zero_state(1, tf.float32) });
  const logits = tf.stack(outputs, { axis: 1 });
  const loss = tf.reduce_mean(tf.contrib.seq2seq.sequence_loss(logits, Y, tf.ones([1, 6])));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss);
  const pred = tf.argmax(logits, 2);
  for (const backend of ['cpu', 'wasm']) {
    const sess = new tf.Session({ backend });
    sess.run(tf.global_variables_initializer());
    const feed = { feed_dict: [[X, oneHot], [Y, yData]] };
    const first = sess.run(loss, feed) as number;
    let last = first;
    for (let i = 0; i < 200; i++) [last] = sess.run([loss, train], feed);
    const p = (sess.run(pred, { feed_dict: [[X, oneHot]] }) as tf.NDArray).toArray() as number[][];
    sess.close();
    // Logits are LSTM outputs in (-1, 1), so the loss cannot go much below 0.43; it must fall well below the start.
    assert.ok(last < first * 0.5, `${backend}: loss ${first} → ${last}`);
    assert.is(p[0].map((i) => idx2char[i]).join(''), 'ihello', backend);
  }
}));

test.run();
