// Variable names, shapes and sharing of cells (TF1's first-call scope capture), zero_state, wrappers and errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { rnn_cell, static_rnn } from '../../src/api/rnn.ts';
import { assertThrows, fresh } from '../helpers.ts';

const { BasicRNNCell, BasicLSTMCell, LSTMCell, GRUCell, MultiRNNCell, OutputProjectionWrapper, InputProjectionWrapper,
  DropoutWrapper, ResidualWrapper, LSTMStateTuple } = rnn_cell;

/** name → shape of every global variable, in creation order. */
const vars = () => tf.global_variables().map((v) => `${v.name} ${JSON.stringify(v.shape.as_list())}`);
const x = (b = 2, d = 3) => tf.placeholder(tf.float32, [b, d]);

test('variable names and shapes of every cell under static_rnn', () => {
  const cases: [() => any, string[]][] = [
    [() => new BasicRNNCell(4), ['rnn/basic_rnn_cell/kernel:0 [7,4]', 'rnn/basic_rnn_cell/bias:0 [4]']],
    [() => new BasicLSTMCell(4), ['rnn/basic_lstm_cell/kernel:0 [7,16]', 'rnn/basic_lstm_cell/bias:0 [16]']],
    [() => new GRUCell(4), ['rnn/gru_cell/gates/kernel:0 [7,8]', 'rnn/gru_cell/gates/bias:0 [8]',
      'rnn/gru_cell/candidate/kernel:0 [7,4]', 'rnn/gru_cell/candidate/bias:0 [4]']],
    [() => new LSTMCell(4, { use_peepholes: true, num_proj: 2 }), ['rnn/lstm_cell/kernel:0 [5,16]', 'rnn/lstm_cell/bias:0 [16]',
      'rnn/lstm_cell/w_f_diag:0 [4]', 'rnn/lstm_cell/w_i_diag:0 [4]', 'rnn/lstm_cell/w_o_diag:0 [4]',
      'rnn/lstm_cell/projection/kernel:0 [4,2]']],
    [() => new BasicLSTMCell(4, { name: 'enc' }), ['rnn/enc/kernel:0 [7,16]', 'rnn/enc/bias:0 [16]']],
  ];
  for (const [make, expected] of cases) {
    fresh(() => {
      static_rnn(make(), [x(), x(), x()], { dtype: tf.float32 });
      assert.equal(vars(), expected);
    });
  }
});

test('calling a cell twice reuses its variables; a second cell at top level gets basic_lstm_cell_1', () => fresh(() => {
  const a = new BasicLSTMCell(4);
  const s = a.zero_state(2, tf.float32);
  const [, s1] = a.apply(x(), s);
  a.apply(x(), s1);
  tf.variable_scope('elsewhere', () => a.apply(x(), s1));
  assert.equal(vars(), ['basic_lstm_cell/kernel:0 [7,16]', 'basic_lstm_cell/bias:0 [16]']);
  assert.is(a.name, 'basic_lstm_cell');
  const b = new BasicLSTMCell(4);
  b.apply(x(), s);
  assert.equal(vars().slice(2), ['basic_lstm_cell_1/kernel:0 [7,16]', 'basic_lstm_cell_1/bias:0 [16]']);
  tf.variable_scope('enc', () => new BasicLSTMCell(4).apply(x(), s));
  assert.equal(vars().slice(4, 5), ['enc/basic_lstm_cell/kernel:0 [7,16]']);
  // Ops of later calls go back into the cell's original name scope.
  const ops = tf.get_default_graph().get_operations().map((o) => o.name);
  assert.ok(ops.includes('basic_lstm_cell/MatMul') && ops.includes('basic_lstm_cell/MatMul_2'));
}));

test('an explicit scope= on the first call names the variables', () => fresh(() => {
  const c = new GRUCell(2);
  c.apply(x(), tf.zeros([2, 2]), { scope: 'my_gru' });
  assert.equal(vars()[0], 'my_gru/gates/kernel:0 [5,4]');
}));

test('two static_rnn calls with different cells in one parent scope collide (the classic error)', () => fresh(() => {
  static_rnn(new BasicLSTMCell(4), [x()], { dtype: tf.float32 });
  assertThrows(() => static_rnn(new BasicLSTMCell(4), [x()], { dtype: tf.float32 }),
    'Variable rnn/basic_lstm_cell/kernel already exists, disallowed');
  // With different scopes both work.
  static_rnn(new BasicLSTMCell(4), [x()], { dtype: tf.float32, scope: 'second' });
  assert.ok(vars().includes('second/basic_lstm_cell/kernel:0 [7,16]'));
}));

