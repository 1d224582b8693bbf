// Each cell's output and state against a float64 reference of TF1's formula, with the weights read back from the session.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { rnn_cell } from '../../src/api/rnn.ts';
import { arr, assertClose, fresh, runAll, TEST_BACKENDS } from '../helpers.ts';
import * as R from './ref.ts';

const { BasicRNNCell, BasicLSTMCell, LSTMCell, GRUCell, LSTMStateTuple } = rnn_cell;
const B = 3;
const D = 4;
const N = 5;
const x0 = R.rand(B, D, 1);
const x1 = R.rand(B, D, 2);


for (const backend of TEST_BACKENDS) {
  test(`BasicRNNCell: two steps match tanh([x, h]·W + b) [${backend}]`, () => fresh(() => {
    const cell = new BasicRNNCell(N);
    const s0 = cell.zero_state(B, tf.float32);
    const [o1, s1] = cell.apply(tf.constant(x0), s0);
    const [o2, s2] = cell.apply(tf.constant(x1), s1);
    assert.is(o1, s1);
    const [W, b, O1, O2, S2] = runAll([cell._kernel, cell._bias, o1, o2, s2], backend).map(arr);
    assertClose(b, new Array(N).fill(0));
    const h1 = R.basicRnn(x0, R.zerosM(B, N), W, b);
    assertClose(O1, h1, 1e-5);
    assertClose(O2, R.basicRnn(x1, h1, W, b), 1e-5);
    assertClose(S2, R.basicRnn(x1, h1, W, b), 1e-5);
  }));

  test(`BasicLSTMCell: i, j, f, o gates, forget_bias at run time, LSTMStateTuple [${backend}]`, () => fresh(() => {
    const cell = new BasicLSTMCell(N, { forget_bias: 0.7 });
    const c0 = R.rand(B, N, 3);
    const h0 = R.rand(B, N, 4);
    const [o1, s1] = cell.apply(tf.constant(x0), new LSTMStateTuple(tf.constant(c0), tf.constant(h0)));
    assert.ok(s1 instanceof LSTMStateTuple);
    const [o2, s2] = cell.apply(tf.constant(x1), s1);
    const [W, b, O1, S1, O2, S2] = runAll([cell._kernel, cell._bias, o1, s1, o2, s2], backend);
    assert.ok(S1 instanceof LSTMStateTuple);
    const [rc1, rh1] = R.lstm(x0, c0, h0, arr(W), arr(b), N, 0.7);
    assertClose(O1, rh1, 1e-5);
    assertClose(S1.c, rc1, 1e-5);
    assertClose(S1.h, rh1, 1e-5);
    const [rc2, rh2] = R.lstm(x1, rc1, rh1, arr(W), arr(b), N, 0.7);
    assertClose(O2, rh2, 1e-5);
    assertClose(S2[0], rc2, 1e-5);
    assertClose(S2[1], rh2, 1e-5);
  }));

  test(`BasicLSTMCell(state_is_tuple=false): state is concat([c, h], 1) [${backend}]`, () => fresh(() => {
    const cell = new BasicLSTMCell(N, { state_is_tuple: false });
    assert.is(cell.state_size, 2 * N);
    const c0 = R.rand(B, N, 5);
    const h0 = R.rand(B, N, 6);
    const [o, s] = cell.apply(tf.constant(x0), tf.constant(R.cat(c0, h0)));
    assert.equal(s.shape.as_list(), [B, 2 * N]);
    const [W, b, O, S] = runAll([cell._kernel, cell._bias, o, s], backend).map(arr);
    const [rc, rh] = R.lstm(x0, c0, h0, W, b, N);
    assertClose(O, rh, 1e-5);
    assertClose(S, R.cat(rc, rh), 1e-5);
  }));

  test(`LSTMCell: peepholes, cell_clip, num_proj and proj_clip [${backend}]`, () => fresh(() => {
    const P = 3;
    const cell = new LSTMCell(N, { use_peepholes: true, cell_clip: 0.4, num_proj: P, proj_clip: 0.2, forget_bias: 0.5 });
    assert.equal([...cell.state_size as number[]], [N, P]);
    assert.is(cell.output_size, P);
    const c0 = R.rand(B, N, 7);
    const m0 = R.rand(B, P, 8);
    const [o, s] = cell.apply(tf.constant(x0), new LSTMStateTuple(tf.constant(c0), tf.constant(m0)));
    const [W, b, wf, wi, wo, Pk, O, S] = runAll([cell._kernel, cell._bias, cell._w_f_diag, cell._w_i_diag, cell._w_o_diag,
      cell._proj_kernel, o, s], backend);
    const [rc, rm] = R.lstmFull(x0, c0, m0, arr(W), arr(b), N,
      { wf: arr(wf), wi: arr(wi), wo: arr(wo), cellClip: 0.4, P: arr(Pk), projClip: 0.2 }, 0.5);
    assertClose(O, rm, 1e-5);
    assertClose(S.c, rc, 1e-5);
    assertClose(S.h, rm, 1e-5);
  }));

  test(`LSTMCell without extras equals the BasicLSTMCell formula [${backend}]`, () => fresh(() => {
    const cell = new LSTMCell(N);
    const s0 = cell.zero_state(B, tf.float32);
    const [o, s] = cell.apply(tf.constant(x0), s0);
    const [W, b, O, S] = runAll([cell._kernel, cell._bias, o, s], backend);
    const [rc, rh] = R.lstm(x0, R.zerosM(B, N), R.zerosM(B, N), arr(W), arr(b), N);
    assertClose(O, rh, 1e-5);
    assertClose(S.c, rc, 1e-5);
  }));

  test(`GRUCell: r then u, h' = u·h + (1−u)·c, gates bias 1.0 [${backend}]`, () => fresh(() => {
    const cell = new GRUCell(N);
    const h0 = R.rand(B, N, 9);
    const [o1, s1] = cell.apply(tf.constant(x0), tf.constant(h0));
    const [o2] = cell.apply(tf.constant(x1), s1);
    const [Wg, bg, Wc, bc, O1, O2] = runAll([cell._gate_kernel, cell._gate_bias, cell._candidate_kernel,
      cell._candidate_bias, o1, o2], backend).map(arr);
    assertClose(bg, new Array(2 * N).fill(1));
    assertClose(bc, new Array(N).fill(0));
    const h1 = R.gru(x0, h0, Wg, bg, Wc, bc, N);
    assertClose(O1, h1, 1e-5);
    assertClose(O2, R.gru(x1, h1, Wg, bg, Wc, bc, N), 1e-5);
  }));
}

