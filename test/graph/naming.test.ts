// Op naming and uniquification (§1.2), name scopes (§1.3), graph lookups, collections and the default-graph stack.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertThrows, fresh } from '../helpers.ts';

const c = (name?: string) => tf.constant(1, name === undefined ? {} : { name });

test('unique_name: repeated names get _1, _2', () => {
  fresh(() => {
    assert.equal([c('W'), c('W'), c('W')].map((t) => t.op.name), ['W', 'W_1', 'W_2']);
  });
});

test('unique_name: an explicit W_1 is skipped by the counter', () => {
  fresh(() => {
    assert.equal([c('W'), c('W_1'), c('W')].map((t) => t.op.name), ['W', 'W_1', 'W_2']);
  });
});

test('unique_name: W_1 first, then W, W gives W_1, W, W_2', () => {
  fresh(() => {
    assert.equal([c('W_1'), c('W'), c('W')].map((t) => t.op.name), ['W_1', 'W', 'W_2']);
  });
});

test('unique_name: comparison is case-insensitive, suffix keeps the original case', () => {
  fresh(() => {
    assert.equal([c('Add'), c('add'), c('ADD')].map((t) => t.op.name), ['Add', 'add_1', 'ADD_2']);
  });
});

test('unique_name: default names are the op type; tensor names are op:index', () => {
  fresh(() => {
    const a = tf.placeholder(tf.float32);
    const b = tf.placeholder(tf.float32);
    assert.is(a.name, 'Placeholder:0');
    assert.is(b.name, 'Placeholder_1:0');
    assert.is(c().name, 'Const:0');
    assert.is(c().name, 'Const_1:0');
    // Python operators use lowercase names.
    assert.is(a.add(b).op.name, 'add');
    assert.is(a.add(b).op.name, 'add_1');
    // 'Add' collides case-insensitively with 'add' and 'add_1'.
    assert.is(tf.add(a, b).op.name, 'Add_2');
  });
});

test('unique_name: mark_as_used=false only peeks', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    assert.is(g.unique_name('x', false), 'x');
    assert.is(g.unique_name('x', false), 'x');
    assert.is(g.unique_name('x'), 'x');
    assert.is(g.unique_name('x', false), 'x_1');
    assert.is(g.unique_name('x'), 'x_1');
    assert.is(c('x').op.name, 'x_2');
  });
});

test('unique_name: names are prefixed by the current name scope', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    tf.name_scope('s', () => {
      assert.is(g.unique_name('x'), 's/x');
      assert.is(c('x').op.name, 's/x_1');
    });
  });
});

test('name scopes and op names share one table', () => {
  fresh(() => {
    c('foo');
    assert.is(tf.name_scope('foo', (s) => s), 'foo_1/');
    tf.name_scope('bar', () => null);
    assert.is(c('bar').op.name, 'bar_1');
    // Case-insensitive across scopes and ops as well.
    assert.is(tf.name_scope('FOO', (s) => s), 'FOO_2/');
  });
});

test('name_scope: the callback gets the scope string with a trailing slash; re-entry uniquifies', () => {
  fresh(() => {
    assert.is(tf.name_scope('foo', (s) => s), 'foo/');
    assert.is(tf.name_scope('foo', (s) => s), 'foo_1/');
    assert.is(tf.name_scope('foo', (s) => s), 'foo_2/');
    tf.name_scope('foo', (s) => {
      assert.is(s, 'foo_3/');
      assert.is(c().op.name, 'foo_3/Const');
      assert.is(tf.name_scope('bar', (s2) => s2), 'foo_3/bar/');
      assert.is(tf.name_scope('bar', (s2) => s2), 'foo_3/bar_1/');
    });
  });
});

test('name_scope: nested scopes prefix op names; leaving restores the outer scope', () => {
  fresh(() => {
    const [a, b] = tf.name_scope('outer', () => tf.name_scope('inner', () => [c('a'), tf.placeholder(tf.float32)]));
    assert.is(a.op.name, 'outer/inner/a');
    assert.is(b.op.name, 'outer/inner/Placeholder');
    assert.is(c('a').op.name, 'a');
  });
});

test("name_scope: a name ending in '/' re-enters that scope exactly", () => {
  fresh(() => {
    const captured = tf.name_scope('a', () => tf.name_scope('b', (s) => s));
    assert.is(captured, 'a/b/');
    const [scope, x] = tf.name_scope(captured, (s) => [s, c('x')] as const);
    assert.is(scope, 'a/b/');
    assert.is(x.op.name, 'a/b/x');
    // Re-entering does not uniquify: a second time gives the same scope, and names continue.
    assert.is(tf.name_scope('a/b/', () => c('x').op.name), 'a/b/x_1');
    // Inside another scope a trailing '/' is still absolute.
    assert.is(tf.name_scope('z', () => tf.name_scope('a/b/', () => c('y').op.name)), 'a/b/y');
  });
});

test("name_scope: null and '' reset to the root scope", () => {
  fresh(() => {
    tf.name_scope('outer', () => {
      assert.is(tf.name_scope(null, (s) => s), '');
      assert.is(tf.name_scope('', () => c('r').op.name), 'r');
      assert.is(tf.name_scope(undefined, () => c('r').op.name), 'r_1');
      assert.is(c('r').op.name, 'outer/r');
    });
  });
});

