// The optimizers' loops (one JS loop per variable update, cpu and wasm) give the composites' updates bit for bit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { applyLoops } from '../../src/ops/train/apply.ts';
import { fresh } from '../helpers.ts';

const OPTIMIZERS: Record<string, () => tf.train.Optimizer> = {
  GradientDescent: () => new tf.train.GradientDescentOptimizer(0.1),
  Momentum: () => new tf.train.MomentumOptimizer(0.05, 0.9),
  'Momentum (nesterov)': () => new tf.train.MomentumOptimizer(0.05, 0.9, { use_nesterov: true }),
  Adagrad: () => new tf.train.AdagradOptimizer(0.3),
  Adam: () => new tf.train.AdamOptimizer(0.07),
  RMSProp: () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.5 }),
  'RMSProp (centered)': () => new tf.train.RMSPropOptimizer(0.01, { momentum: 0.3, centered: true }),
  Adadelta: () => new tf.train.AdadeltaOptimizer(1.0),
};

/** Six steps of a small regression; every global variable (weights and slots) after each step. */
function trajectory(make: () => tf.train.Optimizer, loops: boolean, backend: 'cpu' | 'wasm'): Float32Array[] {
  return fresh(() => {
    const x = tf.constant([[0.5, -1, 2], [1.5, 0.25, -0.75]]);
    const W = new tf.Variable(tf.constant([[0.3, -0.2], [0.1, 0.7], [-0.5, 0.4]]), { name: 'W' });
    const b = new tf.Variable(tf.constant([0.05, -0.1]), { name: 'b' });
    const y = tf.tanh(tf.add(tf.matmul(x, W), b));
    const loss = tf.reduce_sum(tf.square(tf.subtract(y, tf.constant([[1, -1], [0.5, 0.25]]))));
    const train = make().minimize(loss);
    const s = new tf.Session({ backend });
    const before = applyLoops.enabled;
    applyLoops.enabled = loops;
    try {
      s.run(tf.global_variables_initializer());
      const out: Float32Array[] = [];
      for (let i = 0; i < 6; i++) {
        s.run(train);
        for (const v of s.run(tf.global_variables()) as (tf.NDArray | number)[]) out.push(typeof v === 'number' ? Float32Array.of(v) : Float32Array.from(v.data as ArrayLike<number>));
      }
      return out;
    } finally {
      applyLoops.enabled = before;
      s.close();
    }
  });
}

for (const [name, make] of Object.entries(OPTIMIZERS)) for (const backend of ['cpu', 'wasm'] as const) {
  test(`${name}: ${backend} loop = composite, bit for bit, over 6 steps (weights and slots)`, () => {
    const loop = trajectory(make, true, backend);
    const composite = trajectory(make, false, backend);
    assert.is(loop.length, composite.length);
    loop.forEach((v, i) => assert.equal(Array.from(v), Array.from(composite[i]), `value ${i}`));
    const per = loop.length / 6;
    assert.not.equal(Array.from(loop[0]), Array.from(loop[5 * per]), 'W moves');
  });
}

test.run();
