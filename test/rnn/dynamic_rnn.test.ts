// tf.nn.dynamic_rnn: one loop node, sequence_length semantics, unknown time, variable names, gradients, bidirectional.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import { BasicRNNCell } from '../../src/rnn/basic.ts';
import { BasicLSTMCell } from '../../src/rnn/lstm.ts';
import { dynamic_rnn, bidirectional_dynamic_rnn } from '../../src/rnn/dynamic_rnn.ts';
import type { NDArray } from '../../src/runtime/ndarray.ts';
import { assertClose, assertThrows, fresh, TEST_BACKENDS } from '../helpers.ts';
import { seeded } from '../autodiff/gradcheck.ts';

/** Plain float64 BasicRNNCell(tanh) over [B, T, D] with kernel [D+H, H] and bias [H]. */
function reference(x: number[][][], K: number[][], b: number[], H: number, lengths?: number[]) {
  const outs = x.map((row, bi) => {
    let h = new Array(H).fill(0);
    const o: number[][] = [];
    row.forEach((xt, t) => {
      if (lengths && t >= lengths[bi]) { o.push(new Array(H).fill(0)); return; }
      const inp = [...xt, ...h];
      h = Array.from({ length: H }, (_, j) => Math.tanh(inp.reduce((s, v, i) => s + v * K[i][j], b[j])));
      o.push(h);
    });
    return { o, h };
  });
  return { outputs: outs.map((r) => r.o), state: outs.map((r) => r.h) };
}

const B = 3, T = 5, D = 2, H = 4;
const xs = Array.from({ length: B }, (_, b) => Array.from({ length: T }, (_, t) => seeded(D, 100 + b * 10 + t)));

for (const backend of TEST_BACKENDS) {
  test(`BasicRNNCell under dynamic_rnn matches a float64 reference, with sequence_length [5, 3, 4] [${backend}]`, () => fresh(() => {
    const x = tf.placeholder(tf.float32, [null, null, D]);
    const len = tf.placeholder(tf.int32, [null]);
    const cell = new BasicRNNCell(H);
    const [out, state] = dynamic_rnn(cell, x, { sequence_length: len, dtype: tf.float32 });
    const [out2, state2] = dynamic_rnn(cell, x, { dtype: tf.float32 });
    const names = tf.global_variables().map((v) => v.name);
    assertClose(names.length, 2);
    if (names.join() !== 'rnn/basic_rnn_cell/kernel:0,rnn/basic_rnn_cell/bias:0') throw new Error(names.join());
    const sess = new tf.Session({ backend });
    sess.run(tf.global_variables_initializer());
    const [K, bias] = sess.run(tf.global_variables()) as NDArray[];
    const lengths = [5, 3, 4];
    const [o, s, o2, s2] = sess.run([out, state, out2, state2], [[x, xs], [len, lengths]]);
    const ref = reference(xs, K.toArray(), bias.toArray(), H, lengths);
    assertClose(o, ref.outputs, 1e-5);
    assertClose(s, ref.state, 1e-5);
    const full = reference(xs, K.toArray(), bias.toArray(), H);
    assertClose(o2, full.outputs, 1e-5);
    assertClose(s2, full.state, 1e-5);
    // A different sequence length on the next run.
    const short = xs.map((r) => r.slice(0, 2));
    assertClose(sess.run(out2, [[x, short]]), reference(short, K.toArray(), bias.toArray(), H).outputs, 1e-5);
    sess.close();
  }));
}

test('time_major inputs and an LSTM state tuple; outputs[:, -1] equals state.h', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [T, B, D]);
  const cell = new BasicLSTMCell(H);
  const [out, state] = dynamic_rnn(cell, x, { time_major: true, dtype: tf.float32 }) as [tf.Tensor, any];
  if (out.staticShape!.join() !== [T, B, H].join()) throw new Error(`shape ${out.staticShape}`);
  const sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const xt = Array.from({ length: T }, (_, t) => xs.map((r) => r[t]));
  const [last, h] = sess.run([out.get(-1), state.h], [[x, xt]]);
  assertClose(last, h.toArray());
  sess.close();
}));

test('errors: no initial state and no dtype; unknown depth', () => fresh(() => {
  assertThrows(() => dynamic_rnn(new BasicRNNCell(2), tf.placeholder(tf.float32, [1, 3, 2])), 'If there is no initial_state, you must give a dtype.');
  assertThrows(() => dynamic_rnn(new BasicRNNCell(2), tf.placeholder(tf.float32, [1, 3, null]), { dtype: tf.float32 }),
    'Input size (depth of inputs) must be accessible via shape inference');
}));

