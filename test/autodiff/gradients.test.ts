// tf.gradients: result list, unconnected/null, grad_ys, summing over ys and paths, stop_gradient, names, errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { getOpDef } from '../../src/ops/registry.ts';
import { assertClose, assertThrows, fresh, run } from '../helpers.ts';

/** Runs fn with `type`'s gradient temporarily removed (no global test-only op, which the registry tests would see). */
function withoutGrad<T>(type: string, fn: () => T): T {
  const def = getOpDef(type) as { grad?: unknown };
  const saved = def.grad;
  def.grad = undefined;
  try {
    return fn();
  } finally {
    def.grad = saved;
  }
}

test('returns a list of len(xs); null for an unconnected x', () => {
  fresh(() => {
    const x = tf.constant([1, 2, 3]);
    const z = tf.constant([4, 5, 6]);
    const y = tf.reduce_sum(tf.multiply(x, x));
    const gs = tf.gradients(y, [x, z]);
    assert.is(gs.length, 2);
    assert.is(gs[1], null);
    assertClose(run(gs[0]), [2, 4, 6]);
    // a single x (not a list) still gives a list
    const g1 = tf.gradients(y, x);
    assert.ok(Array.isArray(g1));
    assert.is(g1.length, 1);
  });
});

test('grad_ys weights each y', () => {
  fresh(() => {
    const x = tf.constant([1, 2, 3]);
    const y = tf.multiply(x, 3);
    const [g] = tf.gradients(y, x, [tf.constant([1, 10, 100])]);
    assertClose(run(g), [3, 30, 300]);
    // wrong number of grad_ys
    assertThrows(() => tf.gradients(y, x, [tf.constant([1, 1, 1]), tf.constant([1, 1, 1])]), 'grad_ys');
  });
});

test('multiple ys are summed; a tensor used twice sums both paths', () => {
  fresh(() => {
    const x = tf.constant([1, 2]);
    const y1 = tf.reduce_sum(tf.multiply(x, 2));
    const y2 = tf.reduce_sum(tf.multiply(x, x));
    const [g] = tf.gradients([y1, y2], [x]);
    assertClose(run(g), [2 + 2, 2 + 4]);
    // x used twice in one expression: d(x*x + x)/dx = 2x + 1
    const y3 = tf.reduce_sum(tf.add(tf.multiply(x, x), x));
    const [g3] = tf.gradients(y3, x);
    assertClose(run(g3), [3, 5]);
    // a shared subexpression feeding two consumers
    const s = tf.multiply(x, 3);
    const y4 = tf.reduce_sum(tf.add(s, tf.multiply(s, s)));
    const [g4] = tf.gradients(y4, x);
    // d/dx (3x + 9x^2) = 3 + 18x
    assertClose(run(g4), [21, 39]);
  });
});

test('stop_gradient blocks; integer paths give null', () => {
  fresh(() => {
    const x = tf.constant([1, 2]);
    const y = tf.reduce_sum(tf.add(tf.multiply(x, 2), tf.stop_gradient(tf.multiply(x, x))));
    const [g] = tf.gradients(y, x);
    assertClose(run(g), [2, 2]);
    const only = tf.reduce_sum(tf.stop_gradient(tf.multiply(x, x)));
    assert.equal(tf.gradients(only, x), [null]);
    // through an integer cast
    const yi = tf.reduce_sum(tf.cast(tf.cast(x, 'int32'), 'float32'));
    assert.equal(tf.gradients(yi, x), [null]);
    // an integer x
    const xi = tf.constant([1, 2], { dtype: 'int32' });
    const yy = tf.reduce_sum(tf.multiply(tf.cast(xi, 'float32'), 2));
    assert.equal(tf.gradients(yy, xi), [null]);
    // stop_gradients option
    const a = tf.multiply(x, 2);
    const b = tf.reduce_sum(tf.multiply(a, x));
    const [gs] = tf.gradients(b, x, undefined, { stop_gradients: [a] });
    assertClose(run(gs), [2, 4]);
  });
});