test('reuse=AUTO_REUSE cells share rnn/basic_lstm_cell across static_rnn calls; reuse=true needs existing variables', () => fresh(() => {
  const [o1] = static_rnn(new BasicLSTMCell(4, { reuse: tf.AUTO_REUSE }), [x()], { dtype: tf.float32 });
  const [o2] = static_rnn(new BasicLSTMCell(4, { reuse: tf.AUTO_REUSE }), [x()], { dtype: tf.float32 });
  assert.equal(vars(), ['rnn/basic_lstm_cell/kernel:0 [7,16]', 'rnn/basic_lstm_cell/bias:0 [16]']);
  assert.is.not(o1[0], o2[0]);
  static_rnn(new BasicLSTMCell(4, { reuse: true }), [x()], { dtype: tf.float32 });
  assertThrows(() => static_rnn(new GRUCell(4, { reuse: true }), [x()], { dtype: tf.float32 }),
    'Variable rnn/gru_cell/gates/kernel does not exist');
}));

test('MultiRNNCell: cell_%d sub-scopes under rnn/multi_rnn_cell, tuple state', () => fresh(() => {
  const cell = new MultiRNNCell([new BasicLSTMCell(4), new GRUCell(2)]);
  const st = cell.state_size as any[];
  assert.ok(st[0] instanceof LSTMStateTuple);
  assert.is(st[1], 2);
  assert.is(cell.output_size, 2);
  const [outs, state] = static_rnn(cell, [x(), x()], { dtype: tf.float32 });
  assert.equal(vars(), [
    'rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0 [7,16]', 'rnn/multi_rnn_cell/cell_0/basic_lstm_cell/bias:0 [16]',
    'rnn/multi_rnn_cell/cell_1/gru_cell/gates/kernel:0 [6,4]', 'rnn/multi_rnn_cell/cell_1/gru_cell/gates/bias:0 [4]',
    'rnn/multi_rnn_cell/cell_1/gru_cell/candidate/kernel:0 [6,2]', 'rnn/multi_rnn_cell/cell_1/gru_cell/candidate/bias:0 [2]']);
  assert.is(outs.length, 2);
  assert.ok(Array.isArray(state) && !(state instanceof LSTMStateTuple) && state.length === 2);
  assert.ok(state[0] instanceof LSTMStateTuple);
  assert.equal(state[1].shape.as_list(), [2, 2]);
}));

test('MultiRNNCell([cell, cell]) shares one set of weights; mismatched depth fails in MatMul', () => fresh(() => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    const cell = new BasicLSTMCell(3);
    static_rnn(new MultiRNNCell([cell, cell]), [x(2, 3)], { dtype: tf.float32 });
    assert.equal(vars(), ['rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0 [6,12]',
      'rnn/multi_rnn_cell/cell_0/basic_lstm_cell/bias:0 [12]']);
    const other = new BasicLSTMCell(3);
    assertThrows(() => static_rnn(new MultiRNNCell([other, other]), [x(2, 5)], { dtype: tf.float32, scope: 'bad' }), 'MatMul');
  } finally {
    console.warn = warn;
  }
}));

test('MultiRNNCell errors: empty list, wrong state type; state_is_tuple=false concatenates', () => fresh(() => {
  assertThrows(() => new MultiRNNCell([]), 'Must specify at least one cell for MultiRNNCell.');
  const cell = new MultiRNNCell([new BasicRNNCell(2), new BasicRNNCell(2)]);
  assertThrows(() => cell.apply(x(), tf.zeros([2, 4])), 'Expected state to be a tuple of length 2, but received:');
  const flat = new MultiRNNCell([new BasicRNNCell(2), new BasicRNNCell(3)], { state_is_tuple: false });
  assert.is(flat.state_size, 5);
  const [, s] = flat.apply(x(), flat.zero_state(2, tf.float32));
  assert.equal(s.shape.as_list(), [2, 5]);
}));

