// Variable scopes: the §1.6 naming table, what scopes open and return, reuse inheritance and default-name counters.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import type { VariableScope } from '../../src/variables/scope.ts';
import { assertThrows, fresh, run } from '../helpers.ts';

const vs = tf.variable_scope;
const ALREADY = (n: string) => `ValueError: Variable ${n} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?`;
const MISSING = (n: string) => `ValueError: Variable ${n} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`;

// ---- §1.6 worked examples, one test per row ----

test('§1.6: get_variable in variable_scope("rnn_cell") is rnn_cell/W:0', () => {
  fresh(() => {
    const W = vs('rnn_cell', () => tf.get_variable('W', [3, 4]));
    assert.is(W.name, 'rnn_cell/W:0');
    assert.is(W.op.name, 'rnn_cell/W');
    assert.equal(W.shape.as_list(), [3, 4]);
    assert.is(W.dtype, 'float32');
    // Its init ops live under the variable's name.
    assert.is(W.initializer.name, 'rnn_cell/W/Assign');
    assert.is(W.value().op.name, 'rnn_cell/W/read');
    assert.ok(W.initial_value.op.name.startsWith('rnn_cell/W/Initializer/'));
  });
});

test('§1.6: the same block again without reuse is a ValueError', () => {
  fresh(() => {
    vs('rnn_cell', () => tf.get_variable('W', [3, 4]));
    assertThrows(() => vs('rnn_cell', () => tf.get_variable('W', [3, 4])), ALREADY('rnn_cell/W'));
  });
});

test('§1.6: reuse=True returns the same object; ops inside are under name scope rnn_cell_1/', () => {
  fresh(() => {
    const W = vs('rnn_cell', () => tf.get_variable('W', [3, 4]));
    const [W2, y] = vs('rnn_cell', { reuse: true }, () => {
      const w = tf.get_variable('W');
      return [w, tf.constant(1, { name: 'y' })] as const;
    });
    assert.is(W2, W);
    assert.is(y.op.name, 'rnn_cell_1/y');
  });
});

test('§1.6: reuse=True with a missing variable is a ValueError', () => {
  fresh(() => {
    vs('rnn_cell', () => tf.get_variable('W', [3, 4]));
    assertThrows(() => vs('rnn_cell', { reuse: true }, () => tf.get_variable('U', [2])), MISSING('rnn_cell/U'));
  });
});

test('§1.6: AUTO_REUSE creates once, then returns it', () => {
  fresh(() => {
    const f = () => vs('a', { reuse: tf.AUTO_REUSE }, () => tf.get_variable('v', [1]));
    const v1 = f();
    const v2 = f();
    assert.is(v1, v2);
    assert.is(v1.name, 'a/v:0');
    assert.is(tf.global_variables().length, 1);
  });
});

test('§1.6: name_scope does not affect get_variable, only other ops', () => {
  fresh(() => {
    const [v, x] = tf.name_scope('ns', () => {
      const v = tf.get_variable('v', [1]);
      return [v, v.add(1)] as const;
    });
    assert.is(v.name, 'v:0');
    assert.is(x.op.name, 'ns/add');
  });
});

test('§1.6: name_scope prefixes tf.Variable', () => {
  fresh(() => {
    const w = tf.name_scope('ns', () => tf.Variable(0, { name: 'w' }));
    assert.is(w.name, 'ns/w:0');
  });
});

test('§1.6: two tf.Variable named W are W:0 and W_1:0', () => {
  fresh(() => {
    assert.is(tf.Variable(1, { name: 'W' }).name, 'W:0');
    assert.is(tf.Variable(2, { name: 'W' }).name, 'W_1:0');
  });
});

test('§1.6: two placeholders are Placeholder:0 and Placeholder_1:0', () => {
  fresh(() => {
    assert.is(tf.placeholder(tf.float32).name, 'Placeholder:0');
    assert.is(tf.placeholder(tf.float32).name, 'Placeholder_1:0');
  });
});

