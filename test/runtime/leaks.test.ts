// No leaks: the backend's buffer count after 10,000 sess.run calls equals the count after 10, on cpu and wasm, errors included.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { findBackend } from '../../src/runtime/backends.ts';
import { assertThrows, fresh, TEST_BACKENDS } from '../helpers.ts';

const RUNS = 10_000;

function count(backend: 'cpu' | 'wasm'): number {
  return findBackend(backend).numDataIds();
}

/** A small graph with feeds, variables, an assign, a constant, a random op and a fed intermediate. */
function build() {
  const x = tf.placeholder(tf.float32, [null, 2], { name: 'x' });
  const loose = tf.placeholder(tf.float32, [null, null], { name: 'loose' });
  const W = tf.Variable([[1, 0.5], [-0.5, 1]], { name: 'W' });
  const b = tf.Variable([0.1, -0.1], { name: 'b' });
  const step = tf.Variable(0, { name: 'step' });
  const never = tf.Variable(0, { name: 'never_initialized' });
  const h = tf.tanh(tf.add(tf.matmul(x, W), b));
  const out = tf.add(tf.multiply(h, tf.random_normal([2], { seed: 3 })), tf.constant([1, 2]));
  const bump = step.assign_add(1);
  const bad = tf.matmul(loose, W);
  const usesNever = tf.add(out, never);
  const init = tf.variables_initializer([W, b, step]);
  return { x, loose, W, h, out, bump, bad, usesNever, init, step };
}

for (const backend of TEST_BACKENDS) {
  test(`${RUNS} runs leave the ${backend} buffer count unchanged (feeds, variables, assign, fed intermediate)`, () => fresh(() => {
    const g = build();
    const s = new tf.Session({ backend });
    try {
      s.run(g.init);
      const feed: [unknown, unknown][] = [[g.x, [[1, 2], [3, 4], [5, 6]]]];
      const once = (i: number) => {
        if (i % 2 === 0) s.run([g.out, g.bump, g.W, g.h], feed);
        else s.run({ o: g.out, s: g.step }, [[g.h, [[0.5, 0.5]]]]);
      };
      for (let i = 0; i < 10; i++) once(i);
      const after10 = count(backend);
      for (let i = 10; i < RUNS; i++) once(i);
      assert.is(count(backend), after10);
      assert.is(s.run(g.step), RUNS / 2);
    } finally {
      s.close();
    }
  }));

  test(`runs that throw leak nothing on ${backend} (bad feed, missing feed, uninitialized variable, kernel error)`, () => fresh(() => {
    const g = build();
    const s = new tf.Session({ backend });
    try {
      s.run(g.init);
      s.run([g.out, g.bump], [[g.x, [[1, 2]]]]);
      const before = count(backend);
      for (let i = 0; i < 200; i++) {
        assertThrows(() => s.run([g.out, g.bump], [[g.x, [[1, 2, 3]]]]), 'Cannot feed value of shape (1, 3)');
        assertThrows(() => s.run([g.out, g.bump]), 'You must feed a value for placeholder tensor');
        assertThrows(() => s.run([g.h, g.usesNever], [[g.x, [[1, 2]]]]),
          'Attempting to use uninitialized value never_initialized');
        assertThrows(() => s.run([g.h, g.bad], [[g.x, [[1, 2]]], [g.loose, [[1, 2, 3]]]]), /.+/);
      }
      assert.is(count(backend), before);
    } finally {
      s.close();
    }
  }));
}

test('alternating the backend run by run moves variables without leaking on either backend', () => fresh(() => {
  const g = build();
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(g.init);
    const once = (i: number) => s.run([g.out, g.bump], { feed_dict: [[g.x, [[1, 2]]]], backend: i % 2 ? 'cpu' : 'wasm' });
    for (let i = 0; i < 10; i++) once(i);
    const after10 = { cpu: count('cpu'), wasm: count('wasm') };
    for (let i = 10; i < 1000; i++) once(i);
    assert.equal({ cpu: count('cpu'), wasm: count('wasm') }, after10);
    assert.is(s.run(g.step), 1000);
  } finally {
    s.close();
  }
}));

test('closing a session frees its variables and cached constants on the backend that holds them', () => fresh(() => {
  const g = build();
  const before = { cpu: count('cpu'), wasm: count('wasm') };
  const s = new tf.Session({ backend: 'cpu' });
  s.run(g.init);
  s.run([g.out, g.bump], [[g.x, [[1, 2]]]]);
  s.run([g.out, g.bump], { feed_dict: [[g.x, [[1, 2]]]], backend: 'wasm' });
  s.backend = 'cpu';
  s.run([g.out, g.bump], [[g.x, [[1, 2]]]]);
  assert.ok(count('cpu') > before.cpu);
  s.close();
  assert.equal({ cpu: count('cpu'), wasm: count('wasm') }, before);
}));

test.run();
