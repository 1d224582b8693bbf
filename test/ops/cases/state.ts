// Forward cases of constants, placeholders, identity, variables, assignment, no_op and random ops.
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

export const STATE_CASES: OpCase[] = [
  { op: 'Const', name: 'float matrix', build: () => tf.constant([[1, 2], [3, 4]]), expect: [[1, 2], [3, 4]], dtype: 'float32' },
  { op: 'Const', name: 'fill rule repeats the last value', build: () => tf.constant([1, 2], { shape: [2, 2], dtype: 'int32' }), expect: [[1, 2], [2, 2]], dtype: 'int32' },
  {
    op: 'Placeholder', name: 'fed value',
    build: () => tf.placeholder(tf.float32, [null, 2], { name: 'x' }),
    feed: () => [['x:0', [[1, 2], [3, 4], [5, 6]]]], expect: [[1, 2], [3, 4], [5, 6]],
  },
  {
    op: 'PlaceholderWithDefault', name: 'default when not fed',
    build: () => tf.placeholder_with_default(tf.constant([1, 2, 3]), [null]), expect: [1, 2, 3],
  },
  { op: 'Identity', name: 'passes through', build: () => tf.identity(tf.constant([5, 6])), expect: [5, 6] },
  { op: 'Add', name: 'broadcast row', build: () => tf.add(tf.constant([[1, 2], [3, 4]]), tf.constant([10, 20])), expect: [[11, 22], [13, 24]] },
  { op: 'Sub', name: 'scalar operand takes dtype', build: () => tf.subtract(tf.constant([5, 7], { dtype: 'int32' }), 2), expect: [3, 5], dtype: 'int32' },
  { op: 'Mul', name: 'elementwise', build: () => tf.multiply(tf.constant([1, 2, 3]), tf.constant([4, 5, 6])), expect: [4, 10, 18] },
  { op: 'Tanh', name: 'values', build: () => tf.tanh(tf.constant([0, 1, -2])), expect: [0, Math.tanh(1), Math.tanh(-2)] },
  {
    op: 'MatMul', name: '2x3 by 3x2',
    build: () => tf.matmul(tf.constant([[1, 2, 3], [4, 5, 6]]), tf.constant([[1, 0], [0, 1], [1, 1]])), expect: [[4, 5], [10, 11]],
  },
  {
    op: 'MatMul', name: 'transpose_a and transpose_b',
    build: () => tf.matmul(tf.constant([[1, 4], [2, 5], [3, 6]]), tf.constant([[1, 0, 1], [0, 1, 1]]), { transpose_a: true, transpose_b: true }),
    expect: [[4, 5], [10, 11]],
  },
  {
    op: 'BatchMatMulV2', name: 'batch broadcast',
    build: () => tf.matmul(tf.constant([[[1, 2]], [[3, 4]]]), tf.constant([[1], [1]])), expect: [[[3]], [[7]]],
  },
  {
    op: 'VariableV2', name: 'initialised value',
    build: () => tf.Variable([1, 2, 3], { name: 'v' }) as unknown as ReturnType<typeof tf.constant>, expect: [1, 2, 3],
  },
  {
    op: 'Assign', name: 'returns the new value',
    build: () => tf.assign(tf.Variable([1, 2]), [7, 8]), expect: [7, 8],
  },
  { op: 'AssignAdd', name: 'adds', build: () => tf.assign_add(tf.Variable([1, 2]), [10, 10]), expect: [11, 12] },
  { op: 'AssignSub', name: 'subtracts', build: () => tf.assign_sub(tf.Variable([1, 2]), [1, 1]), expect: [0, 1] },
  {
    op: 'NoOp', name: 'group of assigns runs them',
    build: () => {
      const v = tf.Variable([0], { name: 'g' });
      const grp = tf.group(tf.assign(v, [3]));
      return tf.control_dependencies([grp], () => v.read_value());
    },
    expect: [3],
  },
  // Random ops: degenerate ranges make the expected value independent of the draw (distributions: test/ops/random.test.ts).
  {
    op: 'RandomUniform', name: 'minval == maxval gives minval',
    build: () => tf.random_uniform([2, 3], { seed: 1, minval: 5, maxval: 5 }), expect: [[5, 5, 5], [5, 5, 5]], dtype: 'float32',
  },
  {
    op: 'RandomStandardNormal', name: 'stddev 0 gives the mean',
    build: () => tf.random_normal([4], { seed: 2, mean: -3, stddev: 0 }), expect: [-3, -3, -3, -3], dtype: 'float32',
  },
  {
    op: 'TruncatedNormal', name: 'stddev 0 gives the mean',
    build: () => tf.truncated_normal([3, 1], { seed: 3, mean: 0.5, stddev: 0 }), expect: [[0.5], [0.5], [0.5]], dtype: 'float32',
  },
  {
    op: 'RandomUniform', name: 'a draw minus itself is zero (same tensor fetched twice)',
    build: () => {
      const u = tf.random_uniform([3]);
      return tf.subtract(u, u);
    },
    expect: [0, 0, 0],
  },
];
