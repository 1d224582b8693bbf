// The RNN lab (hunkim's DeepLearningZeroToAll lab 12): one-hot 'hello' through BasicLSTMCell (unfolding, batching),
// sequence_loss, hihello, "if you want you", a long sentence with a stacked MultiRNNCell and a softmax layer, dynamic_rnn
// with sequence_length. The stock model on data-02-stock_daily.csv is in rnn_lstm_lab_stock.ts; main runs all parts.
import * as tf from '../src/index.ts';
import { elapsed, f32array, makePrint, parseArgs, shown, uniqueChars, type ExampleOptions } from './common.ts';
import { stock } from './rnn_lstm_lab_stock.ts';

type Print = (...args: unknown[]) => void;

// One hot encoding
const h = [1, 0, 0, 0];
const e = [0, 1, 0, 0];
const l = [0, 0, 1, 0];
const o = [0, 0, 0, 1];

/** RNN basics: one cell, unfolding to 5 steps, batching 3 sequences, and different sequence lengths. */
export function basics(opt: ExampleOptions, print: Print): { outputs: tf.NDArray[]; losses: number[] } {
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const outs: tf.NDArray[] = [];
  return tf.Session.with({ backend: opt.backend }, (sess) => {
    // One cell RNN input_dim (4) -> output_dim (2)
    tf.variable_scope('one_cell', () => {
      const hidden_size = 2;
      const cell = new tf.contrib.rnn.BasicLSTMCell(hidden_size);
      print(cell.output_size, cell.state_size);
      const x_data = f32array([1, 1, 4], h);
      const [outputs] = tf.nn.dynamic_rnn(cell, x_data, { dtype: tf.float32 });
      sess.run(tf.global_variables_initializer());
      outs.push(outputs.eval());
      print(outs.at(-1));
    });
    // One cell RNN input_dim (4) -> output_dim (2). sequence: 5
    tf.variable_scope('two_sequances', () => {
      const hidden_size = 2;
      const cell = new tf.contrib.rnn.BasicLSTMCell(hidden_size);
      const x_data = f32array([1, 5, 4], [h, e, l, l, o].flat());
      print(`(${x_data.shape.join(', ')})`);
      print(x_data);
      const [outputs] = tf.nn.dynamic_rnn(cell, x_data, { dtype: tf.float32 });
      sess.run(tf.global_variables_initializer());
      outs.push(outputs.eval());
      print(outs.at(-1));
    });
    // One cell RNN input_dim (4) -> output_dim (2). sequence: 5, batch 3
    // 3 batches 'hello', 'eolll', 'lleel'
    const x_data = f32array([3, 5, 4], [[h, e, l, l, o], [e, o, l, l, l], [l, l, e, e, l]].flat(2));
    tf.variable_scope('3_batches', () => {
      print(x_data);
      const cell = new tf.contrib.rnn.BasicLSTMCell(2, { state_is_tuple: true });
      const [outputs] = tf.nn.dynamic_rnn(cell, x_data, { dtype: tf.float32 });
      sess.run(tf.global_variables_initializer());
      outs.push(outputs.eval());
      print(outs.at(-1));
    });
    // Cost: sequence_loss
    // [batch_size, sequence_length]
    const y_data = tf.constant([[1, 1, 1]], { dtype: tf.int32 });
    // [batch_size, sequence_length, emb_dim]
    const prediction = tf.constant([[[0.2, 0.7], [0.6, 0.2], [0.2, 0.9]]], { dtype: tf.float32 });
    // [batch_size * sequence_length]
    const weights = tf.constant([[1, 1, 1]], { dtype: tf.float32 });
    const sequence_loss = tf.contrib.seq2seq.sequence_loss(prediction, y_data, weights);
    sess.run(tf.global_variables_initializer());
    const loss = sequence_loss.eval() as number;
    print('Loss: ', loss);
    const prediction1 = tf.constant([[[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]]], { dtype: tf.float32 });
    const prediction2 = tf.constant([[[0.1, 0.9], [0.1, 0.9], [0.1, 0.9]]], { dtype: tf.float32 });
    const sequence_loss1 = tf.contrib.seq2seq.sequence_loss(prediction1, y_data, weights);
    const sequence_loss2 = tf.contrib.seq2seq.sequence_loss(prediction2, y_data, weights);
    const [loss1, loss2] = [sequence_loss1.eval() as number, sequence_loss2.eval() as number];
    print('Loss1: ', loss1, 'Loss2: ', loss2);
    // Dynamic RNN: different sequence lengths (3 batches 'hello', 'eolll', 'lleel' of lengths 5, 3, 4)
    tf.variable_scope('3_batches_dynamic_length', () => {
      const hidden_size = 2;
      const cell = new tf.contrib.rnn.BasicLSTMCell(hidden_size, { state_is_tuple: true });
      const [outputs] = tf.nn.dynamic_rnn(cell, x_data, { sequence_length: [5, 3, 4], dtype: tf.float32 });
      sess.run(tf.global_variables_initializer());
      outs.push(outputs.eval());
      print(outs.at(-1));
    });
    return { outputs: outs, losses: [loss, loss1, loss2] };
  });
}

