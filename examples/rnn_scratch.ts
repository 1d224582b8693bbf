// The RNN_scratch notebook: a two-step RNN by hand, then a sine time series with BasicRNNCell(relu) +
// OutputProjectionWrapper, MSE and Adam, saved with tf.train.Saver and restored in a new session to predict one step ahead.
import { join } from 'node:path';
import * as tf from '../src/index.ts';
import { elapsed, f32array, lossChart, makePrint, parseArgs, RandomState, savePlot, shown, trainingProgress } from './common.ts';

/** np.linspace(start, stop, num) */
function linspace(start: number, stop: number, num: number): number[] {
  return Array.from({ length: num }, (_, i) => (num === 1 ? start : start + ((stop - start) * i) / (num - 1)));
}

class TimeSeriesData {
  xmin: number;
  xmax: number;
  num_points: number;
  resolution: number;
  x_data: number[];
  y_true: number[];
  constructor(num_points: number, xmin: number, xmax: number, readonly random: RandomState) {
    // creates data
    this.xmin = xmin;
    this.xmax = xmax;
    this.num_points = num_points;
    this.resolution = (this.xmax - this.xmin) / this.num_points;
    this.x_data = linspace(this.xmin, this.xmax, this.num_points);
    this.y_true = this.x_data.map(Math.sin);
  }
  ret_true(x_series: number[]): number[] {
    return x_series.map(Math.sin);
  }
  /** Returns [y at t, y at t + 1] as [batch_size, steps, 1] arrays (and the time stamps when asked). */
  next_batch(batch_size: number, steps: number, return_batch_ts = false): [tf.NDArray, tf.NDArray, number[][]?] {
    const xs: number[] = [];
    const ys: number[] = [];
    const batch_ts: number[][] = [];
    for (let b = 0; b < batch_size; b++) {
      // grab random starting point for each batch
      const rand_start = this.random.rand();
      // convert to be on time series
      const ts_start = rand_start * (this.xmax - this.xmin - steps * this.resolution);
      // create batch series : x axis
      const ts = Array.from({ length: steps + 1 }, (_, i) => ts_start + i * this.resolution);
      // create y data for each x axis point
      const y_batch = ts.map(Math.sin);
      xs.push(...y_batch.slice(0, -1));
      ys.push(...y_batch.slice(1));
      batch_ts.push(ts);
    }
    // formatting for RNN: returns at t = t and t = t + 1
    const out: [tf.NDArray, tf.NDArray, number[][]?] = [f32array([batch_size, steps, 1], xs), f32array([batch_size, steps, 1], ys)];
    if (return_batch_ts) out.push(batch_ts);
    return out;
  }
}

export interface RnnScratchResult {
  y0_output_vals: tf.NDArray;
  mse: number[];
  /** predictions of the trained model on the training instance, in the training session (before saving) */
  y_pred_before_save: number[];
  /** the same predictions from the model restored into a new session */
  y_pred: number[];
  /** RMSE of the restored model's one-step-ahead predictions against sin(t + 1) */
  rmse: number;
  checkpoint: string;
  /** the plots written (svg and png paths) */
  plots: string[];
  seconds: number;
}

