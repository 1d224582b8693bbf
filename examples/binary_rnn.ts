// The binary-sequence RNN notebooks (r2rt's "RNNs in Tensorflow"): Y depends on X[t-3] and X[t-8]; an RNN unrolled by
// hand with variable_scope reuse and Adagrad, the state carried across batches through feed_dict; the same with
// tf.nn.dynamic_rnn; then the unrolled notebook's larger model (num_steps 10, state 16). Final losses are compared with
// the data's theoretical cross-entropies: 0.66 (nothing learned), 0.52 (X[t-3] learned), 0.45 (both learned).
import * as tf from '../src/index.ts';
import { elapsed, i32array, lossChart, makePrint, parseArgs, RandomState, savePlot, trainingProgress } from './common.ts';

type Raw = [Int32Array, Int32Array];

/** Generates 2 lists of binary code with some pattern: P(Y[i] = 1) = 0.5 + 0.5·X[i-3] - 0.25·X[i-8]. */
function gen_data(random: RandomState, size = 1000000): Raw {
  const X = new Int32Array(size).map(() => random.choice(2));
  const Y = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    let threshold = 0.5;
    // numpy's negative indices wrap around, as in the notebook
    if (X[(i - 3 + size) % size] === 1) threshold += 0.5;
    if (X[(i - 8 + size) % size] === 1) threshold -= 0.25;
    Y[i] = random.rand() > threshold ? 0 : 1;
  }
  return [X, Y];
}

/** The data generator: batch_size rows of the raw data, yielded num_steps columns at a time (truncated backprop). */
function* gen_batch(raw_data: Raw, batch_size: number, num_steps: number): Generator<[tf.NDArray, tf.NDArray]> {
  const [raw_x, raw_y] = raw_data;
  const batch_partition_length = Math.floor(raw_x.length / batch_size);
  // further divide batch partitions into num_steps for truncated backprop
  const seq_size = Math.floor(batch_partition_length / num_steps);
  for (let i = 0; i < seq_size; i++) {
    const x = new Int32Array(batch_size * num_steps);
    const y = new Int32Array(batch_size * num_steps);
    for (let r = 0; r < batch_size; r++) {
      const start = batch_partition_length * r + i * num_steps;
      x.set(raw_x.subarray(start, start + num_steps), r * num_steps);
      y.set(raw_y.subarray(start, start + num_steps), r * num_steps);
    }
    yield [i32array([batch_size, num_steps], x), i32array([batch_size, num_steps], y)];
  }
}

function* gen_epochs(random: RandomState, n: number, batch_size: number, num_steps: number, size: number) {
  for (let i = 0; i < n; i++) yield gen_batch(gen_data(random, size), batch_size, num_steps);
}

interface Model { x: tf.Tensor; y: tf.Tensor; init_state: tf.Tensor; losses: unknown; total_loss: tf.Tensor; final_state: tf.Tensor; train_step: unknown }

export interface BinaryRnnResult {
  /** the averaged losses train_network reports, per model */
  unrolled: number[];
  dynamic: number[];
  unrolled_10_16: number[];
  /** the last reported average loss of each model */
  final: { unrolled: number; dynamic: number; unrolled_10_16: number };
  /** the loss-curve plots written (svg and png paths) */
  plots: string[];
  seconds: number;
}

