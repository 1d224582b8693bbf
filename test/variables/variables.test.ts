// tf.Variable: naming, dtype, collections, initialisation ops, assignment, eval/load and per-session values.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertThrows, fresh, toJS } from '../helpers.ts';

function session<T>(fn: (s: tf.Session) => T, backend = 'cpu'): T {
  const s = new tf.Session({ backend });
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

test('naming: Variable, Variable_1, explicit names, name scopes', () => {
  fresh(() => {
    const a = tf.Variable(1);
    const b = new tf.Variable(2);
    assert.is(a.name, 'Variable:0');
    assert.is(b.name, 'Variable_1:0');
    assert.is(a.op.name, 'Variable');
    assert.is(a.op.type, 'VariableV2');
    assert.is(tf.Variable(3, { name: 'w' }).name, 'w:0');
    assert.is(tf.name_scope('layer', () => tf.Variable(3)).name, 'layer/Variable:0');
    assert.is(tf.name_scope('layer', () => tf.Variable(3, { name: 'w' })).name, 'layer_1/w:0');
    // Variable scope reuse does not affect tf.Variable: it always creates.
    assert.is(tf.variable_scope('vs', { reuse: true }, () => tf.Variable(0, { name: 'w' })).name, 'vs/w:0');
    assert.ok(a instanceof tf.Variable);
    assert.is(String(a), "<tf.Variable 'Variable:0' shape=() dtype=float32_ref>");
  });
});

test('naming: the Assign, read and initial value ops', () => {
  fresh(() => {
    const v = tf.name_scope('s', () => tf.Variable([1, 2], { name: 'v' }));
    assert.is(v.initializer.name, 's/v/Assign');
    assert.is(v.initializer.type, 'Assign');
    assert.is(v.value().name, 's/v/read:0');
    assert.is(v.initial_value.name, 's/v/initial_value:0');
    assert.is(v.initialized_value(), v.initial_value);
    // A callable initial value is built under <name>/Initializer/.
    const w = tf.Variable(() => tf.constant([3, 4]), { name: 'w' });
    assert.is(w.initial_value.op.name, 'w/Initializer/Const');
    // Ops consuming a variable read its snapshot.
    assert.is(v.add(1).op.inputs[0].name, 's/v/read:0');
  });
});

test('dtype: from the value, or converted by dtype=', () => {
  fresh(() => {
    assert.is(tf.Variable(1).dtype, 'float32');
    assert.is(tf.Variable([1, 2], { dtype: tf.int32 }).dtype, 'int32');
    assert.is(tf.Variable(tf.constant([1, 2], { dtype: 'int32' })).dtype, 'int32');
    assert.is(tf.Variable(true).dtype, 'bool');
    assertThrows(() => tf.Variable(tf.constant([1, 2]), { dtype: tf.int32 }), 'Tensor conversion requested dtype int32 for Tensor with dtype float32');
    const v = tf.Variable([[1, 2, 3]], { dtype: 'int32' });
    assert.equal(v.shape.as_list(), [1, 3]);
    session((s) => {
      s.run(v.initializer);
      const got = s.run(v);
      assert.is(got.dtype, 'int32');
      assert.equal(got.toArray(), [[1, 2, 3]]);
    });
  });
});

test('shape: an unknown initial shape is refused unless validate_shape=false', () => {
  fresh(() => {
    const p = tf.placeholder(tf.float32, [null]);
    assertThrows(() => tf.Variable(p), 'ValueError: initial_value must have a shape specified: Tensor("Placeholder:0", shape=(?,), dtype=float32)');
    const v = tf.Variable(p, { validate_shape: false, name: 'dyn' });
    assert.is(v.shape.known_rank, false);
    session((s) => {
      s.run(v.initializer, { feed_dict: [[p, [1, 2, 3]]] });
      assert.equal(s.run(v).toArray(), [1, 2, 3]);
    });
  });
});

test('collections: GLOBAL_VARIABLES always, TRAINABLE_VARIABLES when trainable, or the given ones', () => {
  fresh(() => {
    const a = tf.Variable(1, { name: 'a' });
    const b = tf.Variable(1, { name: 'b', trainable: false });
    const c = tf.Variable(1, { name: 'c', collections: ['mine'] });
    const d = tf.Variable(1, { name: 'd', collections: [tf.GraphKeys.LOCAL_VARIABLES], trainable: false });
    assert.is(a.trainable, true);
    assert.is(b.trainable, false);
    assert.equal(tf.global_variables(), [a, b]);
    assert.equal(tf.trainable_variables(), [a, c]);
    assert.equal(tf.get_collection('mine'), [c]);
    assert.equal(tf.local_variables(), [d]);
    assert.equal(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES), [a, b]);
    // The scope filter matches names at the start.
    const e = tf.name_scope('net', () => tf.Variable(1, { name: 'e' }));
    assert.equal(tf.global_variables('net'), [e]);
    assert.equal(tf.global_variables('^a'), [a]);
    assert.equal(tf.trainable_variables('b'), []);
  });
});