test('name_scope: default_name is used (uniquified) when name is null', () => {
  fresh(() => {
    assert.is(tf.name_scope(null, 'dflt', (s) => s), 'dflt/');
    assert.is(tf.name_scope(null, 'dflt', (s) => s), 'dflt_1/');
    assert.is(tf.name_scope('given', 'dflt', (s) => s), 'given/');
  });
});

test('name_scope: the callback result is returned and the scope is restored after an error', () => {
  fresh(() => {
    assertThrows(() => tf.name_scope('boom', () => { throw new Error('inner failure'); }), 'inner failure');
    assert.is(c('after').op.name, 'after');
  });
});

test('name_scope: an invalid scope name is a ValueError', () => {
  fresh(() => {
    assertThrows(() => tf.name_scope('a b', () => null), "ValueError: 'a b' is not a valid scope name");
    assertThrows(() => tf.name_scope('x!', () => null), "'x!' is not a valid scope name");
    // At the root a scope name must be a valid op name; nested, it may start with '_'.
    assertThrows(() => tf.name_scope('_x', () => null), "ValueError: '_x' is not a valid scope name");
    assert.is(tf.name_scope('a', () => tf.name_scope('_x', (s) => s)), 'a/_x/');
  });
});

test('an invalid op name is a ValueError', () => {
  fresh(() => {
    assertThrows(() => c('a b'), "ValueError: 'a b' is not a valid node name");
    assertThrows(() => c('_hidden'), "ValueError: '_hidden' is not a valid node name");
    assertThrows(() => tf.placeholder(tf.float32, [], { name: 'x:0' }), "'x:0' is not a valid node name");
    assert.is(c('.a-b>c').op.name, '.a-b>c');
    assert.is(tf.get_default_graph().get_operations().length, 1);
  });
});

test('get_tensor_by_name / get_operation_by_name find ops and tensors', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    const x = tf.name_scope('s', () => tf.placeholder(tf.float32, [2], { name: 'x' }));
    assert.is(g.get_tensor_by_name('s/x:0'), x);
    assert.is(g.get_operation_by_name('s/x'), x.op);
    assert.is(g.as_graph_element('s/x:0'), x);
    assert.is(g.as_graph_element('s/x'), x.op);
  });
});

test('get_tensor_by_name errors', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    c('x');
    assertThrows(() => g.get_tensor_by_name('x'), "ValueError: The name 'x' looks like an (invalid) Operation name, not a Tensor.",
      'Tensor names must be of the form "<op_name>:<output_index>".');
    assertThrows(() => g.get_tensor_by_name('nope:0'),
      "KeyError: \"The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.\"");
    assertThrows(() => g.get_tensor_by_name('x:1'),
      "KeyError: \"The name 'x:1' refers to a Tensor which does not exist. The operation, 'x', exists but only has 1 outputs.\"");
  });
});

test('get_operation_by_name errors', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    c('x');
    assertThrows(() => g.get_operation_by_name('nope'), "KeyError: \"The name 'nope' refers to an Operation not in the graph.\"");
    assertThrows(() => g.get_operation_by_name('x:0'), "ValueError: Name 'x:0' appears to refer to a Tensor, not a Operation.");
  });
});

test('get_operations lists ops in creation order and is a copy', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    assert.equal(g.get_operations(), []);
    const a = c('a');
    const b = tf.placeholder(tf.float32, [], { name: 'b' });
    const s = a.add(b);
    const ops = g.get_operations();
    assert.equal(ops.map((o) => o.name), ['a', 'b', 'add']);
    assert.equal(ops.map((o) => o.id), [0, 1, 2]);
    assert.is(ops[2], s.op);
    ops.pop();
    assert.is(g.get_operations().length, 3);
    assert.is(g.version, 3);
  });
});

test('collections: add, get (copy), get_collection_ref (live), scope regex matched at the start', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    assert.equal(tf.get_collection('mine'), []);
    const a = tf.name_scope('layer1', () => c('w'));
    const b = tf.name_scope('layer2', () => c('w'));
    const d = c('layer1_extra');
    tf.add_to_collection('mine', a);
    tf.add_to_collection('mine', b);
    tf.add_to_collection('mine', d);
    tf.add_to_collection('mine', 42); // no name: dropped by a scope filter, kept otherwise
    assert.equal(tf.get_collection('mine'), [a, b, d, 42]);
    // `name` of a tensor is 'layer1/w:0'; the scope is a regex matched at the start (re.match).
    assert.equal(tf.get_collection('mine', 'layer1'), [a, d]);
    assert.equal(tf.get_collection('mine', 'layer1/'), [a]);
    assert.equal(tf.get_collection('mine', 'layer[12]/'), [a, b]);
    assert.equal(tf.get_collection('mine', 'w'), []);
    const copy = tf.get_collection('mine');
    copy.pop();
    assert.is(tf.get_collection('mine').length, 4);
    const ref = tf.get_collection_ref('mine');
    ref.pop();
    assert.is(tf.get_collection('mine').length, 3);
    const fresh_ref = tf.get_collection_ref<number>('new');
    fresh_ref.push(1);
    assert.equal(tf.get_collection('new'), [1]);
    assert.equal(g.get_all_collection_keys(), ['mine', 'new']);
  });
});