export function main(args: string[] = []): BinaryRnnResult {
  const opt = parseArgs(args);
  const print = makePrint(opt.quiet);
  const t0 = Date.now();
  const random = new RandomState(opt.seed);
  // the notebooks' 1,000,000 points give 1000 steps of 200 x 5 per epoch; --quick trains the small models on 300,000
  const data_size = opt.quick ? 300000 : 1000000;
  const plots: string[] = [];
  print(`backend: ${opt.backend}${opt.quick ? ' (quick)' : ''}`);

  // numpy
  {
    const size = 10;
    const X = Array.from({ length: size }, () => random.choice(2));
    print(`[${X.join(' ')}]`);
  }

  const train_network = (m: Model, num_epochs: number, num_steps: number, batch_size: number, state_size = 4, verbose = true,
    size = data_size): number[] => {
    const training_losses: number[] = [];
    tf.Session.with({ backend: opt.backend }, (sess) => {
      sess.run(tf.global_variables_initializer());
      let idx = 0;
      const bar = trainingProgress(opt, num_epochs * Math.floor(size / (batch_size * num_steps)), 'binary_rnn');
      for (const epoch of gen_epochs(random, num_epochs, batch_size, num_steps, size)) {
        let training_loss = 0;
        let training_state: unknown = new tf.NDArray('float32', [batch_size, state_size], new Float32Array(batch_size * state_size));
        if (verbose) print('\nEPOCH', idx);
        let step = 0;
        for (const [X, Y] of epoch) {
          let training_loss_: number;
          [, training_loss_, training_state] = sess.run([m.losses, m.total_loss, m.final_state, m.train_step],
            { feed_dict: [[m.x, X], [m.y, Y], [m.init_state, training_state]] });
          training_loss += training_loss_;
          bar.tick({ loss: training_loss_ });
          if (step % 100 === 0 && step > 0) {
            if (verbose) print('Average loss at step', step, 'for last 250 steps:', training_loss / 100);
            training_losses.push(training_loss / 100);
            training_loss = 0;
          }
          step++;
        }
        idx++;
      }
      bar.done();
    });
    lossChart(opt, training_losses, 'average loss');
    return training_losses;
  };

  // ---- the RNN built purely with basic tensorflow code (num_steps 5, state_size 4) ----
  let unrolled: number[];
  {
    tf.reset_default_graph();
    tf.set_random_seed(opt.seed);
    const n_epochs = 5;
    const num_steps = 5; // number of truncated backprop steps ('n' in the discussion above)
    const batch_size = 200;
    // now, you can acess the data by:
    for (const epoch of gen_epochs(random, n_epochs, batch_size, num_steps, 10000)) {
      for (const [X, Y] of epoch) {
        print(`(${X.shape.join(', ')})`);
        print(`(${Y.shape.join(', ')})`);
        break;
      }
      break;
    }

    const x = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'input_placeholder' });
    const y = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'labels_placeholder' });
    const num_classes = 2;
    // Turn our x placeholder into a list of one-hot tensors: [batch, steps, signal] -> steps x [batch, signal]
    const x_one_hot = tf.one_hot(x, num_classes);
    const rnn_inputs = tf.unstack(x_one_hot, { axis: 1 });
    const state_size = 4;
    tf.variable_scope('rnn_cell', () => {
      // W = Wxa + Waa
      tf.get_variable('W', [num_classes + state_size, state_size]);
      tf.get_variable('b', [state_size], { initializer: tf.constant_initializer(0.0) });
    });
    const init_state = tf.zeros([batch_size, state_size]);
    let state = init_state;
    const rnn_outputs: tf.Tensor[] = [];
    for (const rnn_input of rnn_inputs) {
      const [W, b] = tf.variable_scope('rnn_cell', { reuse: true }, () => [
        tf.get_variable('W', [num_classes + state_size, state_size]),
        tf.get_variable('b', [state_size], { initializer: tf.constant_initializer(0.0) }),
      ]);
      state = tf.tanh(tf.matmul(tf.concat([rnn_input, state], 1), W).add(b));
      rnn_outputs.push(state);
    }
    const final_state = rnn_outputs[rnn_outputs.length - 1];
    const W = tf.get_variable('W', [state_size, num_classes]);
    const b = tf.get_variable('b', [num_classes], { initializer: tf.constant_initializer(0.0) });
    const logits = rnn_outputs.map((rnn_output) => tf.matmul(rnn_output, W).add(b));
    // Turn our y placeholder into a list of labels
    const y_as_list = tf.unstack(y, { num: num_steps, axis: 1 });
    // losses and train step (the notebook's commented-out per-step cross-entropy; its `-y*tf.log(y_pred[0])` is not a
    // cross-entropy: it rewards predicting 0 and never reaches the 0.66 / 0.52 / 0.45 the text compares with)
    const losses = logits.map((logit, i) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: y_as_list[i], logits: logit }));
    const total_loss = tf.reduce_mean(losses);
    const train_step = new tf.train.AdagradOptimizer(0.1).minimize(total_loss);
    unrolled = train_network({ x, y, init_state, losses, total_loss, final_state, train_step }, 1, num_steps, batch_size, state_size);
    plots.push(...savePlot(opt, 'binary_rnn_unrolled', (plt) => plt.plot(unrolled), print));
  }

  // ---- now the rnn of tensorflow: dynamic_rnn with BasicRNNCell ----
  let dynamic: number[];
  {
    tf.reset_default_graph();
    tf.set_random_seed(opt.seed);
    // in dynamic model the training data x should be [batch_size, num_steps, features(dim of input)]
    const num_steps = 5; // number of truncated backprop steps ('n' in the discussion above)
    const batch_size = 200;
    const num_classes = 2;
    const state_size = 4;
    const learning_rate = 0.1;
    const x = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'input_placeholder' });
    const y = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'labels_placeholder' });
    // num_classes is like dimension of input; state_size is like dimension of hidden state.
    const rnn_inputs = tf.one_hot(x, num_classes);
    const cell = new tf.contrib.rnn.BasicRNNCell(state_size);
    const init_state = tf.zeros([batch_size, state_size]);
    const [rnn_outputs, final_state] = tf.nn.dynamic_rnn(cell, rnn_inputs, { initial_state: init_state });
    const W = tf.get_variable('W', [state_size, num_classes]);
    const b = tf.get_variable('b', [num_classes], { initializer: tf.constant_initializer(0.0) });
    // the rnn_outputs are in the form of [batch_size, num_steps, state_size]
    const logits = tf.reshape(
      tf.matmul(tf.reshape(rnn_outputs, [-1, state_size]), W).add(b),
      [batch_size, num_steps, num_classes]);
    const losses = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: y, logits });
    const total_loss = tf.reduce_mean(losses);
    const train_step = new tf.train.AdagradOptimizer(learning_rate).minimize(total_loss);
    dynamic = train_network({ x, y, init_state, losses, total_loss, final_state, train_step }, 1, num_steps, batch_size, state_size);
    plots.push(...savePlot(opt, 'binary_rnn_dynamic', (plt) => plt.plot(dynamic), print));
  }

  // ---- the unrolled notebook: num_steps 10, state_size 16, a 'project' scope, per-step sparse cross-entropy ----
  let unrolled_10_16: number[];
  {
    tf.reset_default_graph();
    tf.set_random_seed(opt.seed);
    const { x, y, init_state, losses, total_loss, final_state, train_step, num_steps, batch_size, state_size } = buildUnrolled10x16();
    // the larger model needs the whole 1,000,000 points (500 steps) to learn both dependencies, also in --quick
    unrolled_10_16 = train_network({ x, y, init_state, losses, total_loss, final_state, train_step }, 1, num_steps, batch_size, state_size,
      true, 1000000);
    plots.push(...savePlot(opt, 'binary_rnn_unrolled_10_16', (plt) => plt.plot(unrolled_10_16), print));
  }

  const final = { unrolled: unrolled.at(-1)!, dynamic: dynamic.at(-1)!, unrolled_10_16: unrolled_10_16.at(-1)! };
  // the nearest of the theoretical cross-entropies
  const verdict = (l: number) => [[0.66, 'nothing learned'], [0.52, 'the X[t-3] dependency learned'], [0.45, 'both dependencies learned']]
    .reduce((best, c) => (Math.abs(l - (c[0] as number)) < Math.abs(l - (best[0] as number)) ? c : best))[1];
  print('\nexpected cross-entropy: 0.66 if nothing is learned, 0.52 if X[t-3] is learned, 0.45 if both are');
  for (const [name, l] of Object.entries(final)) print(`final loss ${name}: ${l.toFixed(4)} -> ${verdict(l)}`);
  print(`(${elapsed(t0)} s)`);
  return { unrolled, dynamic, unrolled_10_16, final, plots, seconds: elapsed(t0) };
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));

