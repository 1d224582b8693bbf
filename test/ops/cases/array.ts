// Forward cases of the array ops (hand-computed values).
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

const M23 = () => tf.constant([[1, 2, 3], [4, 5, 6]]);
const I23 = () => tf.constant([[1, 2, 3], [4, 5, 6]], { dtype: 'int32' });
const X234 = () => tf.constant([
  [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]],
  [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]],
]);
const ph = (shape: (number | null)[] | null, dtype = 'float32') => tf.placeholder(dtype, shape, { name: 'p' });
const feedP = (v: unknown) => () => [['p:0', v]] as [unknown, unknown][];

export const ARRAY_CASES: OpCase[] = [
  // Reshape
  { op: 'Reshape', name: 'to 3x2', build: () => tf.reshape(M23(), [3, 2]), expect: [[1, 2], [3, 4], [5, 6]] },
  { op: 'Reshape', name: 'one -1', build: () => tf.reshape(M23(), [-1, 2]), expect: [[1, 2], [3, 4], [5, 6]] },
  { op: 'Reshape', name: 'flatten int32', build: () => tf.reshape(I23(), [-1]), expect: [1, 2, 3, 4, 5, 6], dtype: 'int32' },
  { op: 'Reshape', name: 'to scalar', build: () => tf.reshape(tf.constant([7]), []), expect: 7 },
  {
    op: 'Reshape', name: 'unknown batch with -1', build: () => tf.reshape(ph([null, 2]), [-1]),
    feed: feedP([[1, 2], [3, 4], [5, 6]]), expect: [1, 2, 3, 4, 5, 6],
  },
  {
    op: 'Reshape', name: 'dynamic shape from tf.shape', build: () => tf.reshape(tf.constant([1, 2, 3, 4]), tf.shape(ph([null, 2]))),
    feed: feedP([[0, 0], [0, 0]]), expect: [[1, 2], [3, 4]],
  },
  // Transpose
  { op: 'Transpose', name: 'default reverses dims', build: () => tf.transpose(M23()), expect: [[1, 4], [2, 5], [3, 6]] },
  {
    op: 'Transpose', name: 'perm [1,0,2]', build: () => tf.transpose(X234(), [1, 0, 2]),
    expect: [[[0, 1, 2, 3], [12, 13, 14, 15]], [[4, 5, 6, 7], [16, 17, 18, 19]], [[8, 9, 10, 11], [20, 21, 22, 23]]],
  },
  {
    op: 'Transpose', name: 'unknown rank default perm', build: () => tf.transpose(ph(null)),
    feed: feedP([[1, 2, 3], [4, 5, 6]]), expect: [[1, 4], [2, 5], [3, 6]],
  },
  // ConcatV2
  { op: 'ConcatV2', name: 'axis 0', build: () => tf.concat([M23(), tf.constant([[7, 8, 9]])], 0), expect: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] },
  { op: 'ConcatV2', name: 'axis -1', build: () => tf.concat([M23(), tf.constant([[0], [1]])], -1), expect: [[1, 2, 3, 0], [4, 5, 6, 1]] },
  {
    op: 'ConcatV2', name: 'unknown batch', build: () => tf.concat([ph([null, 1]), ph2()], 1),
    feed: () => [['p:0', [[1], [2]]], ['q:0', [[3, 4], [5, 6]]]], expect: [[1, 3, 4], [2, 5, 6]],
  },
  // Pack
  { op: 'Pack', name: 'axis 0', build: () => tf.stack([tf.constant([1, 2]), tf.constant([3, 4])]), expect: [[1, 2], [3, 4]] },
  { op: 'Pack', name: 'axis -1', build: () => tf.stack([tf.constant([1, 2]), tf.constant([3, 4]), tf.constant([5, 6])], { axis: -1 }), expect: [[1, 3, 5], [2, 4, 6]] },
  { op: 'Pack', name: 'scalars int32', build: () => tf.stack([tf.constant(1, { dtype: 'int32' }), tf.constant(2, { dtype: 'int32' })], { axis: 0 }), expect: [1, 2], dtype: 'int32' },
  // Unpack
  { op: 'Unpack', name: 'axis 0', build: () => tf.unstack(M23()), expect: [[1, 2, 3], [4, 5, 6]] },
  { op: 'Unpack', name: 'axis -1', build: () => tf.unstack(M23(), { axis: -1 }), expect: [[1, 4], [2, 5], [3, 6]] },
  {
    op: 'Unpack', name: 'unknown batch along axis 1', build: () => tf.unstack(ph([null, 2]), { axis: 1 }),
    feed: feedP([[1, 2], [3, 4], [5, 6]]), expect: [[1, 3, 5], [2, 4, 6]],
  },
  // Split / SplitV
  { op: 'Split', name: 'three equal parts', build: () => tf.split(tf.constant([1, 2, 3, 4, 5, 6]), 3), expect: [[1, 2], [3, 4], [5, 6]] },
  { op: 'Split', name: 'axis -1', build: () => tf.split(tf.constant([[1, 2, 3, 4], [5, 6, 7, 8]]), 2, { axis: -1 }), expect: [[[1, 2], [5, 6]], [[3, 4], [7, 8]]] },
  { op: 'SplitV', name: 'sizes', build: () => tf.split(tf.constant([1, 2, 3, 4, 5, 6]), [1, 2, 3]), expect: [[1], [2, 3], [4, 5, 6]] },
  { op: 'SplitV', name: 'one -1 size, axis 1', build: () => tf.split(M23(), [-1, 1], { axis: 1 }), expect: [[[1, 2], [4, 5]], [[3], [6]]] },
  {
    op: 'SplitV', name: 'unknown dim with -1', build: () => tf.split(ph([null]), [2, -1]),
    feed: feedP([1, 2, 3, 4, 5]), expect: [[1, 2], [3, 4, 5]],
  },
  // Slice
  { op: 'Slice', name: 'box', build: () => tf.slice(M23(), [0, 1], [2, 2]), expect: [[2, 3], [5, 6]] },
  { op: 'Slice', name: 'size -1 to the end', build: () => tf.slice(X234(), [1, 1, 2], [-1, -1, 1]), expect: [[[18], [22]]] },
  {
    op: 'Slice', name: 'unknown batch', build: () => tf.slice(ph([null, 3]), [1, 0], [-1, 2]),
    feed: feedP([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), expect: [[4, 5], [7, 8]],
  },
  // StridedSlice
  {
    op: 'StridedSlice', name: 'x[:, -1] drops the axis', build: () => X234().get(':', -1),
    expect: [[8, 9, 10, 11], [20, 21, 22, 23]],
  },
  { op: 'StridedSlice', name: 'x[:, -1:] keeps it', build: () => X234().get(':', '-1:'), expect: [[[8, 9, 10, 11]], [[20, 21, 22, 23]]] },
  { op: 'StridedSlice', name: 'negative step', build: () => tf.constant([1, 2, 3, 4, 5]).get('::-2'), expect: [5, 3, 1] },
  { op: 'StridedSlice', name: 'ellipsis and new axis', build: () => M23().get('...', null, 1), expect: [[2], [5]] },
  { op: 'StridedSlice', name: 'int32 with step 2', build: () => I23().get(1, '::2'), expect: [4, 6], dtype: 'int32' },
  {
    op: 'StridedSlice', name: 'tf.strided_slice with masks', build: () => tf.strided_slice(X234(), [0, 1, 0], [0, 3, 4], [1, 1, 3], { begin_mask: 1, end_mask: 1 }),
    expect: [[[4, 7], [8, 11]], [[16, 19], [20, 23]]],
  },
  {
    op: 'StridedSlice', name: 'unknown batch', build: () => ph([null, 3]).get(':', 1),
    feed: feedP([[1, 2, 3], [4, 5, 6]]), expect: [2, 5],
  },
  // GatherV2
  { op: 'GatherV2', name: 'rows', build: () => tf.gather(M23(), [1, 0, 1]), expect: [[4, 5, 6], [1, 2, 3], [4, 5, 6]] },
  { op: 'GatherV2', name: 'axis 1 with 2-D indices', build: () => tf.gather(M23(), [[2, 0]], { axis: 1 }), expect: [[[3, 1]], [[6, 4]]] },
  { op: 'GatherV2', name: 'axis -1 scalar index', build: () => tf.gather(I23(), 1, { axis: -1 }), expect: [2, 5], dtype: 'int32' },
  {
    op: 'GatherV2', name: 'unknown indices shape', build: () => tf.gather(tf.constant([10, 20, 30]), ph([null], 'int32')),
    feed: feedP([2, 2, 0]), expect: [30, 30, 10],
  },
  // OneHot
  { op: 'OneHot', name: 'default float32, out of range all off', build: () => tf.one_hot([0, 2, -1, 3], 3), expect: [[1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]], dtype: 'float32' },
  { op: 'OneHot', name: 'axis 0 with on/off', build: () => tf.one_hot([1, 0], 3, { on_value: 5, off_value: -1, axis: 0 }), expect: [[-1, 5], [5, -1], [-1, -1]] },
  { op: 'OneHot', name: 'int32 dtype 2-D', build: () => tf.one_hot([[1], [0]], 2, { dtype: 'int32' }), expect: [[[0, 1]], [[1, 0]]], dtype: 'int32' },
  {
    op: 'OneHot', name: 'unknown batch', build: () => tf.one_hot(ph([null], 'int32'), 2),
    feed: feedP([1, 1]), expect: [[0, 1], [0, 1]],
  },
  // ExpandDims
  { op: 'ExpandDims', name: 'axis 0', build: () => tf.expand_dims(tf.constant([1, 2]), 0), expect: [[1, 2]] },
  { op: 'ExpandDims', name: 'axis -1', build: () => tf.expand_dims(tf.constant([1, 2]), -1), expect: [[1], [2]] },
  {
    op: 'ExpandDims', name: 'unknown batch', build: () => tf.expand_dims(ph([null, 2]), 1),
    feed: feedP([[1, 2]]), expect: [[[1, 2]]],
  },
  // Squeeze
  { op: 'Squeeze', name: 'all size-1 dims', build: () => tf.squeeze(tf.constant([[[1], [2]]])), expect: [1, 2] },
  { op: 'Squeeze', name: 'listed negative axis', build: () => tf.squeeze(tf.constant([[[1], [2]]]), { axis: [-1] }), expect: [[1, 2]] },
  {
    op: 'Squeeze', name: 'unknown batch', build: () => tf.squeeze(ph([null, 1]), { axis: 1 }),
    feed: feedP([[1], [2], [3]]), expect: [1, 2, 3],
  },
  // Tile
  { op: 'Tile', name: '2-D', build: () => tf.tile(tf.constant([[1, 2]]), [2, 2]), expect: [[1, 2, 1, 2], [1, 2, 1, 2]] },
  {
    op: 'Tile', name: 'unknown batch', build: () => tf.tile(ph([null]), [3]),
    feed: feedP([1, 2]), expect: [1, 2, 1, 2, 1, 2],
  },
  // Pad / PadV2 / MirrorPad
  { op: 'Pad', name: 'zeros around', build: () => tf.pad(tf.constant([[1, 2]]), [[1, 0], [0, 1]]), expect: [[0, 0, 0], [1, 2, 0]] },
  { op: 'PadV2', name: 'constant_values', build: () => tf.pad(tf.constant([1, 2]), [[1, 2]], { constant_values: 9 }), expect: [9, 1, 2, 9, 9] },
  { op: 'MirrorPad', name: 'REFLECT', build: () => tf.pad(tf.constant([1, 2, 3]), [[2, 1]], { mode: 'REFLECT' }), expect: [3, 2, 1, 2, 3, 2] },
  { op: 'MirrorPad', name: 'SYMMETRIC', build: () => tf.pad(tf.constant([1, 2, 3]), [[2, 1]], { mode: 'SYMMETRIC' }), expect: [2, 1, 1, 2, 3, 3] },
  // Shape / Size / Rank
  { op: 'Shape', name: 'unknown dims', build: () => tf.shape(ph([null, 3])), feed: feedP([[1, 2, 3], [4, 5, 6]]), expect: [2, 3], dtype: 'int32' },
  { op: 'Size', name: 'unknown dims', build: () => tf.size(ph([null, 3])), feed: feedP([[1, 2, 3], [4, 5, 6]]), expect: 6, dtype: 'int32' },
  { op: 'Rank', name: 'unknown rank', build: () => tf.rank(ph(null)), feed: feedP([[[1]]]), expect: 3, dtype: 'int32' },
  // Select / Where
  {
    op: 'Select', name: 'same shape', build: () => tf.where(tf.constant([[true, false], [false, true]]), tf.constant([[1, 2], [3, 4]]), tf.constant([[5, 6], [7, 8]])),
    expect: [[1, 6], [7, 4]],
  },
  {
    op: 'Select', name: 'vector selects rows', build: () => tf.where(tf.constant([false, true]), tf.constant([[1, 2], [3, 4]]), tf.constant([[5, 6], [7, 8]])),
    expect: [[5, 6], [3, 4]],
  },
  { op: 'Select', name: 'JS y takes x dtype', build: () => tf.where(tf.constant([true, false]), tf.constant([1, 2], { dtype: 'int32' }), [0, 0]), expect: [1, 0], dtype: 'int32' },
  { op: 'Where', name: 'coordinates', build: () => tf.where(tf.constant([[true, false], [false, true]])), expect: [[0, 0], [1, 1]], dtype: 'int64' },
  { op: 'Where', name: 'vector', build: () => tf.where(tf.constant([false, true, true])), expect: [[1], [2]], dtype: 'int64' },
  // ZerosLike / OnesLike / Fill / Range / ReverseV2
  { op: 'ZerosLike', name: 'unknown batch', build: () => tf.zeros_like(ph([null, 2])), feed: feedP([[1, 2]]), expect: [[0, 0]] },
  { op: 'OnesLike', name: 'unknown batch int32', build: () => tf.ones_like(ph([null], 'int32')), feed: feedP([5, 6]), expect: [1, 1], dtype: 'int32' },
  { op: 'Fill', name: 'float', build: () => tf.fill([2, 3], 1.5), expect: [[1.5, 1.5, 1.5], [1.5, 1.5, 1.5]] },
  { op: 'Fill', name: 'int32 value', build: () => tf.fill([2], tf.constant(7, { dtype: 'int32' })), expect: [7, 7], dtype: 'int32' },
  { op: 'Fill', name: 'large zeros use Fill', build: () => tf.reduce_sum(tf.zeros([10, 100])), expect: 0 },
  { op: 'Range', name: 'limit only int32', build: () => tf.range(4), expect: [0, 1, 2, 3], dtype: 'int32' },
  { op: 'Range', name: 'negative delta', build: () => tf.range(5, 0, -2), expect: [5, 3, 1], dtype: 'int32' },
  { op: 'Range', name: 'float', build: () => tf.range(0, 1, 0.25), expect: [0, 0.25, 0.5, 0.75], dtype: 'float32' },
  { op: 'ReverseV2', name: 'axis 1', build: () => tf.reverse(M23(), [1]), expect: [[3, 2, 1], [6, 5, 4]] },
  { op: 'ReverseV2', name: 'axes 0 and -1 int32', build: () => tf.reverse(I23(), [0, -1]), expect: [[6, 5, 4], [3, 2, 1]], dtype: 'int32' },
];

function ph2() {
  return tf.placeholder('float32', [null, 2], { name: 'q' });
}
