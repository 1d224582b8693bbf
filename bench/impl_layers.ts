// The four workloads as tfjs-layers models (tf.sequential + compile + model.trainOnBatch) with the equivalent layers.
import * as tf from '@tensorflow/tfjs';
import { W1, W2, W3, W4, oneHot, w1Data, w2Data, w3Data, w4Data, type WorkloadId } from './common.ts';

type Step = () => Promise<number>;

function trainer(model: tf.LayersModel, xs: tf.Tensor, ys: tf.Tensor): Step {
  return async () => {
    const l = await model.trainOnBatch(xs, ys);
    return Array.isArray(l) ? l[0] : l;
  };
}

function w1(): Step {
  const { x, y, batch, classes } = w1Data();
  const lstm = (extra: Record<string, unknown>) => tf.layers.lstm({
    units: W1.hidden, returnSequences: true, recurrentActivation: 'sigmoid', unitForgetBias: true, ...extra,
  });
  const model = tf.sequential({
    layers: [lstm({ inputShape: [W1.seq, classes] }), lstm({}), tf.layers.dense({ units: classes, activation: 'softmax' })],
  });
  model.compile({ optimizer: tf.train.adam(W1.lr), loss: 'categoricalCrossentropy' });
  return trainer(model, tf.tensor3d(oneHot(x, classes), [batch, W1.seq, classes]), tf.tensor3d(oneHot(y, classes), [batch, W1.seq, classes]));
}

function w2(): Step {
  const { batch, seq, classes, state } = W2;
  const { x, y } = w2Data();
  const model = tf.sequential({
    layers: [
      tf.layers.simpleRNN({ units: state, activation: 'tanh', returnSequences: true, inputShape: [seq, classes] }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adagrad(W2.lr), loss: 'categoricalCrossentropy' });
  return trainer(model, tf.tensor3d(oneHot(x, classes), [batch, seq, classes]), tf.tensor3d(oneHot(y, classes), [batch, seq, classes]));
}

function w3(): Step {
  const { batch, seq, features, hidden, classes } = W3;
  const { x, y } = w3Data();
  const model = tf.sequential({
    layers: [
      tf.layers.simpleRNN({ units: hidden, activation: 'tanh', inputShape: [seq, features] }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.rmsprop(W3.lr), loss: 'categoricalCrossentropy' });
  return trainer(model, tf.tensor3d(x, [batch, seq, features]), tf.tensor2d(oneHot(y, classes), [batch, classes]));
}

function w4(): Step {
  const { batch, seq, hidden } = W4;
  const { x, y } = w4Data();
  const model = tf.sequential({
    layers: [
      tf.layers.simpleRNN({ units: hidden, activation: 'relu', returnSequences: true, inputShape: [seq, 1] }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(W4.lr), loss: 'meanSquaredError' });
  return trainer(model, tf.tensor3d(x, [batch, seq, 1]), tf.tensor3d(y, [batch, seq, 1]));
}

export const LAYERS: Record<WorkloadId, () => Step> = { W1: w1, W2: w2, W3: w3, W4: w4 };
