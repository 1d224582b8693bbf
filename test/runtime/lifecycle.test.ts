// Session lifecycle and defaults: Session.with, `using`, as_default, InteractiveSession, eval/op.run, backends per session and per run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh } from '../helpers.ts';

test('Session.with makes the default graph and session inside, restores both and closes after', () => fresh(() => {
  const outer = tf.get_default_graph();
  const g = new tf.Graph();
  const c = g.as_default(() => tf.constant(4));
  let inner: tf.Session | null = null;
  const r = tf.Session.with({ graph: g, backend: 'cpu' }, (sess) => {
    inner = sess;
    assert.ok(tf.get_default_session() === sess);
    assert.ok(tf.get_default_graph() === g);
    assert.is(c.eval(), 4);
    return sess.run(c) * 2;
  });
  assert.is(r, 8, 'the callback result is returned');
  assert.is(tf.get_default_session(), null);
  assert.ok(tf.get_default_graph() === outer);
  assertThrows(() => inner!.run(c), 'Attempted to use a closed Session.');
}));

test('Session.with without options, and closing even when the callback throws', () => fresh(() => {
  const c = tf.constant(1);
  let s: tf.Session | null = null;
  assertThrows(() => tf.Session.with((sess) => {
    s = sess;
    assert.is(sess.run(c), 1);
    throw new Error('boom');
  }), 'boom');
  assert.is(tf.get_default_session(), null);
  assertThrows(() => s!.run(c), 'Attempted to use a closed Session.');
}));

test('`using sess = new tf.Session()` closes at scope end (Symbol.dispose)', () => fresh(() => {
  const c = tf.constant(2);
  let escaped: tf.Session;
  {
    using sess = new tf.Session({ backend: 'cpu' });
    escaped = sess;
    assert.is(sess.run(c), 2);
  }
  assertThrows(() => escaped.run(c), 'Attempted to use a closed Session.');
}));

test('sess.as_default: default session only, not closed after, nested defaults restore', () => fresh(() => {
  const c = tf.constant(3);
  const a = new tf.Session({ backend: 'cpu' });
  const b = new tf.Session({ backend: 'cpu' });
  try {
    assert.is(tf.get_default_session(), null);
    const r = a.as_default((s) => {
      assert.ok(s === a);
      assert.ok(tf.get_default_session() === a);
      b.as_default(() => assert.ok(tf.get_default_session() === b));
      assert.ok(tf.get_default_session() === a);
      return c.eval();
    });
    assert.is(r, 3);
    assert.is(tf.get_default_session(), null);
    assert.is(a.run(c), 3, 'as_default does not close');
  } finally {
    a.close();
    b.close();
  }
}));

test('InteractiveSession is the default session and graph until closed', () => fresh(() => {
  const g = tf.get_default_graph();
  const x = tf.placeholder(tf.float32, [2]);
  const y = tf.multiply(x, 3);
  const v = tf.Variable(5, { name: 'iv' });
  const isess = new tf.InteractiveSession({ backend: 'cpu' });
  try {
    assert.ok(tf.get_default_session() === isess);
    assert.ok(tf.get_default_graph() === g);
    tf.global_variables_initializer().run();
    assert.is(v.eval(), 5);
    assertClose(y.eval([[x, [1, 2]]]), [3, 6]);
    assertClose(y.eval({ 'Placeholder:0': [2, 2] }), [6, 6], 1e-6, 'a name-keyed feed_dict works with eval');
    v.assign(7).op.run();
    assert.is(v.eval(), 7);
  } finally {
    isess.close();
  }
  assert.is(tf.get_default_session(), null);
}));

test('eval and op.run with an explicit session; errors without a default session', () => fresh(() => {
  const c = tf.constant(9);
  const op = tf.no_op();
  assertThrows(() => c.eval(), 'ValueError: Cannot evaluate tensor using `eval()`: No default session is registered.',
    'Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`');
  assertThrows(() => op.run(), 'ValueError: Cannot execute operation using `run()`: No default session is registered.');
  const s = new tf.Session({ backend: 'cpu' });
  try {
    assert.is(c.eval(undefined, s), 9);
    assert.is(op.run(undefined, s), null);
  } finally {
    s.close();
  }
}));

test('eval and op.run refuse a session of another graph', () => fresh(() => {
  const c = tf.constant(1);
  const other = new tf.Graph();
  other.as_default(() => tf.constant(0));
  const s = new tf.Session({ graph: other, backend: 'cpu' });
  try {
    assertThrows(() => c.eval(undefined, s), "the tensor's graph is different from the session's graph");
    assertThrows(() => c.op.run(undefined, s), "the operation's graph is different from the session's graph");
  } finally {
    s.close();
  }
}));

test('a session binds the default graph at construction', () => fresh(() => {
  const g = tf.get_default_graph();
  const s = new tf.Session({ backend: 'cpu' });
  tf.reset_default_graph();
  const c = g.as_default(() => tf.constant(5));
  try {
    assert.ok(s.graph === g);
    assert.is(s.run(c), 5);
  } finally {
    s.close();
  }
}));

test('list_backends contains cpu and wasm; the default backend is wasm', () => {
  const names = tf.list_backends();
  assert.ok(names.includes('cpu') && names.includes('wasm'), String(names));
  const s = new tf.Session();
  assert.is(s.backend, 'wasm');
  s.close();
});

test("backend 'tensorflow' without tfjs-node: a clear error naming both packages and the working backends", () => {
  if (tf.list_backends().includes('tensorflow')) return;
  for (const make of [() => new tf.Session({ backend: 'tensorflow' }), () => { const s = new tf.Session({ backend: 'cpu' }); s.backend = 'tensorflow'; }]) {
    assertThrows(make, "Backend 'tensorflow' is not available", '@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node',
      "use backend 'wasm' or 'cpu'");
  }
  assertThrows(() => new tf.Session({ backend: 'gpu' }), `Unknown backend "gpu": expected one of 'wasm', 'cpu', 'tensorflow'`);
});

test('the backend option overrides for one run; switching backends keeps variables', () => fresh(() => {
  const v = tf.Variable([1, 2, 3], { name: 'kept' });
  const inc = v.assign_add([1, 1, 1]);
  const y = tf.tanh(tf.multiply(v, 0.1));
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(tf.global_variables_initializer());
    s.run(inc, { backend: 'wasm' });
    assertClose(s.run(v), [2, 3, 4]);
    assert.is(s.backend, 'cpu', 'a per-run backend does not change the session backend');
    s.backend = 'wasm';
    assert.is(s.backend, 'wasm');
    s.run(inc);
    assertClose(s.run(v), [3, 4, 5]);
    s.backend = 'cpu';
    assertClose(s.run(y), [Math.tanh(0.3), Math.tanh(0.4), Math.tanh(0.5)]);
    assertClose(s.run(y, { backend: 'wasm' }), [Math.tanh(0.3), Math.tanh(0.4), Math.tanh(0.5)]);
  } finally {
    s.close();
  }
}));

test.run();
