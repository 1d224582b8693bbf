// Every user-visible error of the nn ops: TF1's texts, raised at build time (graph unchanged) or at run time.
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import { assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';
import type { Tensor } from '../../src/graph/tensor.ts';

const c = (v: unknown, dtype?: string) => tf.constant(v, dtype ? { dtype } : {});
const anyNn = tf.nn as any;

/**
 * Asserts `fn(inputs())` throws with all fragments and adds no op to the default graph
 * (the input constants are made first).
 */
function throwsAtBuild(inputs: () => readonly Tensor[], fn: (...args: any[]) => unknown, ...fragments: (string | RegExp)[]): void {
  const args = inputs();
  const before = tf.get_default_graph().get_operations().length;
  assertThrows(() => fn(...args), ...fragments);
  const after = tf.get_default_graph().get_operations().length;
  if (after !== before) throw new Error(`a failed build added ${after - before} op(s) to the graph`);
}

for (const fn of ['softmax_cross_entropy_with_logits', 'softmax_cross_entropy_with_logits_v2',
  'sparse_softmax_cross_entropy_with_logits', 'sigmoid_cross_entropy_with_logits']) {
  test(`${fn}: positional arguments are refused`, () => fresh(() => {
    const logits = c([[0.2, 0.7]]);
    const labels = c([[0, 1]]);
    assertThrows(() => anyNn[fn](labels, logits), `ValueError: Only call \`${fn}\` with named arguments (labels=..., logits=..., ...)`);
    assertThrows(() => anyNn[fn](labels), `Only call \`${fn}\` with named arguments`);
    assertThrows(() => anyNn[fn]([[0, 1]]), `Only call \`${fn}\` with named arguments`);
  }));
  test(`${fn}: labels and logits are both required`, () => fresh(() => {
    assertThrows(() => anyNn[fn]({ logits: c([[0.2, 0.7]]) }), 'ValueError: Both labels and logits must be provided.');
  }));
}

const X2 = () => [c([[0.2, 0.7], [0.6, 0.2]])] as const;
const xentV2 = tf.nn.softmax_cross_entropy_with_logits_v2;
const sparse = tf.nn.sparse_softmax_cross_entropy_with_logits;

test('softmax_cross_entropy_with_logits: labels and logits of different dtypes', () => fresh(() => {
  throwsAtBuild(() => [c([[0, 1]], 'float64'), c([[0.2, 0.7]])], (labels, logits) => xentV2({ labels, logits }),
    "Input 'labels' of 'SoftmaxCrossEntropyWithLogits' Op has type float64 that does not match type float32 of argument 'features'.");
}));

test('softmax_cross_entropy_with_logits: labels and logits of different shapes', () => fresh(() => {
  // (v1 has already added its labels' StopGradient when the op fails, as in TF1.)
  assertThrows(() => tf.nn.softmax_cross_entropy_with_logits({ labels: c([[0, 1, 0]]), logits: c([[0.2, 0.7]]) }),
    'Dimension 1 in both shapes must be equal, but are 2 and 3. Shapes are [1,2] and [1,3]',
    "for 'softmax_cross_entropy_with_logits_sg' (op: 'SoftmaxCrossEntropyWithLogits') with input shapes: [1,2], [1,3].");
  throwsAtBuild(() => [c([0, 1]), c([[0.2, 0.7]])], (labels, logits) => xentV2({ labels, logits }),
    "Shapes must be equal rank, but are 2 and 1 for 'softmax_cross_entropy_with_logits' (op: 'SoftmaxCrossEntropyWithLogits')");
}));

test('softmax_cross_entropy_with_logits: integer logits and a bad axis', () => fresh(() => {
  throwsAtBuild(() => [c([[0, 1]], 'int32'), c([[2, 7]], 'int32')], (labels, logits) => xentV2({ labels, logits }),
    "Value passed to parameter 'features' has DataType int32 not in list of allowed values for 'SoftmaxCrossEntropyWithLogits'");
  throwsAtBuild(() => [c([[0, 1]]), c([[0.2, 0.7]])], (labels, logits) => xentV2({ labels, logits, axis: 2 }),
    'InvalidArgumentError: Dimension (2) must be in the range [-2, 2) where 2 is the number of dimensions in the input.');
  assertThrows(() => xentV2({ labels: c([[0, 1]]), logits: c([[0.2, 0.7]]), axis: 0, dim: 1 }),
    "ValueError: Cannot specify both 'axis' and 'dim'.");
}));

test('sparse_softmax_cross_entropy_with_logits: rank mismatch', () => fresh(() => {
  throwsAtBuild(() => [c([[1], [0]], 'int32'), ...X2()], (labels, logits) => sparse({ labels, logits }),
    'ValueError: Rank mismatch: Rank of labels (received 2) should equal rank of logits minus 1 (received 2).',
    "'SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits'", '[2,1] int32', '[2,2] float32');
}));

test('sparse_softmax_cross_entropy_with_logits: shape mismatch, scalar logits, label dtype', () => fresh(() => {
  throwsAtBuild(() => [c([1, 0, 1], 'int32'), ...X2()], (labels, logits) => sparse({ labels, logits }),
    'ValueError: Shape mismatch: The shape of labels (received (3,)) should equal the shape of logits except for the last dimension (received (2, 2)).');
  throwsAtBuild(() => [c(1, 'int32'), c(0.5)], (labels, logits) => sparse({ labels, logits }),
    'ValueError: Logits cannot be scalars - received shape ().');
  throwsAtBuild(() => [c([1, 0]), ...X2()], (labels, logits) => sparse({ labels, logits }),
    "Value passed to parameter 'labels' has DataType float32 not in list of allowed values for 'SparseSoftmaxCrossEntropyWithLogits'");
}));

for (const backend of TEST_BACKENDS) {
  test(`sparse_softmax_cross_entropy_with_logits: out-of-range label at run time [${backend}]`, () => fresh(() => {
    const labels = tf.placeholder(tf.int32, [null]);
    const loss = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels, logits: c([[0.2, 0.7, 0.1], [0.6, 0.2, 0.3]]) });
    assertThrows(() => run(loss, [[labels, [0, 5]]], backend),
      'InvalidArgumentError: Received a label value of 5 which is outside the valid range of [0, 3).  Label values: 0 5',
      'SparseSoftmaxCrossEntropyWithLogits/SparseSoftmaxCrossEntropyWithLogits');
    assertThrows(() => run(loss, [[labels, [-1, 2]]], backend), 'Received a label value of -1 which is outside the valid range of [0, 3).');
  }));
}