/** Teach RNN 'hihello': one-hot input, BasicLSTMCell outputs as logits, sequence_loss, Adam. */
export function hihello(opt: ExampleOptions, print: Print): { loss: number; prediction: string } {
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const hidden_size = 5; // output from the LSTM
  const input_dim = 5; // one-hot size
  const batch_size = 1; // one sentence
  const sequence_length = 6; // |ihello| == 6
  const idx2char = ['h', 'i', 'e', 'l', 'o']; // h=0, i=1, e=2, l=3, o=4
  const x_one_hot = [[[1, 0, 0, 0, 0], // h 0
    [0, 1, 0, 0, 0], // i 1
    [1, 0, 0, 0, 0], // h 0
    [0, 0, 1, 0, 0], // e 2
    [0, 0, 0, 1, 0], // l 3
    [0, 0, 0, 1, 0]]]; // l 3
  const y_data = [[1, 0, 2, 3, 3, 4]]; // ihello
  const X = tf.placeholder(tf.float32, [null, sequence_length, input_dim]); // X one-hot
  const Y = tf.placeholder(tf.int32, [null, sequence_length]); // Y label
  const cell = new tf.contrib.rnn.BasicLSTMCell(hidden_size, { state_is_tuple: true });
  const initial_state = cell.zero_state(batch_size, tf.float32);
  const [outputs] = tf.nn.dynamic_rnn(cell, X, { initial_state, dtype: tf.float32 });
  const weights = tf.ones([batch_size, sequence_length]);
  const sequence_loss = tf.contrib.seq2seq.sequence_loss(outputs, Y, weights);
  const loss = tf.reduce_mean(sequence_loss);
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss);
  const prediction = tf.argmax(outputs, { axis: 2 });
  const iterations = opt.quick ? 300 : 2000;
  const every = opt.logEvery ?? 100;
  let l = 0;
  let result!: tf.NDArray;
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < iterations; i++) {
      [l] = sess.run([loss, train], { feed_dict: [[X, x_one_hot], [Y, y_data]] });
      result = sess.run(prediction, { feed_dict: [[X, x_one_hot]] });
      if (shown(i, iterations, every)) print(i, 'loss:', l, 'prediction: ', result, 'true Y: ', y_data);
    }
  });
  // print char using dic
  const result_str = Array.from(result.data, (c) => idx2char[c]);
  print('\tPrediction str: ', result_str.join(''));
  return { loss: l, prediction: result_str.join('') };
}