test('§1.6: nested variable scopes give foo/bar/v:0', () => {
  fresh(() => {
    assert.is(vs('foo', () => vs('bar', () => tf.get_variable('v', [1]))).name, 'foo/bar/v:0');
  });
});

test('§1.6: re-entering a captured scope gives foo/v:0 with ops under foo_1/', () => {
  fresh(() => {
    const s = vs('foo', (sc) => sc);
    const [v, c] = vs(s, () => [tf.get_variable('v', [1]), tf.constant(0, { name: 'c' })] as const);
    assert.is(v.name, 'foo/v:0');
    assert.is(c.op.name, 'foo_1/c');
  });
});

test('§1.6: variable_scope(null, default_name="blk") twice at root gives blk, blk_1', () => {
  fresh(() => {
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk');
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk_1');
    assert.is(vs(null, { default_name: 'blk' }, () => tf.get_variable('v', [1]).name), 'blk_2/v:0');
  });
});

test('§1.6: default names restart inside a re-entered parent scope', () => {
  fresh(() => {
    const first = vs('outer', () => [vs(null, { default_name: 'blk' }, (s) => s.name), vs(null, { default_name: 'blk' }, (s) => s.name)]);
    assert.equal(first, ['outer/blk', 'outer/blk_1']);
    assert.is(vs('outer', () => vs(null, { default_name: 'blk' }, (s) => s.name)), 'outer/blk');
    // ... which is why a second layer in a re-entered scope collides unless it reuses.
    assertThrows(() => vs('outer', () => vs(null, { default_name: 'blk' }, () => {
      tf.get_variable('k', [1]);
      return tf.get_variable('k', [1]);
    })), ALREADY('outer/blk/k'));
  });
});

// ---- what the scopes open and return ----

test('variable_scope: name scopes are uniquified, variable scopes are not', () => {
  fresh(() => {
    const a = vs('foo', (s) => [s.name, s.original_name_scope, tf.constant(0).op.name]);
    const b = vs('foo', (s) => [s.name, s.original_name_scope, tf.constant(0).op.name]);
    assert.equal(a, ['foo', 'foo/', 'foo/Const']);
    assert.equal(b, ['foo', 'foo_1/', 'foo_1/Const']);
    // tf.Variable inside a variable scope takes the name scope.
    assert.is(vs('foo', () => tf.Variable(1, { name: 'v' }).name), 'foo_2/v:0');
  });
});

test('variable_scope: the callback gets the VariableScope; get_variable_scope is the current one', () => {
  fresh(() => {
    const root = tf.get_variable_scope();
    assert.is(root.name, '');
    assert.is(root.reuse, false);
    vs('x', (s) => {
      assert.ok(s instanceof tf.VariableScope);
      assert.is(tf.get_variable_scope(), s);
      assert.is(s.name, 'x');
      vs('y', (t) => assert.is(tf.get_variable_scope(), t));
      assert.is(tf.get_variable_scope(), s);
    });
    assert.is(tf.get_variable_scope(), root);
    assert.is(vs('r', () => 7), 7);
  });
});

test('variable_scope: scope state is restored after an error in the callback', () => {
  fresh(() => {
    const root = tf.get_variable_scope();
    assertThrows(() => vs('bad', () => { throw new Error('boom'); }), 'boom');
    assert.is(tf.get_variable_scope(), root);
    assert.is(tf.constant(0).op.name, 'Const');
  });
});

test('variable_scope: a captured scope is absolute and keeps its original_name_scope and settings', () => {
  fresh(() => {
    const init = tf.constant_initializer(3);
    const s = vs('a', () => vs('b', { initializer: init }, (sc) => sc));
    vs('elsewhere', () => vs(s, (t) => {
      assert.is(t.name, 'a/b');
      // The name scope opened is the last component, nested and uniquified; original_name_scope is kept.
      assert.is(tf.constant(0, { name: 'c' }).op.name, 'elsewhere/b/c');
      assert.is(t.original_name_scope, 'a/b/');
      assert.is(t.initializer, init);
      assert.is(tf.get_variable('v', [2]).name, 'a/b/v:0');
    }));
    const v = tf.get_default_graph().get_tensor_by_name('a/b/v:0');
    assert.ok(v);
    assert.equal(run(tf.global_variables()[0]).toArray(), [3, 3]);
  });
});

