// Forward cases of the optimizer update ops: one update from hand-computed formulas (TF1's training_ops).
import * as tf from '../../../src/index.ts';
import { makeOp } from '../../../src/ops/registry.ts';
import type { Tensor } from '../../../src/graph/tensor.ts';
import type { OpCase } from './types.ts';

/** A variable's reference edge (what the Apply ops take by reference). */
function ref(value: number[]): Tensor {
  return (tf.Variable(value) as unknown as { ref: Tensor }).ref;
}
const c = (v: number | number[]) => tf.constant(v);
const apply = (type: string, inputs: Tensor[], attrs = {}) => makeOp(type, inputs, attrs).outputs[0];

export const TRAIN_CASES: OpCase[] = [
  {
    op: 'ApplyGradientDescent', name: 'w - lr*g',
    build: () => apply('ApplyGradientDescent', [ref([1, 2]), c(0.5), c([2, -2])]), expect: [0, 3],
  },
  {
    op: 'ApplyMomentum', name: 'a = mu*a + g (a=0); w -= lr*a',
    build: () => apply('ApplyMomentum', [ref([1, 2]), ref([1, 1]), c(0.1), c([2, 4]), c(0.9)]),
    // a = 0.9*1 + g = [2.9, 4.9]; w = [1 - 0.29, 2 - 0.49]
    expect: [0.71, 1.51],
  },
  {
    op: 'ApplyMomentum', name: 'nesterov',
    build: () => apply('ApplyMomentum', [ref([1]), ref([1]), c(0.1), c([2]), c(0.9)], { use_nesterov: true }),
    // a = 2.9; w = 1 - 0.1*2 - 0.1*0.9*2.9 = 0.539
    expect: [0.539],
  },
  {
    op: 'ApplyAdagrad', name: 'acc += g^2; w -= lr*g/sqrt(acc)',
    build: () => apply('ApplyAdagrad', [ref([1]), ref([0.1]), c(0.1), c([3])]),
    expect: [1 - (0.1 * 3) / Math.sqrt(9.1)],
  },
  {
    op: 'ApplyAdam', name: 'first step',
    build: () => apply('ApplyAdam', [ref([1]), ref([0]), ref([0]), c(0.9), c(0.999), c(0.1), c(0.9), c(0.999), c(1e-8), c([2])]),
    // m = 0.2, v = 0.004, lr_t = 0.1*sqrt(0.001)/0.1; w = 1 - lr_t*0.2/(sqrt(0.004)+1e-8)
    expect: [1 - ((0.1 * Math.sqrt(0.001)) / 0.1) * 0.2 / (Math.sqrt(0.004) + 1e-8)],
  },
  {
    op: 'ApplyRMSProp', name: 'ms starts at 1',
    build: () => apply('ApplyRMSProp', [ref([1]), ref([1]), ref([0]), c(0.01), c(0.9), c(0), c(1e-10), c([2])]),
    // ms = 1 + (4 - 1)*0.1 = 1.3; mom = 0.01*2/sqrt(1.3)
    expect: [1 - (0.01 * 2) / Math.sqrt(1.3 + 1e-10)],
  },
  {
    op: 'ApplyCenteredRMSProp', name: 'centered',
    build: () => apply('ApplyCenteredRMSProp', [ref([1]), ref([0]), ref([1]), ref([0]), c(0.01), c(0.9), c(0), c(1e-10), c([2])]),
    // mg = 0.2, ms = 1.3; denom = sqrt(1.3 - 0.04)
    expect: [1 - (0.01 * 2) / Math.sqrt(1.26 + 1e-10)],
  },
  {
    op: 'ApplyAdadelta', name: 'first step',
    build: () => apply('ApplyAdadelta', [ref([1]), ref([0]), ref([0]), c(1), c(0.95), c(1e-8), c([2])]),
    // acc = 0.05*4 = 0.2; upd = sqrt(1e-8)/sqrt(0.2+1e-8)*2; w = 1 - upd
    expect: [1 - (Math.sqrt(1e-8) / Math.sqrt(0.2 + 1e-8)) * 2],
  },
];
