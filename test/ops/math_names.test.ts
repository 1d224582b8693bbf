// TF1's graph structure for the math builders: op names of operators and wrappers, composites, static shapes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, fresh, run } from '../helpers.ts';

const f = (v: unknown) => tf.constant(v, { dtype: 'float32' });
const i = (v: unknown) => tf.constant(v, { dtype: 'int32' });
const b = (v: unknown) => tf.constant(v, { dtype: 'bool' });
const opsOf = () => tf.get_default_graph().get_operations().map((o) => `${o.name}:${o.type}`);

test('Python operators take lowercase names; JS operands become <op>/y (reflected: <op>/x)', () => fresh(() => {
  const x = f([[1, 2]]);
  const names = [x.add(x), x.sub(1), x.mul(x), x.div(x), x.floordiv(x), x.mod(x), x.pow(x), x.rsub(1), x.matmul([[1], [1]]), x.neg(), x.abs(),
    x.lt(x), x.le(x), x.gt(x), x.ge(x)].map((t) => t.op.name);
  assert.equal(names, ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'sub_1', 'matmul', 'Neg', 'Abs', 'Less', 'LessEqual', 'Greater', 'GreaterEqual']);
  const ops = opsOf();
  for (const o of ['sub/y:Const', 'sub_1/x:Const', 'matmul/b:Const', 'mod:FloorMod', 'floordiv:FloorDiv', 'truediv:RealDiv']) assert.ok(ops.includes(o), o);
  const p = b([true]);
  assert.equal([p.and(p), p.or(p), p.invert()].map((t) => t.op.name), ['and', 'or', 'LogicalNot']);
}));

test('builders take TF op type names, wrappers their scope names', () => fresh(() => {
  const x = f([[1, 2], [3, 4]]);
  const names = [tf.add(x, 1), tf.subtract(x, x), tf.multiply(x, x), tf.divide(x, x), tf.truediv(x, x), tf.realdiv(x, x), tf.div(x, x),
    tf.floordiv(x, x), tf.mod(x, x), tf.floormod(x, x), tf.pow(x, 2), tf.maximum(x, 0), tf.minimum(x, 0), tf.squared_difference(x, x),
    tf.matmul(x, x), tf.reduce_sum(x), tf.reduce_mean(x, 1), tf.argmax(x, 1), tf.cast(x, 'int32'), tf.to_float(i(1)), tf.to_int32(x),
    tf.to_int64(x), tf.to_double(x), tf.add_n([x, x]), tf.negative(x), tf.equal(x, x)].map((t) => t.op.name);
  assert.equal(names, ['Add', 'Sub', 'Mul', 'truediv', 'truediv_1', 'RealDiv', 'div', 'floordiv', 'FloorMod', 'FloorMod_1', 'Pow', 'Maximum',
    'Minimum', 'SquaredDifference', 'MatMul', 'Sum', 'Mean', 'ArgMax', 'Cast', 'ToFloat', 'ToInt32', 'ToInt64', 'ToDouble', 'AddN', 'Neg', 'Equal']);
  assert.is(tf.reduce_sum(x, { name: 'total' }).op.name, 'total');
  assert.is(tf.add(x, 1, { name: 'plus' }).op.inputs[1].op.name, 'plus/y');
  assert.is(tf.matmul(f([[[1]]]), f([[[1]]])).op.type, 'BatchMatMulV2');
}));

test('truediv of int32 casts both inputs to float64 inside its scope', () => fresh(() => {
  const t = tf.truediv(i([7]), i([2]));
  assert.is(t.dtype, 'float64');
  assert.equal(opsOf().slice(2), ['truediv/Cast:Cast', 'truediv/Cast_1:Cast', 'truediv:RealDiv']);
  assert.is(t.op.inputs[0].op.get_attr('DstT'), 'float64');
  assertClose(run(t), [3.5]);
}));

test('tf.reduce_sum with axis None uses a Const arange(rank); axis values become <op>/reduction_indices', () => fresh(() => {
  const x = f([[1, 2], [3, 4]]);
  const s = tf.reduce_sum(x);
  assert.is(s.op.inputs[1].op.name, 'Const_1');
  assert.equal((s.op.inputs[1].op.get_attr('value') as tf.NDArray).toArray(), [0, 1]);
  const m = tf.reduce_max(x, [1]);
  assert.is(m.op.inputs[1].op.name, 'Max/reduction_indices');
  assert.is(m.op.inputs[1].dtype, 'int32');
  assert.is(s.op.get_attr('keep_dims'), false);
}));

