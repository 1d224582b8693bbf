// The hihello model through the public API: dynamic_rnn + fully_connected + sequence_loss + Adam learns "ihello";
// the same task with tf.scan also trains.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import type { NDArray } from '../../src/runtime/ndarray.ts';
import { TEST_BACKENDS } from '../helpers.ts';

const idx2char = ['h', 'i', 'e', 'l', 'o'];
const xOneHot = [[[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]]];
const yData = [[1, 0, 2, 3, 3, 4]];
const [batch_size, sequence_length, input_dim, hidden_size, num_classes] = [1, 6, 5, 5, 5];

function decode(pred: NDArray): string {
  return Array.from(pred.data, (c) => idx2char[c]).join('');
}

for (const backend of TEST_BACKENDS) {
  test(`hihello: dynamic_rnn + fully_connected learns "ihello" [${backend}]`, () => {
    tf.reset_default_graph();
    tf.set_random_seed(777);
    const X = tf.placeholder(tf.float32, [null, sequence_length, input_dim]);
    const Y = tf.placeholder(tf.int32, [null, sequence_length]);
    const cell = new tf.contrib.rnn.BasicLSTMCell(hidden_size, { state_is_tuple: true });
    const initial_state = cell.zero_state(batch_size, tf.float32);
    const [outputs] = tf.nn.dynamic_rnn(cell, X, { initial_state, dtype: tf.float32 });
    const logits = tf.contrib.layers.fully_connected(tf.reshape(outputs, [-1, hidden_size]), num_classes, { activation_fn: null });
    const loss = tf.reduce_mean(tf.contrib.seq2seq.sequence_loss(
      tf.reshape(logits, [batch_size, sequence_length, num_classes]), Y, tf.ones([batch_size, sequence_length])));
    const train = new tf.train.AdamOptimizer(0.1).minimize(loss);
    const prediction = tf.argmax(tf.reshape(logits, [batch_size, sequence_length, num_classes]), { axis: 2 });
    const names = tf.trainable_variables().map((v) => v.op.name).join();
    if (names !== 'rnn/basic_lstm_cell/kernel,rnn/basic_lstm_cell/bias,fully_connected/weights,fully_connected/biases') throw new Error(names);
    tf.Session.with({ backend }, (sess) => {
      sess.run(tf.global_variables_initializer());
      let first = 0;
      let last = 0;
      for (let i = 0; i < 60; i++) {
        const [l] = sess.run([loss, train], [[X, xOneHot], [Y, yData]]);
        if (i === 0) first = l;
        last = l;
      }
      const result = decode(sess.run(prediction, [[X, xOneHot]]));
      if (result !== 'ihello') throw new Error(`predicted ${result}, loss ${first} → ${last}`);
      if (!(last < first / 5)) throw new Error(`loss ${first} → ${last}`);
    });
  });
}

test('the same task with a tanh RNN written with tf.scan trains', () => {
  tf.reset_default_graph();
  tf.set_random_seed(1);
  const X = tf.placeholder(tf.float32, [sequence_length, input_dim]);
  const Y = tf.placeholder(tf.int32, [sequence_length]);
  const W = tf.get_variable('W', [input_dim + hidden_size, hidden_size]);
  const b = tf.get_variable('b', [hidden_size], { initializer: tf.zeros_initializer() });
  const states = tf.scan((h: any, x: any) => tf.tanh(tf.add(tf.matmul(tf.expand_dims(tf.concat([x, h], 0), 0), W).get(0), b)),
    X, { initializer: tf.zeros([hidden_size]) });
  const logits = tf.layers.dense(states, num_classes);
  const loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({ labels: Y, logits }));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss);
  const prediction = tf.argmax(logits, { axis: 1 });
  tf.Session.with({ backend: 'wasm' }, (sess) => {
    sess.run(tf.global_variables_initializer());
    for (let i = 0; i < 80; i++) sess.run(train, [[X, xOneHot[0]], [Y, yData[0]]]);
    const result = decode(sess.run(prediction, [[X, xOneHot[0]]]));
    if (result !== 'ihello') throw new Error(`predicted ${result}`);
  });
});

test.run();