test('variable_scope: auxiliary_name_scope=false opens no name scope', () => {
  fresh(() => {
    const s = vs('foo', (sc) => sc);
    tf.name_scope('cur', () => {
      vs('bar', { auxiliary_name_scope: false }, (t) => {
        assert.is(t.name, 'bar');
        assert.is(t.original_name_scope, 'cur/');
        assert.is(tf.constant(0, { name: 'c' }).op.name, 'cur/c');
      });
      vs(s, { auxiliary_name_scope: false }, (t) => {
        assert.is(t.original_name_scope, 'foo/');
        assert.is(tf.constant(0, { name: 'c' }).op.name, 'cur/c_1');
        // TF's recipe for re-entering the original name scope.
        assert.is(tf.name_scope(t.original_name_scope, () => tf.constant(0, { name: 'c' }).op.name), 'foo/c');
      });
    });
  });
});

test("variable_scope(''): keeps the current name scope", () => {
  fresh(() => {
    tf.name_scope('ns', () => vs('', () => assert.is(tf.constant(0, { name: 'c' }).op.name, 'ns/c')));
  });
});

// ---- reuse inheritance (§1.4) ----

const reuseOf = (s: VariableScope) => s.reuse;

test('reuse: root is False; reuse=False/None inherit False', () => {
  fresh(() => {
    assert.is(reuseOf(tf.get_variable_scope()), false);
    assert.is(vs('a', reuseOf), false);
    assert.is(vs('a', { reuse: false }, reuseOf), false);
    assert.is(vs('a', { reuse: null }, reuseOf), false);
  });
});

test('reuse: True and AUTO_REUSE win over any parent', () => {
  fresh(() => {
    assert.is(vs('a', { reuse: true }, reuseOf), true);
    assert.is(vs('a', { reuse: tf.AUTO_REUSE }, reuseOf), tf.AUTO_REUSE);
    assert.is(vs('a', { reuse: tf.AUTO_REUSE }, () => vs('b', { reuse: true }, reuseOf)), true);
    assert.is(vs('a', { reuse: true }, () => vs('b', { reuse: tf.AUTO_REUSE }, reuseOf)), tf.AUTO_REUSE);
  });
});

test('reuse: True and AUTO_REUSE are sticky in sub-scopes (reuse=False cannot switch them off)', () => {
  fresh(() => {
    assert.is(vs('a', { reuse: true }, () => vs('b', reuseOf)), true);
    assert.is(vs('a', { reuse: true }, () => vs('b', { reuse: false }, reuseOf)), true);
    assert.is(vs('a', { reuse: tf.AUTO_REUSE }, () => vs('b', { reuse: false }, reuseOf)), tf.AUTO_REUSE);
    assert.is(vs('a', { reuse: tf.AUTO_REUSE }, () => vs('b', () => vs('c', reuseOf))), tf.AUTO_REUSE);
    assert.is(vs('a', { reuse: true }, () => vs(null, { default_name: 'd' }, reuseOf)), true);
  });
});

test('reuse: a captured scope uses reuse_arg or its own reuse, not the parent', () => {
  fresh(() => {
    const s = vs('cap', (sc) => sc);
    assert.is(vs('p', { reuse: true }, () => vs(s, reuseOf)), false);
    assert.is(vs(s, { reuse: true }, reuseOf), true);
    const r = vs('capr', { reuse: true }, (sc) => sc);
    assert.is(vs(r, { reuse: false }, reuseOf), true);
  });
});

test('reuse_variables(): reuse for the rest of the block and later sub-scopes', () => {
  fresh(() => {
    vs('foo', (s) => {
      const v = tf.get_variable('v', [1]);
      assert.is(vs('before', reuseOf), false);
      s.reuse_variables();
      assert.is(tf.get_variable('v', [1]), v);
      assert.is(vs('after', reuseOf), true);
      assertThrows(() => tf.get_variable('w', [1]), MISSING('foo/w'));
    });
    // The next entry of 'foo' is a new scope object, not reusing.
    assert.is(vs('foo', reuseOf), false);
  });
});