/** The unrolled notebook's model (num_steps 10, state 16, a 'project' scope), op for op as binary_rnn_unrolled.tfpy builds it. */
export function buildUnrolled10x16() {
  const num_steps = 10;
  const batch_size = 200;
  const num_classes = 2;
  const state_size = 16;
  const learning_rate = 0.1;
  const x = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'x' });
  const y = tf.placeholder(tf.int32, [batch_size, num_steps], { name: 'y' });
  const init_state = tf.zeros([batch_size, state_size], { name: 'init_state' });
  // RNN inputs
  const x_one_hot = tf.one_hot(x, num_classes);
  const rnn_inputs = tf.unstack(x_one_hot, { axis: 1 });
  tf.variable_scope('rnn_cell', () => {
    tf.get_variable('W', [num_classes + state_size, state_size]); // [W, U]
    tf.get_variable('b', [state_size], { initializer: tf.constant_initializer(0.0) });
  });
  const rnn_cell = (rnn_input: tf.Tensor, state: tf.Tensor): tf.Tensor => {
    const [W, b] = tf.variable_scope('rnn_cell', { reuse: true }, () => [
      tf.get_variable('W', [num_classes + state_size, state_size]),
      tf.get_variable('b', [state_size], { initializer: tf.constant_initializer(0.0) }),
    ]);
    return tf.tanh(tf.matmul(tf.concat([rnn_input, state], 1), W).add(b));
  };
  let state = init_state;
  const rnn_outputs: tf.Tensor[] = [];
  for (const rnn_input of rnn_inputs) {
    state = rnn_cell(rnn_input, state);
    rnn_outputs.push(state);
  }
  const final_state = rnn_outputs[rnn_outputs.length - 1];
  const [W, b] = tf.variable_scope('project', () => [
    tf.get_variable('W', [state_size, num_classes]),
    tf.get_variable('b', [num_classes], { initializer: tf.constant_initializer(0.0) }),
  ]);
  const logits = rnn_outputs.map((rnn_output) => tf.matmul(rnn_output, W).add(b));
  logits.map((logit) => tf.nn.softmax(logit)); // the notebook's `pred` (built, never fetched)
  const y_as_list = tf.unstack(y, { num: num_steps, axis: 1 });
  const losses = logits.map((logit, i) => tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: y_as_list[i], logits: logit }));
  const total_loss = tf.reduce_mean(losses);
  const train_step = new tf.train.AdagradOptimizer(learning_rate).minimize(total_loss);
  return { x, y, init_state, losses, total_loss, final_state, train_step, num_steps, batch_size, state_size };
}