test('composites: clip_by_value, logical_xor, xor operator', () => fresh(() => {
  const x = f([1, 5]);
  const c = tf.clip_by_value(x, 2, 3);
  assert.is(c.op.name, 'clip_by_value');
  assert.equal(opsOf().slice(1), ['clip_by_value/Minimum/y:Const', 'clip_by_value/Minimum:Minimum', 'clip_by_value/y:Const', 'clip_by_value:Maximum']);
  assertClose(run(c), [2, 3]);
  const p = b([true, false]);
  const q = b([true, true]);
  const n0 = opsOf().length;
  const xo = tf.logical_xor(p, q);
  assert.equal(opsOf().slice(n0), ['LogicalOr:LogicalOr', 'LogicalAnd:LogicalAnd', 'LogicalNot:LogicalNot', 'LogicalXor:LogicalAnd']);
  const n1 = opsOf().length;
  const xo2 = p.xor(q);
  assert.equal(opsOf().slice(n1), ['xor/LogicalOr:LogicalOr', 'xor/LogicalAnd:LogicalAnd', 'xor/LogicalNot:LogicalNot', 'xor:LogicalAnd']);
  assert.equal(run([xo, xo2]).map((a: tf.NDArray) => a.toArray()), [[false, true], [false, true]]);
}));

test('no-op shortcuts: cast to the same dtype, round of ints, add_n of one tensor', () => fresh(() => {
  const x = i([1, 2]);
  assert.is(tf.cast(x, 'int32'), x);
  assert.is(tf.round(x), x);
  assert.is(tf.add_n([x]), x);
  assert.is(opsOf().length, 1);
  const named = tf.add_n([x], { name: 'total' });
  assert.is(named.op.type, 'Identity');
  assert.is(named.op.name, 'total');
}));

test('static shapes: unknown axes, unknown dims, keepdims', () => fresh(() => {
  const p = tf.placeholder(tf.float32, [null, 3, 4]);
  const ax = tf.placeholder(tf.int32, [1]);
  assert.equal(tf.reduce_sum(p, ax).shape.dims, null);
  assert.equal(tf.reduce_sum(p, { axis: ax, keepdims: true }).shape.dims, [null, null, null]);
  assert.equal(tf.reduce_sum(p, [0, -1]).shape.dims, [3]);
  assert.equal(tf.reduce_mean(p, { axis: 1, keepdims: true }).shape.dims, [null, 1, 4]);
  assert.equal(tf.argmax(p, 2).shape.dims, [null, 3]);
  assert.equal(tf.argmax(p, tf.placeholder(tf.int32, [])).shape.dims, [null, null]);
  assert.equal(tf.add(p, f([1, 2, 3, 4])).shape.dims, [null, 3, 4]);
  assert.equal(tf.equal(tf.placeholder(tf.float32, [null, 1]), tf.placeholder(tf.float32, [2, null])).shape.dims, [2, null]);
  assert.equal(tf.add(tf.placeholder(tf.float32), f(1)).shape.dims, null);
  assert.equal(tf.add_n([tf.placeholder(tf.float32, [null, 2]), tf.placeholder(tf.float32, [3, null])]).shape.dims, [3, 2]);
}));

test('reduce over all axes of an unknown-rank tensor gives a scalar', () => fresh(() => {
  const p = tf.placeholder(tf.float32, null, { name: 'p' });
  let s;
  try {
    s = tf.reduce_sum(p);
  } catch (e) {
    if (/needs the Rank and Range ops/.test((e as Error).message)) return; // the array ops are not there yet
    throw e;
  }
  assert.equal(s.shape.dims, []);
  assertClose(run(s, [['p:0', [[1, 2], [3, 4]]]]), 10);
}));

test('int32 matmul and reductions run on every backend', () => fresh(() => {
  const m = tf.matmul(i([[1, 2], [3, 4]]), i([[5], [6]]));
  const r = tf.reduce_mean(i([[1, 2, 4], [-7, 0, 0]]), 1);
  for (const backend of ['cpu', 'wasm']) {
    const [a, c] = run([m, r], undefined, backend);
    assert.equal([a.dtype, a.toArray(), c.toArray()], ['int32', [[17], [39]], [2, -2]]);
  }
}));

test.run();