/** "if you want you": better data creation (char2idx), tf.one_hot inside the graph, GradientDescent. */
export function ifYouWantYou(opt: ExampleOptions, print: Print): { loss: number; prediction: string } {
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const sample = ' if you want you';
  const idx2char = uniqueChars(sample); // index -> char
  const char2idx = new Map(idx2char.map((c, i) => [c, i])); // char -> idx
  // hyper parameters
  const rnn_hidden_size = char2idx.size; // RNN output size
  const num_classes = char2idx.size; // final output size (RNN or softmax, etc.)
  const batch_size = 1; // one sample data, one batch
  const sequence_length = sample.length - 1; // number of lstm unfolding (unit #)
  const sample_idx = [...sample].map((c) => char2idx.get(c)!); // char to index
  const x_data = [sample_idx.slice(0, -1)]; // X data sample (0 ~ n-1) hello: hell
  const y_data = [sample_idx.slice(1)]; // Y label sample (1 ~ n) hello: ello
  const X = tf.placeholder(tf.int32, [null, sequence_length]); // X data
  const Y = tf.placeholder(tf.int32, [null, sequence_length]); // Y label
  const X_one_hot = tf.one_hot(X, num_classes); // one hot: 1 -> 0 1 0 0 0 0 0 0 0 0
  const cell = new tf.contrib.rnn.BasicLSTMCell(rnn_hidden_size, { state_is_tuple: true });
  const initial_state = cell.zero_state(batch_size, tf.float32);
  const [outputs] = tf.nn.dynamic_rnn(cell, X_one_hot, { initial_state, dtype: tf.float32 });
  const weights = tf.ones([batch_size, sequence_length]);
  const sequence_loss = tf.contrib.seq2seq.sequence_loss(outputs, Y, weights);
  const loss = tf.reduce_mean(sequence_loss);
  const train = new tf.train.GradientDescentOptimizer(0.1).minimize(loss);
  const prediction = tf.argmax(outputs, { axis: 2 });
  const iterations = opt.quick ? 1500 : 3000;
  const every = opt.logEvery ?? 250;
  let l = 0;
  let result_str: string[] = [];
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < iterations; i++) {
      [l] = sess.run([loss, train], { feed_dict: [[X, x_data], [Y, y_data]] });
      const result = sess.run(prediction, { feed_dict: [[X, x_data]] }) as tf.NDArray;
      // print char using dic
      result_str = Array.from(result.data, (c) => idx2char[c]);
      if (shown(i, iterations, every)) print(i, 'loss:', l, 'Prediction:', result_str.join(''));
    }
  });
  return { loss: l, prediction: result_str.join('') };
}