test('a 1,000-step dynamic_rnn builds as fast as a 10-step one (one node)', () => {
  const build = (steps: number) => fresh(() => {
    const t0 = performance.now();
    dynamic_rnn(new BasicLSTMCell(8), tf.placeholder(tf.float32, [4, steps, 3]), { dtype: tf.float32 });
    return [tf.get_default_graph().get_operations().length, performance.now() - t0];
  });
  const [n10] = build(10);
  const [n1000, ms] = build(1000);
  if (n10 !== n1000) throw new Error(`op count ${n10} vs ${n1000}`);
  if (ms > 500) throw new Error(`${ms} ms`);
});

test('gradients through dynamic_rnn w.r.t. inputs, initial state and weights match finite differences', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2, 3, 2]);
  const h0 = tf.placeholder(tf.float32, [2, 3]);
  const cell = new BasicRNNCell(3);
  const [out] = dynamic_rnn(cell, x, { initial_state: h0, sequence_length: [3, 2] });
  const lossFlat = tf.reduce_sum(tf.multiply(tf.reshape(out, [-1]), tf.constant(seeded(18, 7))));
  const vars = tf.trainable_variables();
  const grads = tf.gradients(lossFlat, [x, h0, ...vars]);
  const sess = new tf.Session({ backend: 'cpu' });
  sess.run(tf.global_variables_initializer());
  const xv = seeded(12, 1);
  const hv = seeded(6, 2);
  const feed = (a: number[], b: number[]) => [[x, { data: Float32Array.from(a), shape: [2, 3, 2] }], [h0, { data: Float32Array.from(b), shape: [2, 3] }]];
  const sym = sess.run(grads, feed(xv, hv)) as NDArray[];
  const f = (a: number[], b: number[]) => sess.run(lossFlat, feed(a, b)) as number;
  const eps = 1e-2;
  const check = (vals: number[], which: 0 | 1, g: NDArray) => vals.forEach((_, i) => {
    const p = [...vals]; const m = [...vals];
    p[i] += eps; m[i] -= eps;
    const num = which === 0 ? (f(p, hv) - f(m, hv)) / (2 * eps) : (f(xv, p) - f(xv, m)) / (2 * eps);
    if (Math.abs(num - g.data[i]) > 2e-2 * (1 + Math.abs(num))) throw new Error(`d/d${which ? 'h0' : 'x'}[${i}]: ${g.data[i]} vs ${num}`);
  });
  check(xv, 0, sym[0]);
  check(hv, 1, sym[1]);
  // Kernel: perturb through load().
  const K = vars[0];
  const k0 = (sess.run(K) as NDArray).toArray().flat() as number[];
  const kShape = K.staticShape as number[];
  [0, 4, 11].forEach((i) => {
    const at = (d: number) => { const v = [...k0]; v[i] += d; K.load({ data: Float32Array.from(v), shape: kShape } as never, sess); return f(xv, hv); };
    const num = (at(eps) - at(-eps)) / (2 * eps);
    if (Math.abs(num - sym[2].data[i]) > 2e-2 * (1 + Math.abs(num))) throw new Error(`d/dkernel[${i}]: ${sym[2].data[i]} vs ${num}`);
  });
  sess.close();
}));

test('bidirectional_dynamic_rnn: fw/bw variable scopes; bw output aligned with its input step', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2, 4, 1]);
  const [[fw, bw], [sf, sb]] = bidirectional_dynamic_rnn(new BasicRNNCell(2), new BasicRNNCell(2), x, { dtype: tf.float32, sequence_length: [4, 2] });
  const names = tf.global_variables().map((v) => v.op.name);
  if (names.join() !== 'bidirectional_rnn/fw/basic_rnn_cell/kernel,bidirectional_rnn/fw/basic_rnn_cell/bias,bidirectional_rnn/bw/basic_rnn_cell/kernel,bidirectional_rnn/bw/basic_rnn_cell/bias') {
    throw new Error(names.join());
  }
  const sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const xv = [[[1], [2], [3], [4]], [[5], [6], [7], [8]]];
  const [o, ob, s, sbv] = sess.run([fw, bw, sf, sb], [[x, xv]]);
  // The bw pass reads row 1 as [6, 5]: its output at step 0 is its final state; steps past the length are zero.
  assertClose((ob as NDArray).get(1, 0), (sbv as NDArray).get(1));
  assertClose((ob as NDArray).get(1, 3), [0, 0]);
  assertClose((o as NDArray).get(0, 3), (s as NDArray).get(0));
  sess.close();
}));

test.run();