test('initialisation: reading before init fails with the variable name', () => {
  fresh(() => {
    const v = tf.name_scope('s', () => tf.Variable([1, 2], { name: 'v' }));
    session((s) => {
      assertThrows(() => s.run(v), 'FailedPreconditionError: Attempting to use uninitialized value s/v');
      assertThrows(() => s.run(v.add(1)), 'Attempting to use uninitialized value s/v');
      assert.is(s.run(v.initializer), null);
      assert.equal(s.run(v).toArray(), [1, 2]);
    });
  });
});

test('global_variables_initializer: a group named init; captures the variable list at call time', () => {
  fresh(() => {
    const a = tf.Variable(1, { name: 'a' });
    const init = tf.global_variables_initializer();
    assert.is(init.name, 'init');
    assert.is(init.type, 'NoOp');
    assert.equal(init.control_inputs.map((o) => o.name), ['a/Assign']);
    const late = tf.Variable(2, { name: 'late' });
    session((s) => {
      s.run(init);
      assert.is(s.run(a), 1);
      assertThrows(() => s.run(late), 'Attempting to use uninitialized value late');
      s.run(tf.global_variables_initializer());
      assert.is(s.run(late), 2);
    });
    assert.is(tf.global_variables_initializer().name, 'init_2');
    assert.is(tf.initialize_all_variables().name, 'init_3');
  });
});

test('global_variables_initializer with no variables is a NoOp named init', () => {
  fresh(() => {
    const init = tf.global_variables_initializer();
    assert.is(init.name, 'init');
    assert.is(init.type, 'NoOp');
    assert.equal(init.control_inputs, []);
    session((s) => assert.is(s.run(init), null));
  });
});

test('variables_initializer: only the listed variables; custom name', () => {
  fresh(() => {
    const a = tf.Variable(1, { name: 'a' });
    const b = tf.Variable(2, { name: 'b' });
    const init = tf.variables_initializer([b], { name: 'init_b' });
    assert.is(init.name, 'init_b');
    session((s) => {
      s.run(init);
      assert.is(s.run(b), 2);
      assertThrows(() => s.run(a), 'uninitialized value a');
    });
    assert.is(tf.variables_initializer([]).type, 'NoOp');
    assert.is(tf.local_variables_initializer().type, 'NoOp');
  });
});

test('assign / assign_add / assign_sub return the new value and update the variable', () => {
  fresh(() => {
    const v = tf.Variable([1, 2], { name: 'v' });
    const set = v.assign([10, 20]);
    const inc = v.assign_add([1, 1]);
    const dec = tf.assign_sub(v, [5, 5]);
    assert.is(set.op.type, 'Assign');
    assert.is(set.op.name, 'Assign');
    assert.is(inc.op.name, 'AssignAdd');
    assert.is(dec.op.name, 'AssignSub');
    assert.is(tf.assign(v, [0, 0], { name: 'zero' }).op.name, 'zero');
    session((s) => {
      s.run(v.initializer);
      assert.equal(s.run(set).toArray(), [10, 20]);
      assert.equal(s.run(inc).toArray(), [11, 21]);
      assert.equal(s.run(inc).toArray(), [12, 22]);
      assert.equal(s.run(dec).toArray(), [7, 17]);
      assert.equal(s.run(v).toArray(), [7, 17]);
      // A scalar operand takes the variable's dtype.
      const i = tf.Variable(5, { dtype: tf.int32, name: 'i' });
      s.run(i.initializer);
      assert.is(s.run(i.assign_add(2)), 7);
      assert.is(s.run(tf.assign(i, 1)), 1);
    });
  });
});

