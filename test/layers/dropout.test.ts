// tf.layers.dropout (identity unless training; a bool tensor selects at run time) and tf.layers.flatten.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const ones = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(1));

for (const backend of TEST_BACKENDS) {
  test(`training false (default) is the identity; training true drops rate and scales by 1/(1-rate) [${backend}]`, () => fresh(() => {
    tf.set_random_seed(11); // the kept-fraction checks are statistical: keep them reproducible
    const x = tf.constant(ones(50, 40));
    const off = tf.layers.dropout(x, { rate: 0.25 });
    const on = tf.layers.dropout(x, { rate: 0.25, training: true });
    const [a, b] = run([off, on], undefined, backend);
    assertClose(a, ones(50, 40));
    const flat = b.toArray().flat() as number[];
    assert.ok(flat.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6));
    const kept = flat.filter((v) => v !== 0).length / flat.length;
    assert.ok(Math.abs(kept - 0.75) < 0.04, `kept ${kept}`);
  }));
}

test('names: the layer scope is dropout, dropout_1; off it is dropout/Identity', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 3]);
  const a = tf.layers.dropout(x);
  const b = tf.layers.dropout(x, { training: false, name: 'drop' });
  const c = tf.layers.dropout(tf.constant(ones(2, 3)), { training: true });
  assert.is(a.name, 'dropout/Identity:0');
  assert.is(b.name, 'drop/Identity:0');
  assert.ok(c.name.startsWith('dropout_1/dropout/'), c.name);
  assert.equal(a.shape.as_list(), [null, 3]);
}));

test('training as a bool placeholder: fed false gives the inputs, fed true drops', () => fresh(() => {
  tf.set_random_seed(12);
  const training = tf.placeholder(tf.bool, []);
  const x = tf.constant(ones(40, 50));
  const y = tf.layers.dropout(x, { rate: 0.5, training });
  assertClose(run(y, [[training, false]]), ones(40, 50));
  const dropped = (run(y, [[training, true]]).toArray().flat() as number[]);
  assert.ok(dropped.every((v) => v === 0 || v === 2));
  const kept = dropped.filter((v) => v === 2).length / dropped.length;
  assert.ok(Math.abs(kept - 0.5) < 0.05, `kept ${kept}`);
  assertThrows(() => tf.layers.dropout(x, { training: tf.constant(1) }), 'training must be a boolean or a bool tensor');
}));

test('Dropout object and rate 0 (nothing dropped)', () => fresh(() => {
  const layer = new tf.layers.Dropout(0);
  const x = tf.constant([[1, 2, 3]]);
  assertClose(run(layer.apply(x, { training: true })), [[1, 2, 3]]);
}));

test('flatten: [batch, ...] → [batch, prod(...)], batch unknown', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2, 3]);
  const f = tf.layers.flatten(x);
  assert.equal(f.shape.as_list(), [null, 6]);
  assert.ok(f.name.startsWith('flatten/'), f.name);
  assertClose(run(f, [[x, [[[1, 2, 3], [4, 5, 6]]]]]), [[1, 2, 3, 4, 5, 6]]);
}));

test.run();