test('Graph: a new graph is not the default until as_default; the stack nests and unwinds', () => {
  fresh(() => {
    const g0 = tf.get_default_graph();
    const g1 = new tf.Graph();
    const g2 = new tf.Graph();
    assert.is.not(g1, g0);
    assert.is(tf.get_default_graph(), g0);
    const r = g1.as_default((g) => {
      assert.is(g, g1);
      assert.is(tf.get_default_graph(), g1);
      const x = c('x');
      assert.is(x.graph, g1);
      g2.as_default(() => assert.is(tf.get_default_graph(), g2));
      assert.is(tf.get_default_graph(), g1);
      return 'done';
    });
    assert.is(r, 'done');
    assert.is(tf.get_default_graph(), g0);
    assert.is(g0.get_operations().length, 0);
    assert.is(g1.get_operations().length, 1);
    // Each graph has its own name table.
    assert.is(g1.as_default(() => c('x').op.name), 'x_1');
    assert.is(c('x').op.name, 'x');
  });
});

test('Graph: the default graph is restored when the as_default callback throws', () => {
  fresh(() => {
    const g0 = tf.get_default_graph();
    const g1 = new tf.Graph();
    assertThrows(() => g1.as_default(() => { throw new Error('oops'); }), 'oops');
    assert.is(tf.get_default_graph(), g0);
  });
});

test('a session sees ops added to its graph after it was created', () => {
  fresh(() => {
    c('a');
    const sess = new tf.Session();
    try {
      const later = tf.constant(5, { name: 'later' });
      assert.is(sess.run(later), 5);
      assert.is(sess.run('later:0'), 5);
    } finally {
      sess.close();
    }
  });
});

test('variable scopes and the variable store are per graph', () => {
  fresh(() => {
    const g = new tf.Graph();
    const v1 = tf.variable_scope('a', () => tf.get_variable('v', [1]));
    const v2 = g.as_default(() => tf.variable_scope('a', (s) => {
      assert.is(s.original_name_scope, 'a/');
      return tf.get_variable('v', [1]);
    }));
    assert.is(v1.name, 'a/v:0');
    assert.is(v2.name, 'a/v:0');
    assert.is(v2.graph, g);
    assert.equal(g.get_collection(tf.GraphKeys.GLOBAL_VARIABLES), [v2]);
    assert.equal(tf.global_variables(), [v1]);
  });
});

test('ops from two graphs cannot be combined', () => {
  fresh(() => {
    const a = c('a');
    const b = new tf.Graph().as_default(() => c('b'));
    assertThrows(() => tf.add(a, b), "ValueError: Tensor(s) 'a:0', 'b:0' passed to op 'Add' must be from the same graph.");
  });
});

test('reset_default_graph: a fresh graph with fresh names and collections', () => {
  tf.reset_default_graph();
  const g0 = tf.get_default_graph();
  const x = c('x');
  tf.add_to_collection('k', x);
  tf.get_variable('v', [1]);
  tf.reset_default_graph();
  const g1 = tf.get_default_graph();
  assert.is.not(g1, g0);
  assert.is(tf.get_default_graph(), g1);
  assert.is(c('x').op.name, 'x');
  assert.equal(tf.get_collection('k'), []);
  // The variable store lives in the graph: v can be created again.
  assert.is(tf.get_variable('v', [1]).name, 'v:0');
  assert.is(x.graph, g0);
});

const NESTED = 'AssertionError: Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.';

test('reset_default_graph inside g.as_default is an AssertionError', () => {
  fresh(() => {
    const g = new tf.Graph();
    assertThrows(() => g.as_default(() => tf.reset_default_graph()), NESTED);
    // The outer default graph is also pushed when used with as_default.
    const d = tf.get_default_graph();
    assertThrows(() => d.as_default(() => tf.reset_default_graph()), NESTED);
    tf.reset_default_graph();
  });
});

test('reset_default_graph inside tf.Session.with and while an InteractiveSession is open', () => {
  fresh(() => {
    c('x');
    assertThrows(() => tf.Session.with(() => tf.reset_default_graph()), NESTED);
    tf.reset_default_graph();
    c('y');
    const s = new tf.InteractiveSession();
    try {
      assertThrows(() => tf.reset_default_graph(), NESTED);
    } finally {
      s.close();
    }
    tf.reset_default_graph();
  });
});

test('tf.Session.with makes the session graph the default inside', () => {
  fresh(() => {
    const g = new tf.Graph();
    g.as_default(() => c('x'));
    tf.Session.with({ graph: g }, (sess) => {
      assert.is(tf.get_default_graph(), g);
      assert.is(tf.get_default_session(), sess);
      assert.is(sess.run('x:0'), 1);
    });
    assert.is.not(tf.get_default_graph(), g);
    assert.is(tf.get_default_session(), null);
  });
});

test.run();
