// hihello (issue 6's program) with the builder API: a BasicLSTMCell learns "hihell" → "ihello"; the twin of hihello.tfpy.
import * as tf from '../src/index.ts';

const idx2char = ['h', 'i', 'e', 'l', 'o'];
const x_one_hot = [[[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0],
  [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]]];
const y_data = [[1, 0, 2, 3, 3, 4]];

/** Builds the model exactly as the .tfpy program does (same ops, same names). */
export function build() {
  tf.set_random_seed(777);
  const X = tf.placeholder(tf.float32, [null, 6, 5]);
  const Y = tf.placeholder(tf.int32, [null, 6]);
  const cell = new tf.contrib.rnn.BasicLSTMCell(5, { state_is_tuple: true });
  const [outputs] = tf.nn.dynamic_rnn(cell, X, { initial_state: cell.zero_state(1, tf.float32), dtype: tf.float32 });
  const weights = tf.ones([1, 6]);
  const loss = tf.reduce_mean(tf.contrib.seq2seq.sequence_loss(outputs, Y, weights));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss);
  const prediction = tf.argmax(outputs, { axis: 2 });
  return { X, Y, loss, train, prediction };
}

export function main(args: string[] = []): { losses: number[]; prediction: string } {
  const backend = args.includes('--backend') ? args[args.indexOf('--backend') + 1] : 'wasm';
  const steps = args.includes('--steps') ? Number(args[args.indexOf('--steps') + 1]) : args.includes('--quick') ? 401 : 2000;
  tf.reset_default_graph();
  const { X, Y, loss, train, prediction } = build();
  const losses: number[] = [];
  let text = '';
  tf.Session.with({ backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < steps; i++) {
      const [l] = sess.run([loss, train], [[X, x_one_hot], [Y, y_data]]);
      losses.push(l);
      const result = sess.run(prediction, [[X, x_one_hot]]);
      text = Array.from(result.data as Int32Array, (c) => idx2char[c]).join('');
      if (i % 200 === 0 && !args.includes('--quiet')) console.log(i, 'loss:', l, 'prediction:', text);
    }
  });
  return { losses, prediction: text };
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
