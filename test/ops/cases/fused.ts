// Forward cases of the fused ops (hand-computed); test/compiler/fuse.test.ts also checks them against their composites.
import * as tf from '../../../src/index.ts';
import { fused_matmul } from '../../../src/ops/fused/fused_matmul.ts';
import type { OpCase } from './types.ts';

const c = (v: unknown) => tf.constant(v);
// a·b = [[1·1+2·3, 1·2+2·4], [−1·1+0·3, −1·2+0·4]] = [[7, 10], [−1, −2]]
const A = [[1, 2], [-1, 0]];
const B = [[1, 2], [3, 4]];

export const FUSED_CASES: OpCase[] = [
  { op: '_FusedMatMul', name: 'linear, no bias', build: () => fused_matmul(c(A), c(B)), expect: [[7, 10], [-1, -2]], dtype: 'float32' },
  {
    op: '_FusedMatMul', name: 'bias + relu',
    build: () => fused_matmul(c(A), c(B), { bias: c([0.5, 1]), activation: 'relu' }), expect: [[7.5, 11], [0, 0]],
  },
  {
    op: '_FusedMatMul', name: 'transpose_b + bias + sigmoid (σ(0)=0.5, σ(1)=0.7310586)',
    // a·bᵀ with b = [[1, 0], [0, 1]]ᵀ = identity: rows of A, plus bias [−1, −2] → [[0, 0], [−2, −2]]
    build: () => fused_matmul(c(A), c([[1, 0], [0, 1]]), { bias: c([-1, -2]), activation: 'sigmoid', transpose_b: true }),
    expect: [[0.5, 0.5], [0.1192029, 0.1192029]],
  },
  {
    op: '_FusedMatMul', name: 'bias + tanh (cpu: JS epilogue; other backends: a Tanh kernel after)',
    // [[7, 10], [−1, −2]] + [−7, −9.5] = [[0, 0.5], [−8, −11.5]]
    build: () => fused_matmul(c(A), c(B), { bias: c([-7, -9.5]), activation: 'tanh' }),
    expect: [[0, Math.tanh(0.5)], [Math.tanh(-8), Math.tanh(-11.5)]],
  },
  {
    op: '_FusedMatMul', name: 'transpose_a with a placeholder (aᵀ·b)',
    build: () => fused_matmul(tf.placeholder(tf.float32, [2, 2], { name: 'fa' }), c(B), { transpose_a: true }),
    // Aᵀ = [[1, −1], [2, 0]]: [[1−3, 2−4], [2, 4]]
    feed: () => [['fa:0', A]], expect: [[-2, -2], [2, 4]],
  },
];