test('reuse=True without a name_or_scope is a ValueError; bad reuse values are refused', () => {
  fresh(() => {
    assertThrows(() => vs(null, { default_name: 'x', reuse: true }, () => null), 'ValueError: reuse=True cannot be used without a name_or_scope');
    assertThrows(() => vs('x', { reuse: 'yes' as unknown as boolean }, () => null),
      'ValueError: The reuse parameter must be True or False or None, or tf.AUTO_REUSE');
    assertThrows(() => vs(null, () => null), 'TypeError: If default_name is None then name_or_scope is required');
    assertThrows(() => vs(3 as unknown as string, () => null), 'VariableScope: name_or_scope must be a string or VariableScope.');
    // AUTO_REUSE without a name is fine.
    assert.is(vs(null, { default_name: 'x', reuse: tf.AUTO_REUSE }, reuseOf), tf.AUTO_REUSE);
  });
});

// ---- default-name counters ----

test('counters: a string scope entered twice counts twice (default_name skips it)', () => {
  fresh(() => {
    vs('blk', () => null);
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk_1');
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk_2');
  });
});

test('counters: default names skip taken numbered scopes', () => {
  fresh(() => {
    vs('blk_1', () => null);
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk');
    assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk_2');
  });
});

test('counters: exiting a string scope resets its sub-scope counts, at any depth', () => {
  fresh(() => {
    const names = () => vs('outer', () => vs('mid', () => [vs(null, { default_name: 'b' }, (s) => s.name), vs(null, { default_name: 'b' }, (s) => s.name)]));
    assert.equal(names(), ['outer/mid/b', 'outer/mid/b_1']);
    assert.equal(names(), ['outer/mid/b', 'outer/mid/b_1']);
    // Counters are per parent: siblings do not interfere; the root's counters are never reset.
    vs(null, { default_name: 'b' }, () => null);
    assert.is(vs(null, { default_name: 'b' }, (s) => s.name), 'b_1');
  });
});

test('counters: counts are restored after leaving a captured scope', () => {
  fresh(() => {
    const s = vs('cap', (sc) => sc);
    const inCapture = vs(s, () => [vs(null, { default_name: 'b' }, (t) => t.name), vs(null, { default_name: 'b' }, (t) => t.name)]);
    assert.equal(inCapture, ['cap/b', 'cap/b_1']);
    // Entering 'cap' as a string and leaving it resets cap/* anyway; a second capture starts again.
    assert.equal(vs(s, () => vs(null, { default_name: 'b' }, (t) => t.name)), 'cap/b');
    // Inside an open string scope, a captured sub-scope's counts do not leak out.
    vs('p', () => {
      const inner = vs('q', (q) => q);
      vs(null, { default_name: 'b' }, () => null); // p/b
      vs(inner, () => vs(null, { default_name: 'b' }, () => null)); // p/q/b, forgotten on exit
      assert.is(vs('q', () => vs(null, { default_name: 'b' }, (t) => t.name)), 'p/q/b');
      assert.is(vs(null, { default_name: 'b' }, (t) => t.name), 'p/b_1');
    });
  });
});

test('counters: entering a captured scope counts that scope', () => {
  fresh(() => {
    const s = vs('o', () => vs('in', (sc) => sc));
    // Leaving 'o' reset o/in to 0; re-entering the captured o/in counts it again (TF counts before it snapshots).
    vs(s, () => null);
    assert.is(vs('o', () => vs(null, { default_name: 'in' }, (t) => t.name)), 'o/in_1');
  });
});

test('counters: reset_default_graph clears them', () => {
  tf.reset_default_graph();
  vs(null, { default_name: 'blk' }, () => null);
  tf.reset_default_graph();
  assert.is(vs(null, { default_name: 'blk' }, (s) => s.name), 'blk');
});

test.run();
