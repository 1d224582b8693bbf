// The unrolled binary-sequence RNN of the notebook (r2rt's "RNNs in Tensorflow"): learns both dependencies.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { fresh, rng } from '../helpers.ts';

const numSteps = 10;
const batchSize = 200;
const numClasses = 2;
const stateSize = 16;
const learningRate = 0.1;


/** The notebook's rule: P(y=1) = 0.5, +0.5 if x[t-3] = 1, -0.25 if x[t-8] = 1 (numpy's negative indices wrap). */
function genData(size: number, rand: () => number): [Int32Array, Int32Array] {
  const X = new Int32Array(size);
  const Y = new Int32Array(size);
  for (let i = 0; i < size; i++) X[i] = rand() < 0.5 ? 0 : 1;
  const at = (i: number) => X[(i + size) % size];
  for (let i = 0; i < size; i++) {
    let threshold = 0.5;
    if (at(i - 3) === 1) threshold += 0.5;
    if (at(i - 8) === 1) threshold -= 0.25;
    Y[i] = rand() > threshold ? 0 : 1;
  }
  return [X, Y];
}

/** gen_batch: the data split into batch_size rows, yielded num_steps columns at a time. */
function* genBatches(raw: [Int32Array, Int32Array]): Generator<[tf.NDArray, tf.NDArray]> {
  const [rx, ry] = raw;
  const partition = Math.floor(rx.length / batchSize);
  const epochSize = Math.floor(partition / numSteps);
  for (let e = 0; e < epochSize; e++) {
    const x = new Int32Array(batchSize * numSteps);
    const y = new Int32Array(batchSize * numSteps);
    for (let r = 0; r < batchSize; r++) {
      for (let c = 0; c < numSteps; c++) {
        x[r * numSteps + c] = rx[partition * r + e * numSteps + c];
        y[r * numSteps + c] = ry[partition * r + e * numSteps + c];
      }
    }
    yield [new tf.NDArray('int32', [batchSize, numSteps], x), new tf.NDArray('int32', [batchSize, numSteps], y)];
  }
}

function buildModel() {
  const x = tf.placeholder('int32', [batchSize, numSteps], { name: 'x' });
  const y = tf.placeholder('int32', [batchSize, numSteps], { name: 'y' });
  const initState = tf.zeros([batchSize, stateSize], { name: 'init_state' });
  const xOneHot = tf.one_hot(x, numClasses);
  const rnnInputs = tf.unstack(xOneHot, { axis: 1 });

  tf.variable_scope('rnn_cell', () => {
    tf.get_variable('W', [numClasses + stateSize, stateSize]);
    tf.get_variable('b', [stateSize], { initializer: tf.constant_initializer(0.0) });
  });
  const rnnCell = (input: tf.Tensor, state: tf.Tensor) => {
    const [W, b] = tf.variable_scope('rnn_cell', { reuse: true }, () => [
      tf.get_variable('W', [numClasses + stateSize, stateSize]),
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
  const finalState = rnnOutputs[rnnOutputs.length - 1];

  const [W, b] = tf.variable_scope('softmax', () => [
    tf.get_variable('W', [stateSize, numClasses]),
    tf.get_variable('b', [numClasses], { initializer: tf.constant_initializer(0.0) }),
  ]);
  const logits = rnnOutputs.map((o) => tf.add(tf.matmul(o, W), b));
  const yAsList = tf.unstack(y, { num: numSteps, axis: 1 });
  const losses = logits.map((logit, i) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: yAsList[i], logits: logit }));
  // As the notebook writes it: the list of per-step losses is auto-packed into one tensor (TF1's rule).
  const totalLoss = tf.reduce_mean(losses);
  const trainStep = new tf.train.AdagradOptimizer(learningRate).minimize(totalLoss);
  return { x, y, initState, finalState, totalLoss, trainStep };
}

test('binary RNN learns both dependencies (loss clearly below 0.52)', () => {
  fresh(() => {
    tf.set_random_seed(1);
    const m = buildModel();
    const names = tf.trainable_variables().map((v: tf.Variable) => v.op.name);
    assert.equal(names, ['rnn_cell/W', 'rnn_cell/b', 'softmax/W', 'softmax/b']);
    const raw = genData(batchSize * 5000, rng(42));
    const s = new tf.Session({ backend: process.env.RNN_BACKEND ?? 'wasm' });
    try {
      s.run(tf.global_variables_initializer());
      let trainingState: unknown = new tf.NDArray('float32', [batchSize, stateSize], new Float32Array(batchSize * stateSize));
      const lossHistory: number[] = [];
      const t0 = Date.now();
      for (const [X, Y] of genBatches(raw)) {
        const [loss, st] = s.run([m.totalLoss, m.finalState, m.trainStep], {
          feed_dict: new Map<tf.Tensor, unknown>([[m.x, X], [m.y, Y], [m.initState, trainingState]]),
        });
        lossHistory.push(loss as number);
        trainingState = st;
      }
      const last = lossHistory.slice(-50);
      const avg = last.reduce((a, b) => a + b, 0) / last.length;
      const first = lossHistory[0];
      if (process.env.RNN_VERBOSE) console.log(`steps ${lossHistory.length}, ${Date.now() - t0} ms, first ${first}, last-50 ${avg}`);
      assert.ok(Math.abs(first - Math.LN2) < 0.1, `initial loss ${first} should be about ln 2`);
      assert.ok(avg < 0.49, `average loss of the last 50 steps ${avg} should be clearly below 0.52`);
    } finally {
      s.close();
    }
  });
});

test.run();
