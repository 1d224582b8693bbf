// Forward cases of the ops that gradient graphs use (shape bookkeeping).
import * as tf from '../../../src/index.ts';
import { makeOp } from '../../../src/ops/registry.ts';
import type { OpCase } from './types.ts';

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
];
