// The four workloads as TF1 graph code on tfgraph; each returns a training step that runs one sess.run and returns the loss.
import * as tf from '../src/index.ts';
import { W1, W2, W3, W4, w1Data, w2Data, w3Data, w4Data, type Backend, type WorkloadId } from './common.ts';

export interface TfgraphModel {
  step(): number;
  /** graph construction (ms), incl. optimizer.minimize */
  buildMs: number;
  sess: tf.Session;
  fetches: unknown[];
  feed: [tf.Tensor, unknown][];
}

function w1(): [unknown[], [tf.Tensor, unknown][]] {
  const { x, y, batch, classes } = w1Data();
  const X = tf.placeholder(tf.int32, [null, W1.seq], { name: 'X' });
  const Y = tf.placeholder(tf.int32, [null, W1.seq], { name: 'Y' });
  const xOneHot = tf.one_hot(X, classes);
  const lstm = () => new tf.contrib.rnn.BasicLSTMCell(W1.hidden, { state_is_tuple: true });
  const multi = new tf.contrib.rnn.MultiRNNCell([lstm(), lstm()], { state_is_tuple: true });
  const [outputs] = tf.nn.dynamic_rnn(multi, xOneHot, { dtype: tf.float32 });
  const xForFc = tf.reshape(outputs, [-1, W1.hidden]);
  const fc = tf.contrib.layers.fully_connected(xForFc, classes, { activation_fn: null });
  const logits = tf.reshape(fc, [batch, W1.seq, classes]);
  const weights = tf.ones([batch, W1.seq]);
  const loss = tf.reduce_mean(tf.contrib.seq2seq.sequence_loss(logits, Y, weights));
  const train = new tf.train.AdamOptimizer(W1.lr).minimize(loss);
  return [[loss, train], [[X, new tf.NDArray('int32', [batch, W1.seq], x)], [Y, new tf.NDArray('int32', [batch, W1.seq], y)]]];
}

function w2(): [unknown[], [tf.Tensor, unknown][]] {
  const { batch, seq, classes, state: stateSize } = W2;
  const { x, y } = w2Data();
  const X = tf.placeholder(tf.int32, [batch, seq], { name: 'x' });
  const Y = tf.placeholder(tf.int32, [batch, seq], { name: 'y' });
  const initState = tf.zeros([batch, stateSize], { name: 'init_state' });
  const rnnInputs = tf.unstack(tf.one_hot(X, classes), { axis: 1 });
  tf.variable_scope('rnn_cell', () => {
    tf.get_variable('W', [classes + stateSize, stateSize]);
    tf.get_variable('b', [stateSize], { initializer: tf.constant_initializer(0.0) });
  });
  const rnnCell = (input: tf.Tensor, state: tf.Tensor) => {
    const [W, b] = tf.variable_scope('rnn_cell', { reuse: true }, () => [
      tf.get_variable('W', [classes + stateSize, stateSize]),
      tf.get_variable('b', [stateSize], { initializer: tf.constant_initializer(0.0) }),
    ]);
    return tf.tanh(tf.add(tf.matmul(tf.concat([input, state], 1), W), b));
  };
  let state = initState;
  const rnnOutputs: tf.Tensor[] = [];
  for (const input of rnnInputs) {
    state = rnnCell(input, state);
    rnnOutputs.push(state);
  }
  const [W, b] = tf.variable_scope('softmax', () => [
    tf.get_variable('W', [stateSize, classes]),
    tf.get_variable('b', [classes], { initializer: tf.constant_initializer(0.0) }),
  ]);
  const logits = rnnOutputs.map((o) => tf.add(tf.matmul(o, W), b));
  const yAsList = tf.unstack(Y, { num: seq, axis: 1 });
  const losses = logits.map((logit, i) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: yAsList[i], logits: logit }));
  const totalLoss = tf.reduce_mean(losses);
  const train = new tf.train.AdagradOptimizer(W2.lr).minimize(totalLoss);
  return [[totalLoss, train], [[X, new tf.NDArray('int32', [batch, seq], x)], [Y, new tf.NDArray('int32', [batch, seq], y)]]];
}

function w3(): [unknown[], [tf.Tensor, unknown][]] {
  const { batch, seq, features, hidden, classes } = W3;
  const { x, y } = w3Data();
  const X = tf.placeholder(tf.float32, [null, seq, features], { name: 'X' });
  const Y = tf.placeholder(tf.int32, [null], { name: 'Y' });
  const Wx = tf.get_variable('Wx', [features, hidden]);
  const Wh = tf.get_variable('Wh', [hidden, hidden]);
  const bh = tf.get_variable('bh', [hidden], { initializer: tf.zeros_initializer() });
  const elems = tf.transpose(X, [1, 0, 2]); // time-major for scan
  const h0 = tf.zeros([batch, hidden]);
  const states = tf.scan((h: tf.Tensor, xt: tf.Tensor) => tf.tanh(tf.add(tf.add(tf.matmul(xt, Wx), tf.matmul(h, Wh)), bh)),
    elems, { initializer: h0 }) as tf.Tensor;
  const last = states.get(-1);
  const logits = tf.layers.dense(last, classes);
  const labels = tf.one_hot(Y, classes);
  const loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits({ labels, logits }));
  const train = new tf.train.RMSPropOptimizer(W3.lr).minimize(loss);
  return [[loss, train], [[X, new tf.NDArray('float32', [batch, seq, features], x)], [Y, new tf.NDArray('int32', [batch], y)]]];
}

function w4(): [unknown[], [tf.Tensor, unknown][]] {
  const { batch, seq, hidden } = W4;
  const { x, y } = w4Data();
  const X = tf.placeholder(tf.float32, [null, seq, 1], { name: 'X' });
  const Y = tf.placeholder(tf.float32, [null, seq, 1], { name: 'y' });
  const cell = new tf.contrib.rnn.OutputProjectionWrapper(new tf.nn.rnn_cell.BasicRNNCell(hidden, { activation: tf.nn.relu }), 1);
  const [outputs] = tf.nn.dynamic_rnn(cell, X, { dtype: tf.float32 });
  const loss = tf.reduce_mean(tf.square(tf.subtract(outputs, Y)));
  const train = new tf.train.AdamOptimizer(W4.lr).minimize(loss);
  return [[loss, train], [[X, new tf.NDArray('float32', [batch, seq, 1], x)], [Y, new tf.NDArray('float32', [batch, seq, 1], y)]]];
}

const BUILDERS: Record<WorkloadId, () => [unknown[], [tf.Tensor, unknown][]]> = { W1: w1, W2: w2, W3: w3, W4: w4 };

/** Builds the workload in a fresh default graph and opens a session; the caller times the first step (compile). */
export function buildTfgraph(w: WorkloadId, backend: Backend, sessionOpts: Record<string, unknown> = {}): TfgraphModel {
  tf.reset_default_graph();
  tf.set_random_seed(1);
  const t0 = performance.now();
  const [fetches, feed] = BUILDERS[w]();
  const buildMs = performance.now() - t0;
  const sess = new tf.Session({ backend, ...sessionOpts });
  sess.run(tf.global_variables_initializer());
  const step = () => (sess.run(fetches, feed) as [number])[0];
  return { step, buildMs, sess, fetches, feed };
}
