// Finite-difference gradient cases of identity-like ops.
import * as tf from '../../../src/index.ts';
import type { GradCase } from './types.ts';

export const STATE_GRADS: GradCase[] = [
  { op: 'Identity', name: 'passes the gradient', inputs: [{ shape: [2, 3] }], build: (x) => tf.identity(x) },
  {
    op: 'PlaceholderWithDefault', name: 'passes the gradient', inputs: [{ shape: [3] }],
    build: (x) => tf.placeholder_with_default(x, [3]),
  },
];