test('assign: shape and dtype must match; validate_shape=false allows a new shape', () => {
  fresh(() => {
    const v = tf.Variable([1, 2], { name: 'v' });
    assertThrows(() => v.assign([1, 2, 3]),
      "ValueError: Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for 'Assign' (op: 'Assign') with input shapes: [2], [3].");
    assertThrows(() => tf.assign(v, [[1, 2]]), "Shapes must be equal rank, but are 1 and 2 for 'Assign'");
    assertThrows(() => v.assign_add([1, 2, 3]), "for 'AssignAdd' (op: 'AssignAdd')");
    assertThrows(() => v.assign(tf.constant([1, 2], { dtype: 'int32' })), 'Tensor conversion requested dtype float32 for Tensor with dtype int32');
    assertThrows(() => tf.assign(tf.constant([1, 2]) as never, [1, 2]), "tf.assign: 'ref' must be a tf.Variable");
    const grow = v.assign([1, 2, 3], { validate_shape: false });
    assert.equal(grow.shape.as_list(), [3]);
    session((s) => {
      s.run(v.initializer);
      assert.equal(s.run(grow).toArray(), [1, 2, 3]);
      assert.equal(s.run(v).toArray(), [1, 2, 3]);
    });
  });
});

test('assign ops do nothing unless run', () => {
  fresh(() => {
    const v = tf.Variable(1, { name: 'v' });
    v.assign(100);
    session((s) => {
      s.run(v.initializer);
      assert.is(s.run(v), 1);
    });
  });
});

test('var.eval() and op.run() use the default session or the given one', () => {
  fresh(() => {
    const v = tf.Variable([4, 5], { name: 'v' });
    assertThrows(() => v.eval(), 'ValueError: Cannot evaluate tensor using `eval()`: No default session is registered.');
    tf.Session.with((s) => {
      v.initializer.run();
      assert.equal(v.eval().toArray(), [4, 5]);
      assert.equal(v.eval(undefined, s).toArray(), [4, 5]);
    });
    session((s) => {
      tf.global_variables_initializer().run(undefined, s);
      assert.equal(v.eval(undefined, s).toArray(), [4, 5]);
    });
  });
});

test('var.load() assigns a host value without adding ops', () => {
  fresh(() => {
    const v = tf.Variable([0, 0], { name: 'v' });
    const double = v.mul(2);
    const nOps = tf.get_default_graph().get_operations().length;
    session((s) => {
      v.load([3, 4], s);
      assert.equal(s.run(v).toArray(), [3, 4]);
      assert.equal(s.run(double).toArray(), [6, 8]);
      s.as_default(() => v.load([7, 8]));
      assert.equal(s.run(v).toArray(), [7, 8]);
    });
    assert.is(tf.get_default_graph().get_operations().length, nOps);
    assertThrows(() => v.load([1, 2]), 'ValueError: Cannot load a variable using `load()`: No default session is registered.');
  });
});

test('read_value() inside control_dependencies sees the assigned value', () => {
  fresh(() => {
    const v = tf.Variable(1, { name: 'v' });
    const set = v.assign(5);
    const after = tf.control_dependencies([set], () => v.read_value());
    assert.is(after.op.type, 'Identity');
    assert.equal(after.op.control_inputs.map((o) => o.name), ['Assign']);
    const inc = v.assign_add(1);
    const afterInc = tf.control_dependencies([inc], () => v.read_value().mul(10));
    session((s) => {
      s.run(v.initializer);
      assert.is(s.run(after), 5);
      assert.is(s.run(afterInc), 60);
      assert.is(s.run(afterInc), 70);
      assert.is(s.run(v), 7);
    });
  });
});

test('two sessions on one graph hold independent variable values', () => {
  fresh(() => {
    const v = tf.Variable(0, { name: 'counter' });
    const inc = v.assign_add(1);
    const init = tf.global_variables_initializer();
    const s1 = new tf.Session();
    const s2 = new tf.Session({ backend: 'wasm' });
    try {
      s1.run(init);
      s1.run(inc);
      s1.run(inc);
      assertThrows(() => s2.run(v), 'Attempting to use uninitialized value counter');
      s2.run(init);
      s2.run(inc);
      assert.is(s1.run(v), 2);
      assert.is(s2.run(v), 1);
      // Closing one does not affect the other.
      s1.close();
      assert.is(s2.run(inc), 2);
      assertThrows(() => s1.run(v), 'RuntimeError: Attempted to use a closed Session.');
    } finally {
      s1.close();
      s2.close();
    }
  });
});

test('variable values survive a backend switch within one session', () => {
  fresh(() => {
    const v = tf.Variable([1, 2], { name: 'v' });
    const inc = v.assign_add([1, 1]);
    session((s) => {
      s.run(v.initializer);
      s.run(inc, { backend: 'wasm' });
      assert.equal(toJS(s.run(v, { backend: 'cpu' })), [2, 3]);
      assert.equal(toJS(s.run(inc, { backend: 'wasm' })), [3, 4]);
    });
  });
});

test.run();