/** The really long sentence: 10-char windows, a 2-layer stacked LSTM, a softmax layer, Adam; prints the sentence back. */
export function longSentence(opt: ExampleOptions, print: Print): { loss: number; sentence: string; reconstructed: string } {
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const sentence = "if you want to build a ship, don't drum up people together to " +
    'collect wood and don\'t assign them tasks and work, but rather ' +
    'teach them to long for the endless immensity of the sea.';
  const char_set = uniqueChars(sentence);
  const char_dic = new Map(char_set.map((w, i) => [w, i]));
  const data_dim = char_set.length;
  const hidden_size = char_set.length;
  const num_classes = char_set.length;
  const seq_length = 10; // Any arbitrary number
  void data_dim;

  const dataX: number[][] = [];
  const dataY: number[][] = [];
  for (let i = 0; i < sentence.length - seq_length; i++) {
    const x_str = sentence.slice(i, i + seq_length);
    const y_str = sentence.slice(i + 1, i + seq_length + 1);
    if (i < 4 || i >= sentence.length - seq_length - 2) print(i, x_str, '->', y_str);
    else if (i === 4) print('...');
    dataX.push([...x_str].map((c) => char_dic.get(c)!)); // x str to index
    dataY.push([...y_str].map((c) => char_dic.get(c)!)); // y str to index
  }
  const batch_size = dataX.length;

  const X = tf.placeholder(tf.int32, [null, seq_length]);
  const Y = tf.placeholder(tf.int32, [null, seq_length]);
  // One-hot encoding
  const X_one_hot = tf.one_hot(X, num_classes);
  print(String(X_one_hot)); // check out the shape
  // Make a lstm cell with hidden_size (each unit output vector size); two layers, each its own cell (TF >= 1.1 refuses
  // the slides' `[cell] * 2`; tfgraph would share one cell's weights between the layers)
  const lstm_cell = () => new tf.contrib.rnn.BasicLSTMCell(hidden_size, { state_is_tuple: true });
  const multi_cells = new tf.contrib.rnn.MultiRNNCell([lstm_cell(), lstm_cell()], { state_is_tuple: true });
  // outputs: unfolding size x hidden size, state = hidden size
  let [outputs] = tf.nn.dynamic_rnn(multi_cells, X_one_hot, { dtype: tf.float32 });
  // (optional) softmax layer
  const X_for_softmax = tf.reshape(outputs, [-1, hidden_size]);
  const softmax_w = tf.get_variable('softmax_w', [hidden_size, num_classes]);
  const softmax_b = tf.get_variable('softmax_b', [num_classes]);
  outputs = tf.matmul(X_for_softmax, softmax_w).add(softmax_b);
  // reshape out for sequence_loss
  outputs = tf.reshape(outputs, [batch_size, seq_length, num_classes]);
  // All weights are 1 (equal weights)
  const weights = tf.ones([batch_size, seq_length]);
  const sequence_loss = tf.contrib.seq2seq.sequence_loss(outputs, Y, weights);
  const mean_loss = tf.reduce_mean(sequence_loss);
  const train_op = new tf.train.AdamOptimizer(0.1).minimize(mean_loss);

  const argmaxRows = (results: tf.NDArray): number[][] => {
    const [n, t, k] = results.shape;
    return Array.from({ length: n * t }, (_, r) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (results.data[r * k + c] > results.data[r * k + best]) best = c;
      return best;
    }).reduce<number[][]>((rows, v, idx) => (idx % t === 0 ? [...rows, [v]] : (rows.at(-1)!.push(v), rows)), []);
  };
  const iterations = opt.quick ? 120 : 500;
  const every = opt.logEvery ?? 100;
  let l = 0;
  let reconstructed = '';
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < iterations; i++) {
      let results: tf.NDArray;
      [, l, results] = sess.run([train_op, mean_loss, outputs], { feed_dict: [[X, dataX], [Y, dataY]] });
      if (!shown(i, iterations, every)) continue;
      argmaxRows(results).forEach((index, j) => {
        if (j < 3 || j >= batch_size - 3) print(i, j, index.map((t) => char_set[t]).join(''), l);
      });
    }
    // Let's print the last char of each result to check it works
    const results = sess.run(outputs, { feed_dict: [[X, dataX]] }) as tf.NDArray;
    argmaxRows(results).forEach((index, j) => {
      // print all for the first result to make a sentence
      if (j === 0) reconstructed += index.map((t) => char_set[t]).join('');
      else reconstructed += char_set[index.at(-1)!];
    });
    print(reconstructed);
  });
  return { loss: l, sentence, reconstructed };
}

export interface RnnLstmLabResult {
  basics: ReturnType<typeof basics>;
  hihello: ReturnType<typeof hihello>;
  if_you_want_you: ReturnType<typeof ifYouWantYou>;
  long_sentence: ReturnType<typeof longSentence>;
  stock: ReturnType<typeof stock>;
  seconds: number;
}

export function main(args: string[] = []): RnnLstmLabResult {
  const opt = parseArgs(args);
  const print = makePrint(opt.quiet);
  const t0 = Date.now();
  print(`backend: ${opt.backend}${opt.quick ? ' (quick)' : ''}`);
  // --part NAME runs one part only (basics, hihello, if_you_want_you, long_sentence, stock)
  const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : null;
  const parts = { basics, hihello, if_you_want_you: ifYouWantYou, long_sentence: longSentence, stock };
  if (part !== null && !(part in parts)) throw new Error(`unknown part '${part}': ${Object.keys(parts).join(', ')}`);
  const r: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(parts)) {
    if (part === null || part === name) r[name] = fn(opt, print);
  }
  print(`(${elapsed(t0)} s)`);
  return { ...(r as Omit<RnnLstmLabResult, 'seconds'>), seconds: elapsed(t0) };
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
