// Finite-difference gradient cases of the array ops.
import * as tf from '../../../src/index.ts';
import { makeOp } from '../../../src/ops/registry.ts';
import type { GradCase } from './types.ts';

/** Hides a static shape (as a run-time-shaped input would), so the gradients' dynamic paths run. */
const dyn = (x: tf.Tensor) => tf.placeholder_with_default(x, (x.staticShape ?? []).map(() => null));

export const ARRAY_GRADS: GradCase[] = [
  { op: 'Reshape', name: 'to a -1 shape', inputs: [{ shape: [2, 3] }], build: (x) => tf.reshape(x, [3, -1]) },
  { op: 'ExpandDims', name: 'negative axis', inputs: [{ shape: [2, 3] }], build: (x) => tf.expand_dims(x, -1) },
  { op: 'Squeeze', name: 'listed axis', inputs: [{ shape: [2, 1, 3] }], build: (x) => tf.squeeze(x, { axis: [-2] }) },
  { op: 'Squeeze', name: 'all unit dims', inputs: [{ shape: [1, 3, 1] }], build: (x) => tf.squeeze(x) },
  { op: 'ReverseV2', name: 'two axes', inputs: [{ shape: [2, 3, 2] }], build: (x) => tf.reverse(x, [0, -1]) },
  { op: 'Transpose', name: 'default perm', inputs: [{ shape: [2, 3] }], build: (x) => tf.transpose(x) },
  { op: 'Transpose', name: '3-D perm', inputs: [{ shape: [2, 3, 4] }], build: (x) => tf.transpose(x, [1, 2, 0]) },
  {
    op: 'Transpose', name: 'run-time perm', inputs: [{ shape: [2, 3, 4] }],
    build: (x) => tf.reshape(tf.transpose(x, tf.add(tf.constant([1, 2, 0], { dtype: 'int32' }), 0)), [3, 4, 2]),
  },
  { op: 'Pack', name: 'axis 0', inputs: [{ shape: [2, 3] }, { shape: [2, 3] }], build: (a, b) => tf.stack([a, b]) },
  { op: 'Pack', name: 'negative axis', inputs: [{ shape: [2, 3] }, { shape: [2, 3] }, { shape: [2, 3] }], build: (a, b, c) => tf.stack([a, b, c], { axis: -1 }) },
  { op: 'Unpack', name: 'all outputs', inputs: [{ shape: [3, 2] }], build: (x) => tf.stack(tf.unstack(x, { axis: 1 }), { axis: 0 }) },
  {
    op: 'Unpack', name: 'unused outputs (zeros)', inputs: [{ shape: [3, 2, 2] }],
    build: (x) => tf.multiply(tf.unstack(x, { axis: -2 })[1], 2),
  },
  {
    op: 'ConcatV2', name: 'axis 0', inputs: [{ shape: [2, 3] }, { shape: [1, 3] }],
    build: (a, b) => tf.concat([a, b], 0),
  },
  {
    op: 'ConcatV2', name: 'negative axis, three inputs', inputs: [{ shape: [2, 1] }, { shape: [2, 3] }, { shape: [2, 2] }],
    build: (a, b, c) => tf.concat([a, b, c], -1),
  },
  {
    op: 'ConcatV2', name: 'unknown dims', inputs: [{ shape: [2, 3] }, { shape: [2, 2] }],
    build: (a, b) => tf.reshape(tf.concat([dyn(a), b], 1), [2, 5]),
  },
  { op: 'Split', name: 'equal parts', inputs: [{ shape: [4, 3] }], build: (x) => tf.concat(tf.split(x, 2), 1) },
  {
    op: 'Split', name: 'negative axis, one unused part', inputs: [{ shape: [2, 6] }],
    build: (x) => { const p = tf.split(x, 3, { axis: -1 }); return tf.add(p[0], tf.multiply(p[2], 3)); },
  },
  {
    op: 'SplitV', name: 'sizes with -1', inputs: [{ shape: [2, 6] }],
    build: (x) => { const p = tf.split(x, [1, -1, 2], { axis: 1 }); return tf.concat([p[2], p[0]], 1); },
  },
  {
    op: 'Select', name: 'same-shape condition', inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b) => tf.where(tf.constant([[true, false, true], [false, false, true]]), a, b),
  },
  {
    op: 'Select', name: 'row condition', inputs: [{ shape: [2, 3] }, { shape: [2, 3] }],
    build: (a, b) => tf.where(tf.constant([false, true]), a, b),
  },
  { op: 'Fill', name: 'scalar value', inputs: [{ shape: [] }], build: (v) => tf.fill([2, 3], v) },
  { op: 'Tile', name: 'static multiples', inputs: [{ shape: [2, 3] }], build: (x) => tf.tile(x, [2, 3]) },
  { op: 'Tile', name: 'scalar', inputs: [{ shape: [] }], build: (x) => tf.tile(x, []) },
  {
    op: 'Tile', name: 'run-time shapes', inputs: [{ shape: [2, 1, 3] }],
    build: (x) => tf.reshape(tf.tile(dyn(x), tf.add(tf.constant([1, 4, 2], { dtype: 'int32' }), 0)), [2, 4, 6]),
  },
  { op: 'Slice', name: 'static box', inputs: [{ shape: [3, 4] }], build: (x) => tf.slice(x, [1, 1], [2, -1]) },
  {
    op: 'Slice', name: 'run-time shapes', inputs: [{ shape: [3, 4, 2] }],
    build: (x) => tf.reshape(tf.slice(dyn(x), [1, 0, 1], [-1, 3, 1]), [2, 3, 1]),
  },
  { op: 'Pad', name: 'constant zeros', inputs: [{ shape: [2, 3] }], build: (x) => tf.pad(x, [[1, 0], [2, 1]]) },
  {
    op: 'Pad', name: 'run-time paddings', inputs: [{ shape: [2, 3] }],
    build: (x) => tf.reshape(tf.pad(dyn(x), tf.add(tf.constant([[1, 0], [2, 1]], { dtype: 'int32' }), 0)), [3, 6]),
  },
  { op: 'PadV2', name: 'constant value', inputs: [{ shape: [2, 3] }], build: (x) => tf.pad(x, [[0, 1], [1, 1]], { constant_values: 2 }) },
  { op: 'MirrorPad', name: 'REFLECT', inputs: [{ shape: [3, 4] }], build: (x) => tf.pad(x, [[2, 1], [1, 3]], { mode: 'REFLECT' }) },
  { op: 'MirrorPad', name: 'SYMMETRIC', inputs: [{ shape: [2, 3] }], build: (x) => tf.pad(x, [[2, 1], [0, 3]], { mode: 'SYMMETRIC' }) },
  {
    op: 'MirrorPadGrad', name: 'folds REFLECT borders', inputs: [{ shape: [6, 6] }],
    build: (g) => makeOp('MirrorPadGrad', [g, tf.constant([[2, 1], [1, 2]], { dtype: 'int32' })], { mode: 'REFLECT' }).outputs[0],
  },
  { op: 'StridedSlice', name: 'x[:, -1] (shrink)', inputs: [{ shape: [3, 4] }], build: (x) => x.get(':', -1) },
  { op: 'StridedSlice', name: 'x[1:, ::2]', inputs: [{ shape: [3, 5] }], build: (x) => x.get('1:', '::2') },
  { op: 'StridedSlice', name: 'negative steps', inputs: [{ shape: [5, 4] }], build: (x) => x.get('::-2', '3:0:-1') },
  { op: 'StridedSlice', name: 'ellipsis and new axis', inputs: [{ shape: [2, 3, 4] }], build: (x) => x.get('...', null, 1) },
  {
    op: 'StridedSlice', name: 'run-time shape', inputs: [{ shape: [3, 4] }],
    build: (x) => tf.reshape(dyn(x).get('::2', -2), [2]),
  },
  {
    op: 'StridedSliceGrad', name: 'scatter of x[::2, 1]', inputs: [{ shape: [2] }],
    build: (dy) => makeOp('StridedSliceGrad', [tf.constant([3, 4], { dtype: 'int32' }), tf.constant([0, 1], { dtype: 'int32' }),
      tf.constant([0, 2], { dtype: 'int32' }), tf.constant([2, 1], { dtype: 'int32' }), dy],
    { begin_mask: 1, end_mask: 1, ellipsis_mask: 0, new_axis_mask: 0, shrink_axis_mask: 2 }).outputs[0],
  },
  { op: 'GatherV2', name: 'axis 0, repeated indices', inputs: [{ shape: [4, 3] }], build: (x) => tf.gather(x, [2, 0, 2]) },
  {
    op: 'GatherV2', name: 'axis 1, 2-D indices', inputs: [{ shape: [2, 4, 3] }],
    build: (x) => tf.gather(x, [[3, 1], [1, 1]], { axis: 1 }),
  },
  { op: 'GatherV2', name: 'axis -1', inputs: [{ shape: [2, 3] }], build: (x) => tf.gather(x, [2, 2, 0], { axis: -1 }) },
  {
    op: 'GatherV2', name: 'run-time params shape', inputs: [{ shape: [3, 4, 2] }],
    build: (x) => tf.reshape(tf.gather(dyn(x), [3, 0], { axis: 1 }), [3, 2, 2]),
  },
  {
    op: 'UnsortedSegmentSum', name: 'repeated and dropped ids', inputs: [{ shape: [4, 2] }],
    build: (x) => tf.unsorted_segment_sum(x, [2, 0, 2, 1], 3),
  },
];
