// Finite-difference gradient cases of loops (w.r.t. sequences, initial state and captured tensors) and ReverseSequence.
import * as tf from '../../../src/index.ts';
import type { GradCase } from './types.ts';

export const CONTROL_GRADS: GradCase[] = [
  {
    op: 'Loop', name: 'scan tanh RNN: elems, initializer and a captured weight',
    inputs: [{ shape: [4, 3] }, { shape: [3] }, { shape: [3, 3] }],
    build: (xs, h0, W) => tf.scan((h: any, x: any) => tf.tanh(tf.add(tf.reduce_sum(tf.multiply(tf.expand_dims(h, 1), W), 0), x)), xs, { initializer: h0 }),
  },
  {
    op: 'Loop', name: 'reverse scan without initializer',
    inputs: [{ shape: [5, 2] }], build: (xs) => tf.scan((a: any, x: any) => tf.multiply(a, tf.add(x, 2)), xs, { reverse: true }),
  },
  {
    op: 'Loop', name: 'while_loop: three steps of v ← sin(v)·w',
    inputs: [{ shape: [3] }, { shape: [3] }],
    build: (v, w) => (tf.while_loop((i: any) => tf.less(i, 3), (i: any, x: any) => [tf.add(i, 1), tf.multiply(tf.sin(x), w)],
      [tf.constant(0, { dtype: 'int32' }), v]) as any)[1],
  },
  {
    op: 'Loop', name: 'map_fn',
    inputs: [{ shape: [3, 2] }], build: (xs) => tf.map_fn((x: any) => tf.multiply(x, tf.exp(x)), xs),
  },
  {
    op: 'ReverseSequence', name: 'batch-major lengths [3, 1]',
    inputs: [{ shape: [2, 3, 2] }], build: (x) => tf.reverse_sequence(x, [3, 1], { seq_axis: 1, batch_axis: 0 }),
  },
];
