// Differential test of the compiler: training graphs run 20 steps with all passes on and all off give the same trajectories.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import { assertClose, fresh, TEST_BACKENDS } from '../helpers.ts';

interface Workload { fetches: unknown[]; feed: [tf.Tensor, unknown][] }

/** A deterministic pseudo-random fill (same data for both runs). */
const wave = (n: number, f: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(f * i + 0.3));

/** Two dense layers (relu, sigmoid) and a linear head, softmax cross-entropy, Adam. */
function mlpAdam(): Workload {
  const x = tf.placeholder(tf.float32, [null, 12], { name: 'x' });
  const y = tf.placeholder(tf.int32, [null], { name: 'y' });
  const h = tf.layers.dense(x, 32, { activation: tf.nn.relu });
  const h2 = tf.layers.dense(h, 24, { activation: tf.nn.sigmoid });
  const logits = tf.layers.dense(h2, 5);
  const loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: y, logits }));
  const train = new tf.train.AdamOptimizer(0.01).minimize(loss);
  const X = new tf.NDArray('float32', [40, 12], wave(480, 0.7));
  const Y = new tf.NDArray('int32', [40], Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 5));
  return { fetches: [loss, logits, train], feed: [[x, X], [y, Y]] };
}

/** The binary RNN of test/train/binary_rnn.test.ts (unrolled tanh cell, per-step softmax), smaller batch, Adagrad. */
function binaryRnn(): Workload {
  const B = 40, T = 10, S = 16;
  const x = tf.placeholder('int32', [B, T], { name: 'x' });
  const y = tf.placeholder('int32', [B, T], { name: 'y' });
  const init = tf.zeros([B, S], { name: 'init_state' });
  const inputs = tf.unstack(tf.one_hot(x, 2), { axis: 1 });
  const [W, b] = tf.variable_scope('rnn_cell', () => [tf.get_variable('W', [2 + S, S]), tf.get_variable('b', [S], { initializer: tf.constant_initializer(0) })]);
  let state = init;
  const outs: tf.Tensor[] = [];
  for (const i of inputs) {
    state = tf.tanh(tf.add(tf.matmul(tf.concat([i, state], 1), W), b));
    outs.push(state);
  }
  const [W2, b2] = tf.variable_scope('softmax', () => [tf.get_variable('W', [S, 2]), tf.get_variable('b', [2], { initializer: tf.constant_initializer(0) })]);
  const ys = tf.unstack(y, { num: T, axis: 1 });
  const losses = outs.map((o, i) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: ys[i], logits: tf.add(tf.matmul(o, W2), b2) }));
  const loss = tf.reduce_mean(losses);
  const train = new tf.train.AdagradOptimizer(0.1).minimize(loss);
  const bits = Int32Array.from({ length: B * T }, (_, i) => ((i * 2654435761) >>> 7) & 1);
  const X = new tf.NDArray('int32', [B, T], bits);
  const Y = new tf.NDArray('int32', [B, T], bits.map((v, i) => (i % T >= 3 ? bits[i - 3] : v)));
  return { fetches: [loss, state, train], feed: [[x, X], [y, Y]] };
}

/** A tanh RNN written with tf.scan (a Loop node whose body goes through the same pipeline), dense head, RMSProp. */
function scanRnn(): Workload {
  const T = 6, B = 8, F = 5, H = 12, C = 3;
  const xs = tf.placeholder(tf.float32, [T, null, F], { name: 'xs' });
  const y = tf.placeholder(tf.int32, [null], { name: 'y' });
  const Wx = tf.get_variable('Wx', [F, H]);
  const Wh = tf.get_variable('Wh', [H, H]);
  const bh = tf.get_variable('bh', [H], { initializer: tf.constant_initializer(0.1) });
  const h0 = tf.zeros(tf.stack([tf.shape(xs).get(1), H]));
  const hs = tf.scan((h: tf.Tensor, x: tf.Tensor) => tf.tanh(tf.add(tf.add(tf.matmul(x, Wx), tf.matmul(h, Wh)), bh)), xs, { initializer: h0 });
  const logits = tf.layers.dense(hs.get(-1), C);
  const loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: y, logits }));
  const train = new tf.train.RMSPropOptimizer(0.01).minimize(loss);
  const X = new tf.NDArray('float32', [T, B, F], wave(T * B * F, 1.3));
  const Y = new tf.NDArray('int32', [B], Int32Array.from({ length: B }, (_, i) => i % C));
  return { fetches: [loss, hs, train], feed: [[xs, X], [y, Y]] };
}

/** 20 training steps from the same seed: every fetched value of every step. */
function trajectory(build: () => Workload, backend: string, optimize: boolean): unknown[] {
  return fresh(() => {
    tf.set_random_seed(7);
    const w = build();
    const s = new tf.Session({ backend, optimize });
    try {
      s.run(tf.global_variables_initializer());
      const out: unknown[] = [];
      for (let i = 0; i < 20; i++) out.push((s.run(w.fetches, { feed_dict: w.feed }) as unknown[]).slice(0, -1));
      out.push(s.run(tf.trainable_variables()));
      return out;
    } finally {
      s.close();
    }
  });
}

for (const [name, build] of [['MLP + Adam', mlpAdam], ['binary RNN + Adagrad', binaryRnn], ['scan RNN + RMSProp', scanRnn]] as const) {
  for (const backend of TEST_BACKENDS) {
    test(`${name} [${backend}]: 20 steps with all passes on = all passes off (losses, activations, final weights)`, () => {
      const on = trajectory(build, backend, true);
      const off = trajectory(build, backend, false);
      on.forEach((v, i) => assertClose(v, off[i], 1e-5, `step ${i}:`));
    });
  }
}

test('the passes change these plans (the comparison is not vacuous)', () => {
  const changed = new Set<string>();
  for (const build of [mlpAdam, binaryRnn, scanRnn]) {
    fresh(() => {
      const w = build();
      const s = new tf.Session({ backend: 'wasm' });
      try {
        const ex = s.explain(w.fetches, w.feed);
        for (const p of ex.passes) if (p.details.length) changed.add(p.name);
      } finally {
        s.close();
      }
    });
  }
  for (const p of ['fold', 'cse', 'fuse', 'layout']) if (!changed.has(p)) throw new Error(`pass ${p} changed none of the workloads`);
});

test.run();
