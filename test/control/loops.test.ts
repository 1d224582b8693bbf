// Loops as single nodes: tf.scan / while_loop / map_fn / foldl / foldr semantics, captures, build cost, errors, leaks.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import * as tfc from '@tensorflow/tfjs-core';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

for (const backend of TEST_BACKENDS) {
  test(`scan: TF1 examples with and without initializer, reverse [${backend}]`, () => fresh(() => {
    const e = tf.constant([1, 2, 3, 4, 5, 6]);
    const add = (a: any, x: any) => tf.add(a, x);
    const [a, b, c] = run([tf.scan(add, e), tf.scan(add, e, { reverse: true }), tf.scan(add, e, { initializer: tf.constant(10) })], undefined, backend);
    assertClose(a, [1, 3, 6, 10, 15, 21]);
    assertClose(b, [21, 20, 18, 15, 11, 6]);
    assertClose(c, [11, 13, 16, 20, 25, 31]);
  }));
}

test('scan: nested elems and a nested accumulator (Fibonacci-style pair)', () => fresh(() => {
  const elems = [tf.constant([1, 2, 3]), tf.constant([10, 20, 30])];
  const out = tf.scan((acc: any, x: any) => [tf.add(acc[0], x[0]), tf.multiply(acc[1], x[1])], elems,
    { initializer: [tf.constant(0), tf.constant(1)] }) as any[];
  const [s, p] = run(out);
  assertClose(s, [1, 3, 6]);
  assertClose(p, [10, 200, 6000]);
}));

test('foldl / foldr return the final accumulator', () => fresh(() => {
  const e = tf.constant([1, 2, 3, 4]);
  const [l, r] = run([tf.foldl((a: any, x: any) => tf.subtract(a, x), e), tf.foldr((a: any, x: any) => tf.subtract(a, x), e)]);
  assertClose(l, 1 - 2 - 3 - 4);
  assertClose(r, 4 - 3 - 2 - 1);
}));

test('while_loop: single loop var, maximum_iterations, nested loop vars', () => fresh(() => {
  const one = tf.while_loop((x: any) => tf.less(x, 100), (x: any) => tf.multiply(x, 3), tf.constant(1));
  const capped = tf.while_loop(() => tf.constant(true), (x: any) => tf.add(x, 1), tf.constant(0), { maximum_iterations: 7 });
  const [a, b] = run([one, capped]);
  assertClose(a, 243);
  assertClose(b, 7);
}));

test('while_loop: the body may not change a loop variable shape', () => fresh(() => {
  assertThrows(() => tf.while_loop((x: any) => tf.less(tf.reduce_sum(x), 10), (x: any) => tf.concat([x, x], 0), tf.constant([1])),
    "enters the loop with shape (1,), but has shape (2,) after one iteration");
}));

test('while_loop: the condition must be a scalar bool', () => fresh(() => {
  assertThrows(() => tf.while_loop((x: any) => tf.add(x, 1), (x: any) => tf.add(x, 1), tf.constant(1)), 'must return a scalar bool tensor');
}));

test('a loop is one node: 10 and 1,000 steps build the same number of ops, quickly', () => {
  const build = (T: number) => fresh(() => {
    const t0 = performance.now();
    tf.scan((a: any, x: any) => tf.tanh(tf.add(a, x)), tf.placeholder(tf.float32, [T, 4]));
    return [tf.get_default_graph().get_operations().length, performance.now() - t0];
  });
  const [n10] = build(10);
  const [n1000, ms] = build(1000);
  if (n10 !== n1000) throw new Error(`op count grew from ${n10} to ${n1000}`);
  if (ms > 500) throw new Error(`building a 1000-step loop took ${ms} ms`);
});

test('an unknown time dimension takes feeds of different lengths', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null]);
  const s = tf.scan((a: any, e: any) => tf.add(a, e), x);
  if (s.staticShape![0] !== null) throw new Error('static length should be unknown');
  const sess = new tf.Session();
  assertClose(sess.run(s, [[x, [1, 1, 1]]]), [1, 2, 3]);
  assertClose(sess.run(s, [[x, [2, 2, 2, 2, 2]]]), [2, 4, 6, 8, 10]);
  sess.close();
}));

test('captured variables, placeholders and outer tensors are loop inputs; variables made in a body live outside', () => fresh(() => {
  const k = tf.placeholder(tf.float32, [], { name: 'k' });
  const y = tf.scan((a: any, x: any) => {
    const w = tf.get_variable('w', [], { initializer: tf.constant_initializer(2) });
    return tf.add(tf.multiply(a, w), tf.multiply(x, k));
  }, tf.constant([1, 1, 1]), { initializer: tf.constant(0) });
  const w = tf.global_variables();
  if (w.length !== 1 || w[0].name !== 'w:0' || w[0].graph !== tf.get_default_graph()) throw new Error('variable not in the root graph');
  assertClose(run(y, [[k, 3]]), [3, 9, 21]);
}));

test('a seeded random op in a body draws new values each step, reproducibly', () => fresh(() => {
  tf.set_random_seed(5);
  const y = tf.map_fn((x: any) => tf.add(x, tf.random_uniform([])), tf.zeros([4]));
  const a = run(y);
  const b = run(y);
  const vals = Array.from(a.data as Float32Array);
  if (new Set(vals).size !== 4) throw new Error(`steps drew equal values: ${vals}`);
  assertClose(a, b.toArray());
}));

test('the gradient replays the forward step\'s random draws (e.g. dropout masks)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [5, 3]);
  // y_t = x_t · u_t with u_t random: d sum(y) / d x_t = u_t = y_t when x = 1.
  const y = tf.map_fn((e: any) => tf.multiply(e, tf.random_uniform([3], { minval: 1, maxval: 2 })), x);
  const [g] = tf.gradients(tf.reduce_sum(y), [x]);
  const ones = Array.from({ length: 5 }, () => [1, 1, 1]);
  const [yv, gv] = run([y, g], [[x, ones]]);
  assertClose(gv, yv.toArray());
}));

for (const backend of TEST_BACKENDS) {
  test(`no leaks across 500 runs of a loop and its gradient [${backend}]`, () => fresh(() => {
    const x = tf.placeholder(tf.float32, [null, 3]);
    const W = tf.Variable(tf.ones([3, 3]));
    const y = tf.scan((h: any, e: any) => tf.tanh(tf.add(tf.matmul(tf.expand_dims(h, 0), W).get(0), e)), x, { initializer: tf.zeros([3]) });
    const train = new tf.train.GradientDescentOptimizer(0.01).minimize(tf.reduce_sum(y));
    const sess = new tf.Session({ backend });
    sess.run(tf.global_variables_initializer());
    const feed: [unknown, unknown][] = [[x, [[1, 2, 3], [4, 5, 6]]]];
    for (let i = 0; i < 10; i++) sess.run(train, feed);
    const before = tfc.engine().backend.numDataIds();
    for (let i = 0; i < 500; i++) sess.run(train, feed);
    const after = tfc.engine().backend.numDataIds();
    sess.close();
    if (after !== before) throw new Error(`buffers ${before} → ${after}`);
  }));
}

test.run();
