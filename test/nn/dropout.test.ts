// tf.nn.dropout: statistics, survivors scaled by 1/keep, keep_prob fed 1.0 is the identity, rate=, noise_shape, errors, names.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const grid = (r: number, c: number) => Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => 1 + ((i * c + j) % 7)));

for (const backend of TEST_BACKENDS) {
  test(`fraction kept ≈ keep_prob, survivors are x / keep_prob [${backend}]`, () => fresh(() => {
    tf.set_random_seed(21); // statistical checks: reproducible
    const xv = grid(100, 100);
    const d = tf.nn.dropout(tf.constant(xv), 0.7);
    const got = (run(d, undefined, backend).toArray() as number[][]);
    let kept = 0;
    got.forEach((row, i) => row.forEach((v, j) => {
      if (v === 0) return;
      kept++;
      assert.ok(Math.abs(v - xv[i][j] / 0.7) < 1e-5, `${v} vs ${xv[i][j] / 0.7}`);
    }));
    assert.ok(Math.abs(kept / 1e4 - 0.7) < 0.02, `kept ${kept / 1e4}`);
  }));

  test(`keep_prob placeholder: fed 1.0 is the identity, fed 0.5 drops about half [${backend}]`, () => fresh(() => {
    tf.set_random_seed(22);
    const keep = tf.placeholder(tf.float32);
    const xv = grid(50, 40);
    const d = tf.nn.dropout(tf.constant(xv), keep);
    assertClose(run(d, [[keep, 1.0]], backend), xv);
    const half = run(d, [[keep, 0.5]], backend).toArray().flat() as number[];
    const kept = half.filter((v) => v !== 0).length / half.length;
    assert.ok(Math.abs(kept - 0.5) < 0.04, `kept ${kept}`);
  }));
}

test('new values each run; seeded graphs repeat', () => fresh(() => {
  tf.set_random_seed(11);
  const d = tf.nn.dropout(tf.ones([30, 30]), 0.5);
  const s = new tf.Session({ backend: 'cpu' });
  try {
    const a = s.run(d).toArray().flat();
    const b = s.run(d).toArray().flat();
    assert.not.equal(a, b);
  } finally {
    s.close();
  }
}));

test('rate = 1 − keep_prob (TF ≥1.13), as a keyword option, and keep_prob as an option too', () => fresh(() => {
  const r = (run(tf.nn.dropout(tf.ones([100, 100]), undefined, { rate: 0.2 })).toArray().flat() as number[]);
  assert.ok(r.every((v) => v === 0 || Math.abs(v - 1.25) < 1e-6));
  assert.ok(Math.abs(r.filter((v) => v !== 0).length / 1e4 - 0.8) < 0.02);
  const k = (run(tf.nn.dropout(tf.ones([10, 10]), { keep_prob: 0.5 })).toArray().flat() as number[]);
  assert.ok(k.every((v) => v === 0 || v === 2));
}));

test('noise_shape [n, 1] keeps or drops whole rows', () => fresh(() => {
  const d = tf.nn.dropout(tf.ones([200, 5]), 0.5, { noise_shape: [200, 1] });
  const rows = run(d).toArray() as number[][];
  assert.ok(rows.every((row) => row.every((v) => v === row[0]) && (row[0] === 0 || row[0] === 2)));
  const kept = rows.filter((row) => row[0] === 2).length / 200;
  assert.ok(kept > 0.35 && kept < 0.65, `kept ${kept}`);
  const filled = tf.nn.dropout(tf.ones([4, 5]), 0.5, { noise_shape: [null, 1] });
  assert.equal(filled.shape.as_list(), [4, 5]);
}));

test('keep_prob 1 (a number) returns x itself; names are under dropout/', () => fresh(() => {
  const x = tf.constant([[1, 2]]);
  assert.is(tf.nn.dropout(x, 1), x);
  const d = tf.nn.dropout(tf.ones([2, 3]), 0.5);
  assert.is(d.name, 'dropout_1/mul:0');
  const d2 = tf.nn.dropout(tf.ones([2, 3]), 0.5, { name: 'drop' });
  assert.is(d2.name, 'drop/mul:0');
  const ops = tf.get_default_graph().get_operations().map((o) => o.name);
  for (const n of ['dropout_1/keep_prob', 'dropout_1/random_uniform/RandomUniform', 'dropout_1/add', 'dropout_1/Floor', 'dropout_1/truediv']) {
    assert.ok(ops.includes(n), `${n} in ${ops.join(' ')}`);
  }
}));

test('errors: keep_prob outside (0, 1], rate outside [0, 1), both or neither, integer x, non-scalar keep_prob', () => fresh(() => {
  const x = tf.ones([2, 2]);
  assertThrows(() => tf.nn.dropout(x, 0), 'ValueError: keep_prob must be a scalar tensor or a float in the range (0, 1], got 0');
  assertThrows(() => tf.nn.dropout(x, 1.5), 'range (0, 1], got 1.5');
  assertThrows(() => tf.nn.dropout(x, undefined, { rate: 1 }), 'ValueError: rate must be a scalar tensor or a float in the range [0, 1), got 1');
  assertThrows(() => tf.nn.dropout(x, 0.5, { rate: 0.5 }), "Cannot specify both 'keep_prob' and 'rate'");
  assertThrows(() => tf.nn.dropout(x), 'You must provide a rate to dropout.');
  assertThrows(() => tf.nn.dropout(tf.constant([1, 2], { dtype: 'int32' }), 0.5), "x has to be a floating point tensor since it's going to be scaled. Got a int32 tensor instead.");
  assertThrows(() => tf.nn.dropout(x, tf.constant([0.5, 0.5])), 'Shapes (2,) and () are incompatible');
}));

test('gradient: d(sum(dropout(x)))/dx is the mask / keep_prob', () => fresh(() => {
  const x = tf.constant(grid(10, 10));
  const d = tf.nn.dropout(x, 0.5);
  const [g] = tf.gradients(tf.reduce_sum(d), [x]);
  const [dv, gv] = run([d, g]);
  const df = dv.toArray().flat() as number[];
  const gf = gv.toArray().flat() as number[];
  df.forEach((v, i) => assert.is(gf[i], v === 0 ? 0 : 2));
}));

// x with an unknown batch dim: the noise shape is tf.shape(x), known at run time.
test('x with an unknown batch dim ([None, n], the usual MNIST case)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 50]);
  const d = tf.nn.dropout(x, 0.5);
  assert.equal(d.shape.as_list(), [null, 50]);
  const got = run(d, [[x, grid(40, 50)]]).toArray().flat() as number[];
  assert.is(got.length, 2000);
  const kept = got.filter((v) => v !== 0).length / 2000;
  assert.ok(Math.abs(kept - 0.5) < 0.05, `kept ${kept}`);
}));

test.run();
