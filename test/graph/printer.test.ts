// The graph printer (Graph.as_text): golden printouts of a small graph, attrs, payload elision, multi-output ops.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { Operation } from '../../src/graph/graph.ts';
import { opToText } from '../../src/graph/printer.ts';
import { fresh } from '../helpers.ts';

test('as_text: golden printout of scoped ops, a variable with Assign/read, placeholders and control inputs', () => {
  fresh(() => {
    const x = tf.placeholder(tf.float32, [null, 3], { name: 'x' });
    const h = tf.name_scope('layer', () => tf.add(x, tf.constant([[1, 2, 3]], { name: 'k' })));
    const W = tf.variable_scope('rnn_cell', () => tf.get_variable('W', [3, 2], { initializer: tf.constant_initializer(0.5) }));
    tf.control_dependencies([W.initializer], () => tf.matmul(h, W));
    tf.placeholder(tf.int32, null, { name: 'any' });
    const golden = [
      'x = Placeholder() {dtype=float32, shape=(?, 3)} : float32 (?, 3)',
      'layer/k = Const() {dtype=float32, value=[[1, 2, 3]]} : float32 (1, 3)',
      'layer/Add = Add(x:0, layer/k:0) : float32 (?, 3)',
      'rnn_cell/W/Initializer/Const = Const() {dtype=float32, value=[[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]} : float32 (3, 2)',
      'rnn_cell/W = VariableV2() {dtype=float32, shape=(3, 2)} : float32 (3, 2)',
      'rnn_cell/W/Assign = Assign(rnn_cell/W:0, rnn_cell/W/Initializer/Const:0) {validate_shape=true} : float32 (3, 2)',
      'rnn_cell/W/read = Identity(rnn_cell/W:0) : float32 (3, 2)',
      'MatMul = MatMul(layer/Add:0, rnn_cell/W/read:0, ^rnn_cell/W/Assign) {transpose_a=false, transpose_b=false} : float32 (?, 2)',
      'any = Placeholder() {dtype=int32, shape=<unknown>} : int32 <unknown>',
    ].join('\n');
    assert.fixture(tf.get_default_graph().as_text(), golden);
  });
});

test('as_text: big constants show their first values and the count; scalars and floats print compactly', () => {
  fresh(() => {
    tf.constant([0.1, 0.25, 1 / 3, 4, 5, 6, 7, 8], { name: 'big' });
    tf.constant(2.5, { name: 's' });
    tf.constant([true, false], { name: 'b' });
    tf.constant(Array.from({ length: 1000 }, (_, i) => i), { shape: [10, 100], dtype: 'int32', name: 'm' });
    const g = tf.get_default_graph();
    assert.fixture(g.as_text(), [
      'big = Const() {dtype=float32, value=[0.1, 0.25, 0.333333, 4, 5, 6, ... 8 values]} : float32 (8,)',
      's = Const() {dtype=float32, value=2.5} : float32 ()',
      'b = Const() {dtype=bool, value=[true, false]} : bool (2,)',
      'm = Const() {dtype=int32, value=[0, 1, 2, 3, 4, 5, ... 1000 values]} : int32 (10, 100)',
    ].join('\n'));
    assert.is(g.as_text([g.get_operation_by_name('big')], { maxValues: 2 }),
      'big = Const() {dtype=float32, value=[0.1, 0.25, ... 8 values]} : float32 (8,)');
  });
});

test('as_text: a list of ops prints in id order; ops with no outputs print no type', () => {
  fresh(() => {
    const v = tf.Variable(1, { name: 'v' });
    const init = tf.global_variables_initializer();
    const g = tf.get_default_graph();
    assert.fixture(g.as_text([init, v.op]), [
      'v = VariableV2() {dtype=float32, shape=()} : float32 ()',
      'init = NoOp(^v/Assign)',
    ].join('\n'));
    assert.is(tf.get_default_graph().as_text([]), '');
  });
});

test('opToText: multi-output ops list each output; attrs are sorted; nested values and None', () => {
  fresh(() => {
    const g = tf.get_default_graph();
    const x = tf.placeholder(tf.float32, [4, null], { name: 'x' });
    // An op built by hand (not added to the graph), standing for any multi-output op.
    const op = new Operation(g, 99, 'split', 'SplitLike', [x], [x.op], { num_split: 2, axis: 0, seeds: null, sizes: [2, null], opts: { b: 1, a: 'x' } },
      [{ dtype: 'float32', shape: [2, null] }, { dtype: 'int32', shape: null }]);
    assert.is(opToText(op),
      'split = SplitLike(x:0, ^x) {axis=0, num_split=2, opts={a=x, b=1}, seeds=None, sizes=[2, ?]} : (float32 (2, ?), int32 <unknown>)');
  });
});

test.run();
