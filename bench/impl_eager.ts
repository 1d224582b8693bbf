// The four workloads as hand-written eager tfjs: tf.tidy via optimizer.minimize, fused matmuls, inputs pre-split per step on the host.
// (wasm's _FusedMatMul takes only a rank-1 bias, so the recurrent term is added outside the fused input projection.)
import * as tf from '@tensorflow/tfjs';
import { W1, W2, W3, W4, oneHot, timeSlice, w1Data, w2Data, w3Data, w4Data, type WorkloadId } from './common.ts';

type Step = () => number;

function glorot(shape: [number, number], seed: number): tf.Variable {
  const limit = Math.sqrt(6 / (shape[0] + shape[1]));
  return tf.variable(tf.randomUniform(shape, -limit, limit, 'float32', seed));
}
const zerosVar = (n: number) => tf.variable(tf.zeros([n]));

/** Per-time-step [B, D] tensors of a [B, T, D] host array (the data pipeline's job, done once). */
function splitSteps(data: Float32Array, B: number, T: number, D: number): tf.Tensor2D[] {
  return Array.from({ length: T }, (_, t) => tf.tensor2d(timeSlice(data, B, T, D, t), [B, D]));
}

/** Time-major [T*B, D] labels so they line up with the concatenated per-step outputs. */
function timeMajor(data: Float32Array, B: number, T: number, D: number): tf.Tensor2D {
  const out = new Float32Array(B * T * D);
  for (let t = 0; t < T; t++) out.set(timeSlice(data, B, T, D, t), t * B * D);
  return tf.tensor2d(out, [T * B, D]);
}

function trainer(opt: tf.Optimizer, vars: tf.Variable[], lossFn: () => tf.Scalar): Step {
  return () => {
    const cost = opt.minimize(lossFn, true, vars)!;
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
}

function w1(): Step {
  const { x, y, batch, classes } = w1Data();
  const H = W1.hidden;
  const xs = splitSteps(oneHot(x, classes), batch, W1.seq, classes);
  const labels = timeMajor(oneHot(y, classes), batch, W1.seq, classes);
  // Each BasicLSTMCell's kernel [in+H, 4H] is kept as its input and recurrent halves.
  const layers = [classes, H].map((inDim, l) => ({
    kx: glorot([inDim, 4 * H], 10 + l), kh: glorot([H, 4 * H], 20 + l), b: zerosVar(4 * H),
  }));
  const wd = glorot([H, classes], 30);
  const bd = zerosVar(classes);
  const zeros = tf.zeros([batch, H]);
  const forget = tf.scalar(1);
  const lossFn = () => {
    let inputs: tf.Tensor2D[] = xs;
    for (const { kx, kh, b } of layers) {
      let h: tf.Tensor2D = zeros as tf.Tensor2D;
      let c: tf.Tensor2D = zeros as tf.Tensor2D;
      const outs: tf.Tensor2D[] = [];
      for (const xt of inputs) {
        const z = tf.add(tf.matMul(h, kh), tf.fused.matMul({ a: xt, b: kx, bias: b }));
        const [i, j, f, o] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(c, tf.sigmoid(tf.add(f, forget))), tf.mul(tf.sigmoid(i), tf.tanh(j)));
        h = tf.mul(tf.tanh(c), tf.sigmoid(o));
        outs.push(h);
      }
      inputs = outs;
    }
    const logits = tf.fused.matMul({ a: tf.concat(inputs, 0), b: wd, bias: bd });
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  };
  return trainer(tf.train.adam(W1.lr), [...layers.flatMap((l) => [l.kx, l.kh, l.b]), wd, bd], lossFn);
}

function w2(): Step {
  const { batch, seq, classes, state } = W2;
  const { x, y } = w2Data();
  const xs = splitSteps(oneHot(x, classes), batch, seq, classes);
  const labels = timeMajor(oneHot(y, classes), batch, seq, classes);
  const wx = glorot([classes, state], 1);
  const wh = glorot([state, state], 2);
  const b = zerosVar(state);
  const ws = glorot([state, classes], 3);
  const bs = zerosVar(classes);
  const h0 = tf.zeros([batch, state]) as tf.Tensor2D;
  const lossFn = () => {
    let h = h0;
    const outs = xs.map((xt) => (h = tf.tanh(tf.add(tf.matMul(h, wh), tf.fused.matMul({ a: xt, b: wx, bias: b })))));
    const logits = tf.fused.matMul({ a: tf.concat(outs, 0), b: ws, bias: bs });
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  };
  return trainer(tf.train.adagrad(W2.lr), [wx, wh, b, ws, bs], lossFn);
}

function w3(): Step {
  const { batch, seq, features, hidden, classes } = W3;
  const { x, y } = w3Data();
  const xs = splitSteps(x, batch, seq, features);
  const labels = tf.tensor2d(oneHot(y, classes), [batch, classes]);
  const wx = glorot([features, hidden], 1);
  const wh = glorot([hidden, hidden], 2);
  const b = zerosVar(hidden);
  const wd = glorot([hidden, classes], 3);
  const bd = zerosVar(classes);
  const h0 = tf.zeros([batch, hidden]) as tf.Tensor2D;
  const lossFn = () => {
    let h = h0;
    for (const xt of xs) h = tf.tanh(tf.add(tf.matMul(h, wh), tf.fused.matMul({ a: xt, b: wx, bias: b })));
    const logits = tf.fused.matMul({ a: h, b: wd, bias: bd });
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  };
  return trainer(tf.train.rmsprop(W3.lr), [wx, wh, b, wd, bd], lossFn);
}

function w4(): Step {
  const { batch, seq, hidden } = W4;
  const { x, y } = w4Data();
  const xs = splitSteps(x, batch, seq, 1);
  const target = tf.tensor2d(y, [seq * batch, 1]);
  const wx = glorot([1, hidden], 1);
  const wh = glorot([hidden, hidden], 2);
  const b = zerosVar(hidden);
  const wo = glorot([hidden, 1], 3);
  const bo = zerosVar(1);
  const h0 = tf.zeros([batch, hidden]) as tf.Tensor2D;
  const lossFn = () => {
    let h = h0;
    const outs = xs.map((xt) => (h = tf.relu(tf.add(tf.matMul(h, wh), tf.fused.matMul({ a: xt, b: wx, bias: b })))));
    const pred = tf.fused.matMul({ a: tf.concat(outs, 0), b: wo, bias: bo });
    return tf.losses.meanSquaredError(target, pred) as tf.Scalar;
  };
  return trainer(tf.train.adam(W4.lr), [wx, wh, b, wo, bo], lossFn);
}

export const EAGER: Record<WorkloadId, () => Step> = { W1: w1, W2: w2, W3: w3, W4: w4 };
