// tf.clip_by_norm, tf.global_norm, tf.clip_by_global_norm and tf.train.exponential_decay against TF1's formulas.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

test('clip_by_norm: scales only when the norm exceeds clip_norm', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const t = tf.constant([3, 4]); // norm 5
      const a = tf.clip_by_norm(t, 2);
      const b = tf.clip_by_norm(t, 10);
      const z = tf.clip_by_norm(tf.zeros([3]), 1);
      assert.is(a.op.name, 'clip_by_norm');
      assert.is(b.op.name, 'clip_by_norm_1');
      const m = tf.clip_by_norm(tf.constant([[3, 4], [6, 8]]), 5, { axes: [1] });
      assertClose(run([a, b, z, m], undefined, backend), [[1.2, 1.6], [3, 4], [0, 0, 0], [[3, 4], [3, 4]]]);
    });
  }
});

test('clip_by_norm: gradient is finite at zero', () => {
  fresh(() => {
    const x = tf.Variable([0, 0], { name: 'x' });
    const [g] = tf.gradients(tf.reduce_sum(tf.clip_by_norm(x, 1)), x);
    const v = run(g).toArray();
    assert.ok(v.every((e: number) => Number.isFinite(e)), String(v));
  });
});

test('global_norm ignores null entries', () => {
  fresh(() => {
    const n = tf.global_norm([tf.constant([3, 4]), null, tf.constant([[12]])]);
    assert.is(n.name, 'global_norm/global_norm:0');
    assertClose(run(n), 13);
  });
});

test('clip_by_global_norm: scaled list, the norm, nulls kept, names', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const [list, norm] = tf.clip_by_global_norm([tf.constant([3, 4]), null, tf.constant([12])], 6.5);
      assert.is(list.length, 3);
      assert.is(list[1], null);
      assert.is(list[0]!.name, 'clip_by_global_norm/clip_by_global_norm/_0:0');
      assert.is(list[2]!.name, 'clip_by_global_norm/clip_by_global_norm/_2:0');
      assertClose(run([list[0], list[2], norm], undefined, backend), [[1.5, 2], [6], 13]);
      // under the limit: unchanged
      const [l2] = tf.clip_by_global_norm([tf.constant([3, 4])], 100);
      assertClose(run(l2[0], undefined, backend), [3, 4]);
      // use_norm
      const [l3, n3] = tf.clip_by_global_norm([tf.constant([3, 4])], 1, { use_norm: tf.constant(10) });
      assertClose(run([l3[0], n3], undefined, backend), [[0.3, 0.4], 10]);
      // an infinite norm makes everything NaN
      const [l4] = tf.clip_by_global_norm([tf.constant([1, 2])], 1, { use_norm: tf.constant(Infinity) });
      assertClose(run(l4[0], undefined, backend), [NaN, NaN]);
    });
  }
});

test('clip_by_global_norm with compute/apply gradients', () => {
  fresh(() => {
    const W = tf.Variable([1, 1], { name: 'W' });
    const loss = tf.reduce_sum(tf.multiply(W, tf.constant([30, 40]))); // gradient norm 50
    const opt = new tf.train.GradientDescentOptimizer(1);
    const pairs = opt.compute_gradients(loss);
    const [clipped] = tf.clip_by_global_norm(pairs.map(([g]) => g), 5);
    const train = opt.apply_gradients(clipped.map((g, i) => [g, pairs[i][1]] as [tf.Tensor | null, tf.Variable]));
    const s = new tf.Session();
    try {
      s.run(tf.global_variables_initializer());
      s.run(train);
      assertClose(s.run(W), [1 - 3, 1 - 4]);
    } finally {
      s.close();
    }
  });
});

test('exponential_decay: continuous and staircase, driven by the global step', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const step = tf.train.get_or_create_global_step();
      const lr = tf.train.exponential_decay(0.1, step, 10, 0.5);
      const lrStair = tf.train.exponential_decay(0.1, step, 10, 0.5, { staircase: true });
      assert.is(lr.op.name, 'ExponentialDecay');
      assert.is(lrStair.op.name, 'ExponentialDecay_1');
      assert.is(lr.dtype, 'float32');
      const s = new tf.Session({ backend });
      try {
        s.run(tf.global_variables_initializer());
        assertClose(s.run([lr, lrStair]), [0.1, 0.1]);
        s.run(tf.assign(step, 15));
        assertClose(s.run([lr, lrStair]), [0.1 * 0.5 ** 1.5, 0.05]);
        s.run(tf.assign(step, 20));
        assertClose(s.run([lr, lrStair]), [0.025, 0.025]);
      } finally {
        s.close();
      }
    });
  }
  fresh(() => {
    assertThrows(() => tf.train.exponential_decay(0.1, null, 10, 0.5), 'global_step is required');
  });
});

test('exponential_decay as an optimizer learning rate with minimize(global_step)', () => {
  fresh(() => {
    const W = tf.Variable([0], { name: 'W' });
    const step = tf.train.get_or_create_global_step();
    const lr = tf.train.exponential_decay(1.0, step, 1, 0.5);
    const train = new tf.train.GradientDescentOptimizer(lr).minimize(tf.reduce_sum(W), { global_step: step });
    const s = new tf.Session();
    try {
      s.run(tf.global_variables_initializer());
      for (let i = 0; i < 3; i++) s.run(train);
      // lr = 1, 0.5, 0.25 at steps 0, 1, 2; gradient 1
      assertClose(s.run(W), [-1.75]);
      assert.is(Number(s.run(step)), 3);
    } finally {
      s.close();
    }
  });
});

test.run();