test('bias_add: bias must be rank 1 and match the last dim; value at least rank 2', () => fresh(() => {
  throwsAtBuild(() => [c([[1, 2], [3, 4]]), c([[1, 2]])], (v, b) => tf.nn.bias_add(v, b),
    "ValueError: Shape must be rank 1 but is rank 2 for 'BiasAdd' (op: 'BiasAdd') with input shapes: [2,2], [1,2].");
  throwsAtBuild(() => [c([[1, 2, 3]]), c([1, 2])], (v, b) => tf.nn.bias_add(v, b),
    "ValueError: Dimensions must be equal, but are 3 and 2 for 'BiasAdd_1' (op: 'BiasAdd') with input shapes: [1,3], [2].");
  throwsAtBuild(() => [c([1, 2]), c([1, 2])], (v, b) => tf.nn.bias_add(v, b),
    "ValueError: Shape must be at least rank 2 but is rank 1 for 'BiasAdd_2' (op: 'BiasAdd') with input shapes: [2], [2].");
  throwsAtBuild(() => [c([[1, 2]]), c([1, 2], 'int32')], (v, b) => tf.nn.bias_add(v, b),
    'Tensor conversion requested dtype float32 for Tensor with dtype int32');
}));

test('softmax / log_softmax: axis out of range, scalar input, integer input', () => fresh(() => {
  throwsAtBuild(() => [c([[1, 2]])], (x) => tf.nn.softmax(x, { axis: 2 }),
    'InvalidArgumentError: Dimension (2) must be in the range [-2, 2) where 2 is the number of dimensions in the input.', "op 'Softmax'");
  throwsAtBuild(() => [c([1, 2])], (x) => tf.nn.log_softmax(x, { axis: -2 }),
    'Dimension (-2) must be in the range [-1, 1) where 1 is the number of dimensions in the input.', "op 'LogSoftmax'");
  throwsAtBuild(() => [c(1)], (x) => tf.nn.softmax(x),
    "ValueError: Shape must be at least rank 1 but is rank 0 for 'Softmax' (op: 'Softmax') with input shapes: [].");
  throwsAtBuild(() => [c([1, 2], 'int32')], (x) => tf.nn.softmax(x),
    "Value passed to parameter 'logits' has DataType int32 not in list of allowed values for 'Softmax' (op 'Softmax')");
  assertThrows(() => tf.nn.softmax(c([1, 2]), { axis: 0, dim: 0 }), "ValueError: Cannot specify both 'axis' and 'dim'.");
}));

test('softmax: an axis beyond an unknown rank fails at run time', () => fresh(() => {
  const x = tf.placeholder(tf.float32);
  const y = tf.nn.softmax(x, { axis: 3 });
  assertThrows(() => run(y, [[x, [1, 2]]]), 'Dimension (3) must be in the range [-1, 1)', "op 'Softmax'");
}));

test('activations: dtypes outside the allowed list', () => fresh(() => {
  const i = () => [c([1, 2], 'int32')] as const;
  const b = () => [c([true], 'bool')] as const;
  throwsAtBuild(i, (x) => tf.sigmoid(x), "Value passed to parameter 'x' has DataType int32 not in list of allowed values for 'Sigmoid' (op 'Sigmoid')");
  throwsAtBuild(i, (x) => tf.nn.elu(x), "Value passed to parameter 'features' has DataType int32 not in list of allowed values for 'Elu'");
  throwsAtBuild(b, (x) => tf.nn.softplus(x), "DataType bool not in list of allowed values for 'Softplus'");
  throwsAtBuild(b, (x) => tf.nn.relu(x), "DataType bool not in list of allowed values for 'Relu'");
  throwsAtBuild(() => [c([1.5])], (x) => tf.nn.leaky_relu(x, { alpha: 'x' as unknown as number }), "Expected float for argument 'alpha' not \"x\".");
  throwsAtBuild(i, (x) => tf.nn.l2_loss(x), "Value passed to parameter 't' has DataType int32 not in list of allowed values for 'L2Loss'");
}));

test('sigmoid_cross_entropy_with_logits: shapes and dtypes must match', () => fresh(() => {
  throwsAtBuild(() => [c([[1, 0, 1]]), c([[0.2, 0.7]])], (labels, logits) => tf.nn.sigmoid_cross_entropy_with_logits({ labels, logits }),
    'ValueError: logits and labels must have the same shape ((1, 2) vs (1, 3))');
  throwsAtBuild(() => [c([[1, 0]], 'int32'), c([[0.2, 0.7]])], (labels, logits) => tf.nn.sigmoid_cross_entropy_with_logits({ labels, logits }),
    "Input 'y' of 'Mul' Op has type int32 that does not match type float32 of argument 'x'.");
}));

test.run();
