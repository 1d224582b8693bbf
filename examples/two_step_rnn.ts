// The two-step RNN by hand from the rnn_scratch notebook: placeholders, random weights, variable scopes, Session.run.
import * as tf from '../src/index.ts';

export function main(args: string[] = []): void {
  const backend = args.includes('--backend') ? args[args.indexOf('--backend') + 1] : 'wasm';
  tf.reset_default_graph();
  tf.set_random_seed(42);

  const x0 = tf.placeholder(tf.float32, [null, 2]);
  const x1 = tf.placeholder(tf.float32, [null, 2]);
  const Wx = tf.random_normal([2, 3], { seed: 1 });
  const Wy = tf.random_normal([3, 3], { seed: 2 });
  const b = tf.zeros([1, 3]);
  const y0 = tf.tanh(tf.matmul(x0, Wx).add(b));
  const y1 = tf.tanh(tf.matmul(y0, Wy).add(tf.matmul(x1, Wx)).add(b));

  tf.variable_scope('rnn_cell', () => {
    tf.get_variable('W', [6, 4]);
    tf.get_variable('b', [4], { initializer: tf.constant_initializer(0.0) });
  });
  const W = tf.variable_scope('rnn_cell', { reuse: true }, () => tf.get_variable('W', [6, 4]));

  tf.Session.with({ backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    const [v0, v1] = sess.run([y0, y1], {
      feed_dict: [[x0, [[0, 1], [2, 3], [4, 5]]], [x1, [[100, 101], [102, 103], [104, 105]]]],
    });
    console.log(`backend: ${backend}`);
    console.log('y0 =');
    console.log(v0.toString());
    console.log('y1 =');
    console.log(v1.toString());
    console.log(W.name, sess.run(W).shape);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
