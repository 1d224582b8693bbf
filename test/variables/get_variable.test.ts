// tf.get_variable: the create/reuse decisions, sharing checks, constant and callable initializers, scope inheritance.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertThrows, fresh, run } from '../helpers.ts';

const vs = tf.variable_scope;
const ALREADY = (n: string) => `ValueError: Variable ${n} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?`;
const MISSING = (n: string) => `ValueError: Variable ${n} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`;

// ---- get_variable decisions and errors ----

test('get_variable: duplicate name in the same scope is a ValueError', () => {
  fresh(() => {
    tf.get_variable('v', [1]);
    assertThrows(() => tf.get_variable('v', [1]), ALREADY('v'));
  });
});

test('get_variable: tf.Variable objects are invisible to the store; the new op is uniquified', () => {
  fresh(() => {
    tf.Variable(1, { name: 'W' });
    assertThrows(() => vs('', { reuse: true }, () => tf.get_variable('W', [])), MISSING('W'));
    const w = tf.get_variable('W', []);
    assert.is(w.op.name, 'W_1');
    assert.is(vs('', { reuse: true }, () => tf.get_variable('W')), w);
  });
});

test('get_variable: sharing checks shape (unknown dims are compatible) and dtype', () => {
  fresh(() => {
    const v = vs('s', () => tf.get_variable('v', [3, 4]));
    vs('s', { reuse: true }, () => {
      assert.is(tf.get_variable('v'), v);
      assert.is(tf.get_variable('v', [null, 4]), v);
      assert.is(tf.get_variable('v', [3, 4], { dtype: tf.float32 }), v);
      assertThrows(() => tf.get_variable('v', [4, 3]), 'ValueError: Trying to share variable s/v, but specified shape (4, 3) and found shape (3, 4).');
      assertThrows(() => tf.get_variable('v', [3]), 'Trying to share variable s/v, but specified shape (3,) and found shape (3, 4).');
      assertThrows(() => tf.get_variable('v', [3, 4], { dtype: tf.int32 }), 'ValueError: Trying to share variable s/v, but specified dtype int32 and found dtype float32.');
    });
    // AUTO_REUSE checks the same way.
    assertThrows(() => vs('s', { reuse: tf.AUTO_REUSE }, () => tf.get_variable('v', [2])), 'Trying to share variable s/v, but specified shape (2,)');
  });
});

test('get_variable: a constant initializer gives the shape; passing a shape too is an error', () => {
  fresh(() => {
    const v = tf.get_variable('c', { initializer: tf.constant([[1, 2], [3, 4]]) });
    assert.equal(v.shape.as_list(), [2, 2]);
    const w = tf.get_variable('w', { initializer: [5, 6, 7] });
    assert.equal(w.shape.as_list(), [3]);
    assert.is(w.dtype, 'float32');
    const i = tf.get_variable('i', { initializer: [5, 6], dtype: tf.int32 });
    assert.is(i.dtype, 'int32');
    assertThrows(() => tf.get_variable('x', [2], { initializer: tf.constant([1, 2]) }), 'ValueError: If initializer is a constant, do not specify shape.');
    assertThrows(() => tf.get_variable('x', [], { initializer: 3 }), 'If initializer is a constant, do not specify shape.');
    assertThrows(() => tf.get_variable('x', { initializer: tf.constant([1, 2]), dtype: tf.int32 }),
      "ValueError: Initializer type 'float32' and explicit dtype 'int32' don't match.");
    const [a, b, c] = run([v, w, i]);
    assert.equal([a.toArray(), b.toArray(), c.toArray()], [[[1, 2], [3, 4]], [5, 6, 7], [5, 6]]);
  });
});

test('get_variable: a new variable needs a fully defined shape', () => {
  fresh(() => {
    assertThrows(() => tf.get_variable('v', [null, 3]), 'ValueError: Shape of a new variable (v) must be fully defined, but instead was (?, 3).');
    assertThrows(() => tf.get_variable('v'), 'ValueError: Shape of a new variable (v) must be fully defined, but instead was <unknown>.');
    assertThrows(() => vs('s', () => tf.get_variable('v', null)), 'Shape of a new variable (s/v) must be fully defined');
    // The failed attempts left nothing in the store.
    assert.is(tf.get_variable('v', [2]).name, 'v:0');
  });
});

test('get_variable: the initializer is inherited from the scope, and overridden by the argument', () => {
  fresh(() => {
    const [a, b, c, d] = vs('s', { initializer: tf.constant_initializer(7) }, () => [
      tf.get_variable('a', [2]),
      tf.get_variable('b', [2], { initializer: tf.ones_initializer() }),
      vs('inner', () => tf.get_variable('c', [1])),
      vs('inner2', { initializer: tf.zeros_initializer() }, () => tf.get_variable('d', [1])),
    ]);
    const [va, vb, vc, vd] = run([a, b, c, d]);
    assert.equal([va.toArray(), vb.toArray(), vc.toArray(), vd.toArray()], [[7, 7], [1, 1], [7], [0]]);
    // set_initializer changes the current scope for later variables.
    const e = vs('t', (s) => {
      s.set_initializer(tf.constant_initializer(2));
      return tf.get_variable('e', [1]);
    });
    assert.equal(run(e).toArray(), [2]);
  });
});

test('get_variable: dtype comes from the argument, else the scope', () => {
  fresh(() => {
    assert.is(vs('s', { dtype: tf.int32 }, () => tf.get_variable('a', [1])).dtype, 'int32');
    assert.is(vs('s2', { dtype: 'int32' }, () => vs('in', () => tf.get_variable('b', [1]))).dtype, 'int32');
    assert.is(vs('s3', { dtype: tf.int32 }, () => tf.get_variable('c', [1], { dtype: tf.float32 })).dtype, 'float32');
  });
});

test('get_variable: trainable and collections', () => {
  fresh(() => {
    const a = tf.get_variable('a', [1]);
    const b = tf.get_variable('b', [1], { trainable: false });
    const c = tf.get_variable('c', [1], { collections: ['mine'] });
    assert.equal(tf.global_variables(), [a, b]);
    assert.equal(tf.trainable_variables(), [a, c]);
    assert.equal(tf.get_collection('mine'), [c]);
  });
});

test('get_variable: a regularizer adds its loss to REGULARIZATION_LOSSES under <var>/Regularizer/', () => {
  fresh(() => {
    const reg = (v: unknown) => tf.multiply(v as ReturnType<typeof tf.constant>, 2);
    const v = tf.get_variable('w', [2], { regularizer: reg, initializer: tf.ones_initializer() });
    const losses = tf.get_collection<ReturnType<typeof tf.constant>>(tf.GraphKeys.REGULARIZATION_LOSSES);
    assert.is(losses.length, 1);
    assert.is(losses[0].op.name, 'w/Regularizer/Mul');
    assert.equal(run(losses[0]).toArray(), [2, 2]);
    // From the scope as well; a regularizer returning null adds nothing.
    vs('s', { regularizer: () => null }, () => tf.get_variable('u', [1]));
    assert.is(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES).length, 1);
    void v;
  });
});

test.run();
