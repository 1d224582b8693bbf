// Linear regression with GradientDescent: x = y = [1, 2, 3] converges to W≈1, b≈0.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { fresh, TEST_BACKENDS } from '../helpers.ts';

for (const backend of TEST_BACKENDS) {
  test(`linear regression reaches W≈1, b≈0 on ${backend}`, () => {
    fresh(() => {
      const xs = [1, 2, 3];
      const W = tf.Variable(tf.random_uniform([1], { minval: -1, maxval: 1, seed: 1 }), { name: 'W' });
      const b = tf.Variable(tf.zeros([1]), { name: 'b' });
      const X = tf.placeholder('float32', [null], { name: 'X' });
      const Y = tf.placeholder('float32', [null], { name: 'Y' });
      const hypothesis = tf.add(tf.multiply(X, W), b);
      const cost = tf.reduce_mean(tf.square(tf.subtract(hypothesis, Y)));
      const train = new tf.train.GradientDescentOptimizer(0.01).minimize(cost);
      const s = new tf.Session({ backend });
      try {
        s.run(tf.global_variables_initializer());
        const feed = { feed_dict: new Map<tf.Tensor, number[]>([[X, xs], [Y, xs]]) };
        const c0 = s.run(cost, feed) as number;
        for (let i = 0; i < 3000; i++) s.run(train, feed);
        const [w, bb, c] = s.run([W, b, cost], feed);
        const wv = w.toArray()[0];
        const bv = bb.toArray()[0];
        assert.ok(Math.abs(wv - 1) < 0.05, `W = ${wv}`);
        assert.ok(Math.abs(bv) < 0.05, `b = ${bv}`);
        assert.ok(c < c0 && c < 1e-3, `cost ${c0} -> ${c}`);
      } finally {
        s.close();
      }
    });
  });
}

test.run();
