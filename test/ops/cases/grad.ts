// Forward cases of the ops that gradient graphs use (shape bookkeeping, scatter-back of sliced gradients).
import * as tf from '../../../src/index.ts';
import { makeOp } from '../../../src/ops/registry.ts';
import type { OpCase } from './types.ts';

const i32 = (v: unknown) => tf.constant(v, { dtype: 'int32' });

export const GRAD_CASES: OpCase[] = [
  {
    op: 'BroadcastGradientArgs', name: '[2,3] with [3] and [2,1]',
    build: () => {
      const s0 = tf.constant([2, 3], { dtype: 'int32' });
      const s1 = tf.constant([3], { dtype: 'int32' });
      const s2 = tf.constant([2, 1], { dtype: 'int32' });
      return [...makeOp('BroadcastGradientArgs', [s0, s1]).outputs, ...makeOp('BroadcastGradientArgs', [s0, s2]).outputs];
    },
    expect: [[], [0], [], [1]],
  },
  { op: 'InvertPermutation', name: 'InvertPermutation', build: () => tf.invert_permutation(i32([2, 0, 3, 1])), expect: [1, 3, 0, 2] },
  {
    op: 'UnsortedSegmentSum', name: 'UnsortedSegmentSum (negative ids dropped)',
    build: () => tf.unsorted_segment_sum(tf.constant([[1, 2], [3, 4], [5, 6], [7, 8]]), [1, -1, 1, 0], 3),
    expect: [[7, 8], [6, 8], [0, 0]],
  },
  {
    op: 'StridedSliceGrad', name: 'StridedSliceGrad of x[::2, 1] into [3, 2]',
    build: () => makeOp('StridedSliceGrad', [i32([3, 2]), i32([0, 1]), i32([0, 2]), i32([2, 1]), tf.constant([5, 6])],
      { begin_mask: 1, end_mask: 1, ellipsis_mask: 0, new_axis_mask: 0, shrink_axis_mask: 2 }).outputs[0],
    expect: [[0, 5], [0, 0], [0, 6]],
  },
  {
    op: 'StridedSliceGrad', name: 'StridedSliceGrad of x[::-2]',
    build: () => makeOp('StridedSliceGrad', [i32([4]), i32([0]), i32([0]), i32([-2]), tf.constant([1, 2])],
      { begin_mask: 1, end_mask: 1, ellipsis_mask: 0, new_axis_mask: 0, shrink_axis_mask: 0 }).outputs[0],
    expect: [0, 2, 0, 1],
  },
  {
    // [a, b, c] REFLECT-padded by [2, 1] is [c, b, a, b, c, b]: a gets g2, b gets g1 + g3 + g5, c gets g0 + g4.
    op: 'MirrorPadGrad', name: 'MirrorPadGrad REFLECT',
    build: () => makeOp('MirrorPadGrad', [tf.constant([1, 2, 4, 8, 16, 32]), i32([[2, 1]])], { mode: 'REFLECT' }).outputs[0],
    expect: [4, 42, 17],
  },
  {
    // SYMMETRIC [2, 1] of [a, b, c] is [b, a, a, b, c, c].
    op: 'MirrorPadGrad', name: 'MirrorPadGrad SYMMETRIC',
    build: () => makeOp('MirrorPadGrad', [tf.constant([1, 2, 4, 8, 16, 32]), i32([[2, 1]])], { mode: 'SYMMETRIC' }).outputs[0],
    expect: [6, 9, 48],
  },
];