export function main(args: string[] = []): RnnScratchResult {
  const opt = parseArgs(args);
  const print = makePrint(opt.quiet);
  const t0 = Date.now();
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  print(`backend: ${opt.backend}${opt.quick ? ' (quick)' : ''}`);

  // ---- the two-step RNN by hand ----
  let y0_output_vals!: tf.NDArray;
  {
    const num_inputs = 2;
    const num_neurons = 3;
    const x0 = tf.placeholder(tf.float32, [null, num_inputs]);
    const x1 = tf.placeholder(tf.float32, [null, num_inputs]);
    const Wx = tf.random_normal([num_inputs, num_neurons]);
    const Wy = tf.random_normal([num_neurons, num_neurons]);
    const b = tf.zeros([1, num_neurons]);
    // graphs
    const y0 = tf.tanh(tf.matmul(x0, Wx).add(b));
    // feedback + present
    const y1 = tf.tanh(tf.matmul(y0, Wy).add(tf.matmul(x1, Wx)).add(b));
    // intialize variables
    const init = tf.global_variables_initializer();
    // create data
    // time stamp at t = 0
    const x0_batch = [[0, 1], [2, 3], [4, 5]];
    // time stamp at t = t + 1 = 1
    const x1_batch = [[100, 101], [102, 103], [104, 105]];
    tf.Session.with({ backend: opt.backend }, (sess) => {
      sess.run(init);
      [y0_output_vals] = sess.run([y0, y1], { feed_dict: [[x0, x0_batch], [x1, x1_batch]] });
    });
    print('y0_output_vals');
    print(y0_output_vals);
  }

  // ---- Introduction to RNN using TF API: time series sin(t) ----
  const ts_data = new TimeSeriesData(250, 0, 10, new RandomState(opt.seed));
  const num_timesteps = 30; // number of steps in each batch
  const train_instance = linspace(5, 5 + ts_data.resolution * (num_timesteps + 1), num_timesteps + 1);
  const plots: string[] = [];
  plots.push(...savePlot(opt, 'rnn_scratch_sin', (plt) => plt.plot(ts_data.x_data, ts_data.y_true), print));
  print('train_instance');
  print(f32array([train_instance.length], train_instance));
  plots.push(...savePlot(opt, 'rnn_scratch_training_instance', (plt) => {
    plt.title('Training Instance');
    plt.plot(train_instance.slice(0, -1), ts_data.ret_true(train_instance.slice(0, -1)), 'bo', { markerSize: 15, alpha: 0.5, label: 'INSTANCE' });
    plt.legend();
  }, print));

  // Creating Model using Tensorflow
  // usually necessary when a graph has already been created
  tf.reset_default_graph();
  tf.set_random_seed(opt.seed);
  const num_inputs = 1;
  const num_neurons = 100; // number of neurons in a layer
  const num_outputs = 1;
  const lr = 0.001; // learning rate
  const batch_size = 1;
  const num_train_iterations = opt.quick ? 300 : 2000; // 2000 steps
  const X = tf.placeholder(tf.float32, [null, num_timesteps, num_inputs]);
  const Y = tf.placeholder(tf.float32, [null, num_timesteps, num_outputs]);
  // Recurrent Neural Network Cell Layer
  let cell: any = new tf.contrib.rnn.BasicRNNCell(num_neurons, { activation: tf.nn.relu });
  // output projection wrapper
  cell = new tf.contrib.rnn.OutputProjectionWrapper(cell, num_outputs);
  const [outputs] = tf.nn.dynamic_rnn(cell, X, { dtype: tf.float32 });
  // MSE
  const loss = tf.reduce_mean(tf.square(outputs.sub(Y)));
  // optimizer - adam
  const optimizer = new tf.train.AdamOptimizer(lr);
  // optimizer minimzes the loss calculated above
  const train = optimizer.minimize(loss);
  // initialize all variables
  const init = tf.global_variables_initializer();
  const saver = new tf.train.Saver(); // saves model
  const checkpoint = join(opt.out, 'checkpoints', 'rnn_time_series_codealong');

  const X_new = f32array([1, num_timesteps, num_inputs], train_instance.slice(0, -1).map(Math.sin));
  const mses: number[] = [];
  let y_pred_before_save: number[] = [];
  tf.Session.with({ backend: opt.backend }, (sess) => {
    sess.run(init);
    const bar = trainingProgress(opt, num_train_iterations, 'rnn_scratch');
    for (let iteration = 0; iteration < num_train_iterations; iteration++) {
      const [X_batch, Y_batch] = ts_data.next_batch(batch_size, num_timesteps);
      sess.run(train, { feed_dict: [[X, X_batch], [Y, Y_batch]] });
      if (shown(iteration, Infinity, 100)) {
        const mse = loss.eval([[X, X_batch], [Y, Y_batch]]) as number;
        mses.push(mse);
        print(iteration, '\tMSE', mse);
        bar.tick({ loss: mse }, 0);
      }
      bar.tick();
    }
    bar.done();
    lossChart(opt, mses, 'MSE');
    y_pred_before_save = Array.from((sess.run(outputs, [[X, X_new]]) as tf.NDArray).data);
    saver.save(sess, checkpoint);
  });

  // Testing Model: a new session restores the trained variables and predicts one step ahead
  let y_pred: tf.NDArray | undefined;
  tf.Session.with({ backend: opt.backend }, (sess) => {
    saver.restore(sess, checkpoint);
    print(`INFO:tensorflow:Restoring parameters from ${checkpoint}`);
    y_pred = sess.run(outputs, { feed_dict: [[X, X_new]] });
  });
  const pred = Array.from(y_pred!.data);
  const target = ts_data.ret_true(train_instance.slice(1));
  const rmse = Math.sqrt(pred.reduce((s, p, i) => s + (p - target[i]) ** 2, 0) / pred.length);
  plots.push(...savePlot(opt, 'rnn_scratch_model_testing', (plt) => {
    plt.title('Model Testing');
    // training instance
    plt.plot(train_instance.slice(0, -1), train_instance.slice(0, -1).map(Math.sin), 'bo', { markerSize: 15, alpha: 0.5, label: 'Training Instance' });
    // ground truth values (np.sin(training instance))
    plt.plot(train_instance.slice(1), train_instance.slice(1).map(Math.sin), 'ko', { markerSize: 10, label: 'Target' });
    // models prediction
    plt.plot(train_instance.slice(1), pred, 'r.', { markerSize: 10, label: 'Predictions' });
    plt.xlabel('TIME');
    plt.legend();
  }, print));
  print('y_pred[0, :, 0]');
  print(f32array([pred.length], pred));
  print(`one-step-ahead RMSE on the training instance: ${rmse.toFixed(4)} (${elapsed(t0)} s)`);

  // testing_model(steps): trains from scratch for `steps` iterations, saves, restores and predicts (full runs only)
  const testing_model = (steps: number): tf.NDArray => {
    const batch_size = 1;
    tf.Session.with({ backend: opt.backend }, (sess) => {
      sess.run(init);
      for (let iteration = 0; iteration < steps; iteration++) {
        const [X_batch, Y_batch] = ts_data.next_batch(batch_size, num_timesteps);
        sess.run(train, { feed_dict: [[X, X_batch], [Y, Y_batch]] });
      }
      saver.save(sess, checkpoint);
    });
    return tf.Session.with({ backend: opt.backend }, (sess) => {
      saver.restore(sess, checkpoint);
      print(`INFO:tensorflow:Restoring parameters from ${checkpoint}`);
      return sess.run(outputs, { feed_dict: [[X, X_new]] }) as tf.NDArray;
    });
  };
  if (!opt.quick) {
    for (let step = 100; step <= 2000; step += 100) {
      const y_pred_step = testing_model(step);
      print(`(${y_pred_step.shape.join(', ')})`);
      print(step);
    }
  }
  return { y0_output_vals, mse: mses, y_pred_before_save, y_pred: pred, rmse, checkpoint, plots, seconds: elapsed(t0) };
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