test('names under gradients/, gradients_1/ for a second call', () => {
  fresh(() => {
    const x = tf.constant([1, 2], { name: 'x' });
    const y = tf.reduce_sum(tf.multiply(x, x), undefined, { name: 'y' });
    const [g1] = tf.gradients(y, x);
    const [g2] = tf.gradients(y, x);
    assert.ok(g1!.name.startsWith('gradients/'), g1!.name);
    assert.ok(g2!.name.startsWith('gradients_1/'), g2!.name);
    const names = tf.get_default_graph().get_operations().map((o: tf.Operation) => o.name);
    for (const n of ['gradients/y_grad/Tile', 'gradients/Mul_grad/Mul', 'gradients/Mul_grad/Mul_1', 'gradients/AddN', 'gradients_1/AddN']) {
      assert.ok(names.includes(n), `${n} not in ${names.join(' ')}`);
    }
    assert.is(g1!.name, 'gradients/AddN:0');
    // a custom name
    const [g3] = tf.gradients(y, x, undefined, { name: 'mygrads' });
    assert.ok(g3!.name.startsWith('mygrads/'), g3!.name);
  });
});

test('a Variable as x', () => {
  fresh(() => {
    const w = tf.Variable([1, 2, 3], { name: 'w' });
    const y = tf.reduce_sum(tf.multiply(w, w));
    const [g] = tf.gradients(y, [w]);
    assert.ok(g !== null);
    assertClose(run(g), [2, 4, 6]);
    // via the read tensor too
    const [g2] = tf.gradients(y, w.value());
    assertClose(run(g2), [2, 4, 6]);
  });
});

test('an op with no gradient on the path: error names the op', () => {
  fresh(() => {
    const x = tf.constant([1, 2]);
    const mid = tf.sin(x, { name: 'nograd' });
    const y = tf.reduce_sum(tf.multiply(mid, 2));
    withoutGrad('Sin', () => {
      assertThrows(() => tf.gradients(y, x), 'No gradient defined for operation', "'nograd'", '(op type: Sin)');
      // not on the path: fine
      const y2 = tf.reduce_sum(tf.add(tf.multiply(x, 2), tf.reduce_sum(mid)));
      const z = tf.constant(1);
      assert.equal(tf.gradients(y2, z), [null]);
      // on a path to y but not from any x: never differentiated
      const [gx] = tf.gradients(tf.add(tf.reduce_sum(tf.multiply(x, 2)), tf.reduce_sum(tf.sin(z))), x);
      assertClose(run(gx), [2, 2]);
    });
    // restored: the same graph now differentiates
    const [g] = tf.gradients(y, x);
    assertClose(run(g), [2 * Math.cos(1), 2 * Math.cos(2)], 1e-5);
  });
});

test('ys must be floating without grad_ys', () => {
  fresh(() => {
    const x = tf.constant([1, 2], { dtype: 'int32' });
    assertThrows(() => tf.gradients(tf.multiply(x, 2), x), 'float');
  });
});

test('gradient of a matmul chain runs on wasm too', () => {
  fresh(() => {
    const a = tf.constant([[1, 2], [3, 4]]);
    const b = tf.constant([[1, 0], [0, 2]]);
    const y = tf.reduce_sum(tf.matmul(a, b));
    const [ga, gb] = tf.gradients(y, [a, b]);
    for (const be of ['cpu', 'wasm']) {
      const [va, vb] = run([ga, gb], undefined, be);
      assertClose(va, [[1, 2], [1, 2]]);
      assertClose(vb, [[4, 4], [6, 6]]);
    }
  });
});

test("grad_ys shape mismatch; unconnected_gradients: 'zero'", () => {
  fresh(() => {
    const x = tf.constant([1, 2, 3]);
    const y = tf.multiply(x, 2);
    assertThrows(() => tf.gradients(y, x, [tf.constant([1, 2])]), 'grad_ys[0]', '(2,)', '(3,)');
    const z = tf.constant([[1, 2]]);
    const [gz] = tf.gradients(tf.reduce_sum(y), z, undefined, { unconnected_gradients: 'zero' });
    assertClose(run(gz), [[0, 0]]);
  });
});

test.run();