test('wrappers: projection variables, nesting, no extra level for Dropout/Residual', () => {
  fresh(() => {
    const cell = new OutputProjectionWrapper(new BasicRNNCell(4), 2);
    assert.is(cell.output_size, 2);
    const [outs] = static_rnn(cell, [x()], { dtype: tf.float32 });
    assert.equal(outs[0].shape.as_list(), [2, 2]);
    assert.equal(vars(), ['rnn/output_projection_wrapper/basic_rnn_cell/kernel:0 [7,4]',
      'rnn/output_projection_wrapper/basic_rnn_cell/bias:0 [4]', 'rnn/output_projection_wrapper/kernel:0 [4,2]',
      'rnn/output_projection_wrapper/bias:0 [2]']);
    assertThrows(() => new OutputProjectionWrapper(new BasicRNNCell(4), 0), 'output_size must be > 0');
  });
  fresh(() => {
    static_rnn(new InputProjectionWrapper(new GRUCell(4), 6), [x(), x()], { dtype: tf.float32 });
    assert.equal(vars().slice(0, 3), ['rnn/input_projection_wrapper/kernel:0 [3,6]', 'rnn/input_projection_wrapper/bias:0 [6]',
      'rnn/input_projection_wrapper/gru_cell/gates/kernel:0 [10,8]']);
  });
  fresh(() => {
    const keep = tf.placeholder_with_default(1.0, []);
    static_rnn(new DropoutWrapper(new BasicLSTMCell(4), { output_keep_prob: keep, input_keep_prob: 0.5 }), [x(2, 3)], { dtype: tf.float32 });
    assert.equal(vars(), ['rnn/basic_lstm_cell/kernel:0 [7,16]', 'rnn/basic_lstm_cell/bias:0 [16]']);
  });
  fresh(() => {
    const [outs] = static_rnn(new ResidualWrapper(new BasicRNNCell(3)), [x(2, 3)], { dtype: tf.float32 });
    assert.equal(vars(), ['rnn/basic_rnn_cell/kernel:0 [6,3]', 'rnn/basic_rnn_cell/bias:0 [3]']);
    assert.is(outs[0].op.type, 'Add');
  });
});

test('zero_state: shapes, structures and op names', () => fresh(() => {
  const lstm = new BasicLSTMCell(4);
  const z = lstm.zero_state(3, tf.float32);
  assert.ok(z instanceof LSTMStateTuple);
  assert.is(z.c.op.name, 'BasicLSTMCellZeroState/zeros');
  assert.is(z.h.op.name, 'BasicLSTMCellZeroState/zeros_1');
  assert.equal(z.h.shape.as_list(), [3, 4]);
  const multi = new MultiRNNCell([new GRUCell(2), new BasicLSTMCell(5)]);
  const mz = multi.zero_state(3, tf.float32);
  assert.is(mz[0].op.name, 'MultiRNNCellZeroState/GRUCellZeroState/zeros');
  assert.is(mz[1].h.op.name, 'MultiRNNCellZeroState/BasicLSTMCellZeroState/zeros_1');
  const wrapped = new DropoutWrapper(new BasicRNNCell(2)).zero_state(1, tf.float32);
  assert.is(wrapped.op.name, 'DropoutWrapperZeroState/BasicRNNCellZeroState/zeros');
  // A scalar int32 tensor batch size: the batch dim is unknown statically, the value right at run time.
  const bs = tf.placeholder(tf.int32, []);
  const dz = lstm.zero_state(bs, tf.float32);
  assert.equal(dz.c.shape.as_list(), [null, 4]);
  const sess = new tf.Session();
  const v = sess.run(dz, { feed_dict: [[bs, 2]] });
  sess.close();
  assert.ok(v instanceof LSTMStateTuple);
  assert.equal(v.c.shape, [2, 4]);
}));

test('input checks: floating dtype and known depth', () => fresh(() => {
  const cell = new BasicRNNCell(2);
  assertThrows(() => cell.apply(tf.placeholder(tf.int32, [2, 3]), tf.zeros([2, 2])),
    "RNN cell only supports floating point inputs, but saw dtype: <dtype: 'int32'>");
  assertThrows(() => cell.apply(tf.placeholder(tf.float32, [2, null]), tf.zeros([2, 2])),
    'Expected inputs.shape[-1] to be known, saw shape: (2, ?)');
}));

test('DropoutWrapper: keep probabilities checked; constants 1 add no op; the c of an LSTMStateTuple is never dropped', () => fresh(() => {
  assertThrows(() => new DropoutWrapper(new BasicRNNCell(2), { input_keep_prob: 1.5 }), 'Parameter input_keep_prob must be between 0 and 1');
  const plain = new DropoutWrapper(new BasicLSTMCell(2));
  const before = tf.get_default_graph().get_operations().length;
  const ref = new BasicLSTMCell(2);
  ref.apply(x(), ref.zero_state(2, tf.float32));
  const refOps = tf.get_default_graph().get_operations().length - before;
  const mid = tf.get_default_graph().get_operations().length;
  plain.apply(x(), plain.zero_state(2, tf.float32));
  assert.is(tf.get_default_graph().get_operations().length - mid, refOps);
  const st = new DropoutWrapper(new BasicLSTMCell(2), { state_keep_prob: 0.5 });
  const [, s] = st.apply(x(), st.zero_state(2, tf.float32));
  assert.ok(s.c.op.type !== 'Mul' || !s.c.op.name.includes('dropout'));
  assert.ok(s.h.op.name.includes('dropout'));
}));

test.run();