test('activation option replaces tanh; GRU bias_initializer serves both biases', () => fresh(() => {
  const cell = new BasicRNNCell(N, { activation: tf.nn.relu });
  const [o] = cell.apply(tf.constant(x0), cell.zero_state(B, tf.float32));
  const [W, b, O] = runAll([cell._kernel, cell._bias, o], 'cpu').map(arr);
  assertClose(O, R.map(R.affine(R.cat(x0, R.zerosM(B, N)), W, b), (v) => Math.max(0, v)), 1e-5);
  const gru = new GRUCell(2, { bias_initializer: tf.constant_initializer(0.5) });
  gru.apply(tf.constant(x0), gru.zero_state(B, tf.float32));
  const [bg, bc] = runAll([gru._gate_bias, gru._candidate_bias], 'cpu').map(arr);
  assertClose(bg, [0.5, 0.5, 0.5, 0.5]);
  assertClose(bc, [0.5, 0.5]);
}));

test('LSTMCell initializer applies to kernel, peepholes and projection; the bias stays zero', () => fresh(() => {
  const cell = new LSTMCell(2, { use_peepholes: true, num_proj: 1, initializer: tf.constant_initializer(0.25) });
  cell.apply(tf.constant(x0), cell.zero_state(B, tf.float32));
  const vals = runAll([cell._kernel, cell._w_f_diag, cell._proj_kernel, cell._bias], 'cpu').map(arr);
  for (const v of vals.slice(0, 3)) assert.ok((v as number[]).flat().every((e: number) => e === 0.25));
  assert.ok((vals[3] as number[]).every((e: number) => e === 0));
}));

test.run();
