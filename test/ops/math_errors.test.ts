// User-visible errors of the math ops: each is triggered and its message checked; failed ops leave the graph unchanged.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertThrows, fresh } from '../helpers.ts';

const f = (v: unknown) => tf.constant(v, { dtype: 'float32' });
const i = (v: unknown) => tf.constant(v, { dtype: 'int32' });

test('dtype mismatch between tensors', () => fresh(() => {
  assertThrows(() => tf.add(f([1]), i([1])), "Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'.");
  assertThrows(() => f([1]).mul(i([1])), "Input 'y' of 'Mul' Op has type int32 that does not match type float32 of argument 'x'.");
  assertThrows(() => tf.equal(i([1]), f([1])), "Input 'y' of 'Equal' Op has type float32 that does not match type int32");
  const e = assertThrows(() => tf.maximum(i([1]), f([1])), "'Maximum' Op has type float32");
  assert.instance(e, TypeError);
}));

test('broadcast mismatch names the op and the shapes', () => fresh(() => {
  assertThrows(() => tf.add(f([[1, 2, 3], [4, 5, 6]]), f([1, 2, 3, 4])),
    "Dimensions must be equal, but are 3 and 4 for 'Add' (op: 'Add') with input shapes: [2,3], [4].");
  assertThrows(() => f([1, 2]).sub(f([1, 2, 3])), "Dimensions must be equal, but are 2 and 3 for 'sub' (op: 'Sub') with input shapes: [2], [3].");
  assertThrows(() => tf.less(f([[1, 2]]), [1, 2, 3]), "for 'Less' (op: 'Less') with input shapes: [1,2], [3].");
}));

test('matmul: inner dimensions and rank 1', () => fresh(() => {
  assertThrows(() => tf.matmul(f([[1, 2, 3]]), f([[1, 2], [3, 4]])),
    "Dimensions must be equal, but are 3 and 2 for 'MatMul' (op: 'MatMul') with input shapes: [1,3], [2,2].");
  assertThrows(() => tf.matmul(f([1, 2, 3]), f([[1], [2], [3]])),
    "Shape must be rank 2 but is rank 1 for 'MatMul' (op: 'MatMul') with input shapes: [3], [3,1].");
  assertThrows(() => f([[1, 2]]).matmul([[1, 2]]), "Dimensions must be equal, but are 2 and 1 for 'matmul' (op: 'MatMul')");
  assertThrows(() => tf.matmul(f([[1]]), i([[1]])), "Input 'b' of 'MatMul' Op has type int32 that does not match type float32 of argument 'a'.");
}));

test('reduction axis out of range', () => fresh(() => {
  assertThrows(() => tf.reduce_sum(f([[1, 2]]), 2),
    "Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [1,2], [].");
  assertThrows(() => tf.reduce_mean(f([[1, 2]]), { axis: [0, -3] }), "Invalid reduction dimension -3 for input with 2 dimensions. for 'Mean'");
  assertThrows(() => tf.argmax(f([[1, 2]]), 2), "Expected dimension in the range [-2, 2), but got 2 for 'ArgMax' (op: 'ArgMax')");
  assertThrows(() => tf.argmax(f(1)), "Shape must be at least rank 1 but is rank 0 for 'ArgMax'");
  assertThrows(() => tf.reduce_sum(f([1]), { axis: 0, reduction_indices: 0 }), "Cannot specify both 'axis' and 'reduction_indices'");
  assertThrows(() => tf.reduce_sum(f([1]), { keepdims: true, keep_dims: true }), "Cannot specify both 'keepdims' and 'keep_dims'");
}));

test('a JS value that the tensor dtype cannot hold', () => fresh(() => {
  const e = assertThrows(() => i([1, 2]).mul(0.5), "Expected int32, got 0.5 of type 'float' instead.");
  assert.instance(e, TypeError);
  assertThrows(() => tf.add(i([1]), [1, 2.5]), 'Expected int32, got 2.5');
  assertThrows(() => tf.maximum(f([1]), { a: 1 }), 'Failed to convert object of type Object to Tensor.');
}));

test('logical ops need bool inputs', () => fresh(() => {
  assertThrows(() => tf.logical_and(f([1]), f([0])), "Input 'x' of 'LogicalAnd' Op has type float32 that does not match expected type of bool.");
  assertThrows(() => tf.logical_or(tf.constant([true]), i([1])), "Input 'y' of 'LogicalOr' Op has type int32");
  assertThrows(() => i([1]).invert(), "Input 'x' of 'LogicalNot' Op has type int32 that does not match expected type of bool.");
  assertThrows(() => f([1]).and(true), "Input 'x' of 'LogicalAnd' Op has type float32");
}));

