// sess.run: argument forms, fetch structures and result types, feed forms and conversions, feeding cuts the graph.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import { assertClose, assertThrows, fresh } from '../helpers.ts';

/** x (placeholder [?,2]) -> y = x*2 -> z = y+1, in a fresh graph. */
function chain() {
  const x = tf.placeholder(tf.float32, [null, 2], { name: 'X' });
  const y = tf.multiply(x, 2, { name: 'y' });
  const z = tf.add(y, 1, { name: 'z' });
  return { x, y, z };
}

function withSess<T>(fn: (s: tf.Session) => T, backend = 'cpu'): T {
  const s = new tf.Session({ backend });
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

test('second argument: Map, pairs, {feed_dict}, name-keyed feed inside options', () => fresh(() => {
  const { x, z } = chain();
  withSess((s) => {
    const v = [[1, 2]];
    assertClose(s.run(z, new Map([[x, v]])), [[3, 5]]);
    assertClose(s.run(z, [[x, v]]), [[3, 5]]);
    assertClose(s.run(z, { feed_dict: [[x, v]] }), [[3, 5]]);
    assertClose(s.run(z, { feed_dict: new Map([[x, v]]) }), [[3, 5]]);
    assertClose(s.run(z, { feed_dict: { 'X:0': v } }), [[3, 5]]);
    assertClose(s.run(z, { feed_dict: { 'X:0': v }, backend: 'wasm' }), [[3, 5]]);
  });
}));

test('a name-keyed feed passed directly as the second argument is refused with a hint', () => fresh(() => {
  const { z } = chain();
  withSess((s) => {
    assertThrows(() => s.run(z, { 'X:0': [[1, 2]] }), "unknown option 'X:0'", "sess.run(fetches, {feed_dict: {'x:0': value}})");
    assertThrows(() => s.run(z, 'X:0' as never), 'the second argument must be a feed_dict');
  });
}));

test('fetch leaves: Tensor, Operation (null), Variable, tensor name, op name', () => fresh(() => {
  const c = tf.constant([1, 2], { name: 'c' });
  const v = tf.Variable([3, 4], { name: 'v' });
  const init = tf.global_variables_initializer();
  withSess((s) => {
    assert.is(s.run(init), null);
    assertClose(s.run(c), [1, 2]);
    assertClose(s.run(v), [3, 4]);
    assertClose(s.run('c:0'), [1, 2]);
    assertClose(s.run('v:0'), [3, 4]);
    assert.is(s.run('c'), null);
    assert.is(s.run(init.name), null);
  });
}));

test('nested arrays and plain objects of fetches come back with the same structure', () => fresh(() => {
  const a = tf.constant(1.5);
  const b = tf.constant([1, 2]);
  const op = tf.no_op();
  withSess((s) => {
    const r = s.run({ a, pair: [b, op], deep: { list: [[a], { b }] } });
    assert.equal(Object.keys(r), ['a', 'pair', 'deep']);
    assert.is(r.a, 1.5);
    assert.ok(r.pair[1] === null);
    assertClose(r.pair[0], [1, 2]);
    assert.is(r.deep.list[0][0], 1.5);
    assertClose(r.deep.list[1].b, [1, 2]);
    assert.equal(s.run([]), []);
    assert.equal(s.run({}), {});
  });
}));

test('duplicate fetches are computed once (a random op gives the same draw in every position)', () => fresh(() => {
  const r = tf.random_uniform([4]);
  withSess((s) => {
    const [a, b, { c }] = s.run([r, r, { c: r }]);
    assert.equal(a.toArray(), b.toArray());
    assert.equal(a.toArray(), c.toArray());
    const again = s.run(r);
    assert.not.equal(again.toArray(), a.toArray(), 'a new run draws new values');
  });
}));

test('results: rank-0 is a number (boolean for bool), otherwise an NDArray with dtype, shape, typed data', () => fresh(() => {
  const f = tf.constant(2.5);
  const i = tf.constant(7, { dtype: 'int32' });
  const bs = tf.constant(true);
  const m = tf.constant([[1, 2, 3], [4, 5, 6]], { dtype: 'int32' });
  const bl = tf.constant([true, false]);
  withSess((s) => {
    const [rf, ri, rb, rm, rbl] = s.run([f, i, bs, m, bl]);
    assert.is(rf, 2.5);
    assert.is(ri, 7);
    assert.is(rb, true);
    assert.ok(rm instanceof NDArray);
    assert.is(rm.dtype, 'int32');
    assert.equal(rm.shape, [2, 3]);
    assert.ok(rm.data instanceof Int32Array);
    assert.is(rm.size, 6);
    assert.is(rm.ndim, 2);
    assert.is(rm.get(1, 2), 6);
    assert.is(rm.get(-1, 0), 4);
    assert.equal((rm.get(0) as NDArray).toArray(), [1, 2, 3]);
    assert.equal(rm.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.is(rm.toString(), '[[1 2 3]\n [4 5 6]]');
    assert.is(rbl.dtype, 'bool');
    assert.ok(rbl.data instanceof Uint8Array);
    assert.equal(rbl.toArray(), [true, false]);
    assert.is(rbl.get(0), true);
    const rfl = s.run(tf.constant([0.5, -1]));
    assert.ok(rfl.data instanceof Float32Array);
    assert.is(rfl.dtype, 'float32');
    assert.is(rfl.toString(), '[ 0.5 -1. ]');
  });
}));

test('NDArray.get refuses out-of-range and too many indices', () => {
  const a = NDArray.from([[1, 2], [3, 4]]);
  assertThrows(() => a.get(2), 'index 2 is out of bounds for axis 0 with size 2');
  assertThrows(() => a.get(0, 0, 0), 'too many indices for array of rank 2');
});

test('feeding an intermediate tensor cuts its producers: the upstream placeholder need not be fed', () => fresh(() => {
  const { x, y, z } = chain();
  withSess((s) => {
    assertClose(s.run(z, [[y, [[10, 20]]]]), [[11, 21]]);
    assertClose(s.run(z, { feed_dict: { 'y:0': [[0, 0], [1, 1]] } }), [[1, 1], [2, 2]]);
    // The placeholder itself is still fine to feed alongside (its value is then unused).
    assertClose(s.run(z, [[x, [[5, 5]]], [y, [[1, 2]]]]), [[2, 3]]);
  });
}));

test('a fetched tensor that is fed returns the fed value, converted to its dtype', () => fresh(() => {
  const { x, y } = chain();
  const k = tf.placeholder(tf.int32, [2]);
  withSess((s) => {
    const [rx, ry] = s.run([x, y], [[x, [[1, 2]]], [y, [[7, 8]]]]);
    assertClose(rx, [[1, 2]]);
    assertClose(ry, [[7, 8]], 0, 'y is fed, not computed from x');
    const rk = s.run(k, [[k, [3, 4]]]);
    assert.is(rk.dtype, 'int32');
    assert.ok(rk.data instanceof Int32Array);
    assert.equal(rk.toArray(), [3, 4]);
  });
}));

test('only the ops the fetches need run (an unfed placeholder and an assign elsewhere are untouched)', () => fresh(() => {
  const { z } = chain();
  const v = tf.Variable(1, { name: 'v' });
  const bump = v.assign_add(1);
  const c = tf.constant(3);
  const other = tf.add(c, v);
  withSess((s) => {
    s.run(tf.global_variables_initializer());
    assert.is(s.run(c), 3);
    assert.is(s.run(other), 4);
    assert.is(s.run(v), 1, 'the assign_add was not fetched, so it did not run');
    assert.is(s.run(bump), 2);
    assert.is(s.run(v), 2);
    void z;
  });
}));

test('feed values: NDArray, typed array + shape, typed array, nested arrays, scalars', () => fresh(() => {
  const { x, z } = chain();
  const s0 = tf.placeholder(tf.float32, []);
  const sq = tf.multiply(s0, s0);
  const v1 = tf.placeholder(tf.float32, [3]);
  withSess((s) => {
    assertClose(s.run(z, [[x, NDArray.from([[1, 2]])]]), [[3, 5]]);
    assertClose(s.run(z, [[x, { data: new Float32Array([1, 2, 3, 4]), shape: [2, 2] }]]), [[3, 5], [7, 9]]);
    assertClose(s.run(z, [[x, { data: new Int32Array([1, 2]), shape: [1, 2] }]]), [[3, 5]]);
    assertClose(s.run(tf.identity(v1), [[v1, new Float32Array([1, 2, 3])]]), [1, 2, 3]);
    assertClose(s.run(z, [[x, [[1, 2], [3, 4]]]]), [[3, 5], [7, 9]]);
    assert.is(s.run(sq, [[s0, 3]]), 9);
    assert.is(s.run(sq, [[s0, NDArray.from(4)]]), 16);
  });
}));

test('ints fed to float32 and whole floats fed to int32 are accepted; bools to numbers become 0/1', () => fresh(() => {
  const f = tf.placeholder(tf.float32, [2]);
  const i = tf.placeholder(tf.int32, [3]);
  withSess((s) => {
    const rf = s.run(tf.identity(f), [[f, NDArray.from([1, 2], 'int32')]]);
    assert.is(rf.dtype, 'float32');
    assert.equal(rf.toArray(), [1, 2]);
    const ri = s.run(tf.identity(i), [[i, [1.0, 2.0, -3.0]]]);
    assert.is(ri.dtype, 'int32');
    assert.equal(ri.toArray(), [1, 2, -3]);
    assert.equal(s.run(tf.identity(i), [[i, new Float32Array([4, 5, 6])]]).toArray(), [4, 5, 6]);
    assert.equal(s.run(tf.identity(f), [[f, [true, false]]]).toArray(), [1, 0]);
  });
}));

test('structured keys (arrays of tensors) are fed element-wise', () => fresh(() => {
  const a = tf.placeholder(tf.float32, [2]);
  const b = tf.placeholder(tf.float32, []);
  const out = tf.add(a, b);
  withSess((s) => {
    assertClose(s.run(out, [[[a, b], [[1, 2], 10]]]), [11, 12]);
    assertThrows(() => s.run(out, [[[a, b], [[1, 2]]]]), 'a structured key of 2 tensors needs a value with the same structure');
  });
}));

test('feeding a variable overrides its value for one run only', () => fresh(() => {
  const v = tf.Variable([1, 2], { name: 'v' });
  const y = tf.multiply(v, 10);
  withSess((s) => {
    s.run(v.initializer);
    assertClose(s.run(y, [[v, [5, 6]]]), [50, 60]);
    assertClose(s.run(v, [[v, [5, 6]]]), [5, 6]);
    assertClose(s.run(v), [1, 2]);
  });
}));

test('bool placeholders accept booleans and 0/1', () => fresh(() => {
  const b = tf.placeholder(tf.bool, [2]);
  withSess((s) => {
    assert.equal(s.run(tf.identity(b), [[b, [true, false]]]).toArray(), [true, false]);
    assert.equal(s.run(tf.identity(b), [[b, [0, 1]]]).toArray(), [false, true]);
  });
}));

test('two sessions on one graph hold separate variable values', () => fresh(() => {
  const v = tf.Variable(0, { name: 'counter' });
  const inc = v.assign_add(1);
  const init = tf.global_variables_initializer();
  const s1 = new tf.Session({ backend: 'cpu' });
  const s2 = new tf.Session({ backend: 'wasm' });
  try {
    s1.run(init);
    s2.run(init);
    s1.run(inc);
    s1.run(inc);
    s2.run(inc);
    assert.is(s1.run(v), 2);
    assert.is(s2.run(v), 1);
  } finally {
    s1.close();
    s2.close();
  }
}));

test('variable.load writes a value without adding ops', () => fresh(() => {
  const v = tf.Variable([1, 2], { name: 'w' });
  const n = tf.get_default_graph().get_operations().length;
  withSess((s) => {
    v.load([5, 6], s);
    assertClose(s.run(v), [5, 6]);
  });
  assert.is(tf.get_default_graph().get_operations().length, n);
}));

test.run();