test('dtypes outside an op type list', () => fresh(() => {
  assertThrows(() => tf.sqrt(i([4])), "Value passed to parameter 'x' has DataType int32 not in list of allowed values: float16, float32, float64 for 'Sqrt' (op: 'Sqrt')");
  assertThrows(() => tf.less(tf.constant([true]), tf.constant([false])), "has DataType bool not in list of allowed values", "'Less'");
  assertThrows(() => tf.add(tf.constant([true]), tf.constant([true])), "DataType bool not in list", "'Add'");
  assertThrows(() => tf.reduce_sum(tf.constant([true])), "Value passed to parameter 'input' has DataType bool", "'Sum'");
  assertThrows(() => tf.reduce_sum(f([1]), f(0)), "parameter 'reduction_indices' has DataType float32");
  assertThrows(() => tf.argmax(f([1]), { output_type: 'float32' }), "'output_type' has DataType float32");
  assertThrows(() => tf.realdiv(i([1]), i([2])), "DataType int32 not in list of allowed values: float16, float32, float64 for 'RealDiv'");
  assertThrows(() => tf.truediv(tf.constant([true]), tf.constant([true])), 'Invalid dtype bool in __truediv__');
  assertThrows(() => tf.truediv(i([1]), f([1])), 'x and y must have the same dtype, got int32 != float32');
  assertThrows(() => tf.cast(f([1]), 'float128'), 'dtype "float128" is not a valid TF dtype');
}));

test('add_n: shapes and dtypes must agree', () => fresh(() => {
  assertThrows(() => tf.add_n([f([1, 2]), f([1, 2, 3])]),
    "Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for 'AddN' (op: 'AddN') with input shapes: [2], [3].");
  assertThrows(() => tf.add_n([f([1]), f([[1]])]), "Shapes must be equal rank, but are 1 and 2 for 'AddN'");
  assertThrows(() => tf.add_n([f([1]), i([1])]), "Tensors in list passed to 'inputs' of 'AddN' Op have types [float32, int32] that don't all match.");
  assertThrows(() => tf.add_n([]), 'inputs must be a list of at least one Tensor');
}));

test('clip_by_value refuses bounds that broadcast t', () => fresh(() => {
  assertThrows(() => tf.clip_by_value(f([1, 2]), f([[0, 0], [1, 1]]), 5), 'Shapes (2,) and (2, 2) are not compatible');
}));

test('a failed op leaves the graph unchanged: no op added, no name consumed', () => fresh(() => {
  const g = tf.get_default_graph();
  const x = f([[1, 2, 3]]);
  const y = i([1, 2]);
  const [f2, b1, i3] = [f([1, 2]), tf.constant([true]), i([1, 2, 3])];
  const count = () => g.get_operations().length;
  const before = count();
  const attempts: (() => unknown)[] = [
    () => tf.add(x, f2), () => x.add([1, 2]), () => x.mul(y), () => y.mul(0.5), () => tf.reduce_sum(x, 2),
    () => tf.reduce_sum(x, { axis: 5, name: 'Sum' }), () => tf.reduce_max(b1), () => tf.argmax(x, 3),
    () => tf.matmul(x, x), () => x.matmul([[1, 2]]), () => tf.logical_not(x), () => tf.truediv(y, [1, 2, 3]),
    () => tf.truediv(y, i3), () => tf.div(x, [1, 2]), () => x.div([1, 2]), () => tf.add_n([x, [1, 2]]),
    () => tf.sqrt(y), () => x.floordiv([1, 2]),
  ];
  for (const fn of attempts) assert.throws(fn);
  assert.is(count(), before);
  // Every default name is still free.
  const names = [tf.add(x, x), x.add(x), tf.reduce_sum(x), tf.argmax(x), tf.matmul(x, x, { transpose_b: true }), x.div(x), tf.div(x, x),
    tf.truediv(y, y), tf.add_n([x, x]), tf.sqrt(x), x.floordiv(x), x.mul(x)].map((t) => t.op.name);
  assert.equal(names, ['Add', 'add_1', 'Sum', 'ArgMax', 'MatMul', 'truediv', 'div', 'truediv_1', 'AddN', 'Sqrt', 'floordiv', 'mul']);
}));

test.run();
