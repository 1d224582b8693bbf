// tf.nn.embedding_lookup: gather on axis 0 (shapes, values, names), variables and their gradient, shards, bad ids.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

const table = [[1, 2], [3, 4], [5, 6], [7, 8]];

for (const backend of TEST_BACKENDS) {
  test(`output shape ids.shape + params.shape[1:], rows by id [${backend}]`, () => fresh(() => {
    const ids = tf.placeholder(tf.int32, [null, 3]);
    const e = tf.nn.embedding_lookup(tf.constant(table), ids);
    assert.equal(e.shape.as_list(), [null, 3, 2]);
    assertClose(run(e, [[ids, [[0, 3, 1], [2, 2, 0]]]], backend), [[[1, 2], [7, 8], [3, 4]], [[5, 6], [5, 6], [1, 2]]]);
    const scalar = tf.nn.embedding_lookup(tf.constant(table), 2);
    assert.equal(scalar.shape.as_list(), [2]);
    assertClose(run(scalar, undefined, backend), [5, 6]);
  }));
}

test('names: the GatherV2 op is embedding_lookup, the result embedding_lookup/Identity', () => fresh(() => {
  const e = tf.nn.embedding_lookup(tf.constant(table), [1]);
  assert.is(e.name, 'embedding_lookup/Identity:0');
  assert.is(tf.get_default_graph().get_operation_by_name('embedding_lookup').type, 'GatherV2');
  assert.is(tf.nn.embedding_lookup(tf.constant(table), [1], { name: 'emb' }).name, 'emb/Identity:0');
}));

test('a variable as params; training moves only the looked-up rows', () => fresh(() => {
  const emb = tf.get_variable('embedding', [4, 2], { initializer: tf.constant_initializer(table) });
  const e = tf.nn.embedding_lookup(emb, [1, 1, 3]);
  const loss = tf.reduce_sum(e);
  const [g] = tf.gradients(loss, [emb]);
  assertClose(run(tf.convert_to_tensor(g!)), [[0, 0], [2, 2], [0, 0], [1, 1]]);
  const train = new tf.train.GradientDescentOptimizer(0.5).minimize(loss);
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(tf.global_variables_initializer());
    s.run(train);
    assertClose(s.run(emb), [[1, 2], [2, 3], [5, 6], [6.5, 7.5]]);
  } finally {
    s.close();
  }
}));

test("sharded params: 'mod' (id % n) and 'div' (contiguous blocks)", () => fresh(() => {
  const s0 = tf.constant([[0, 0], [2, 2]]);
  const s1 = tf.constant([[1, 1], [3, 3]]);
  const mod = tf.nn.embedding_lookup([s0, s1], [3, 0, 1, 2]);
  assertClose(run(mod), [[3, 3], [0, 0], [1, 1], [2, 2]]);
  const div = tf.nn.embedding_lookup([s0, s1], [3, 0, 1, 2], { partition_strategy: 'div' });
  assertClose(run(div), [[3, 3], [0, 0], [2, 2], [1, 1]]);
  assertThrows(() => tf.nn.embedding_lookup([s0, tf.constant([[1, 1]])], [0]), "partition_strategy 'mod' needs shards of equal, known sizes");
}));

test('ids out of range fail at run time; float ids are refused', () => fresh(() => {
  const ids = tf.placeholder(tf.int32, [null]);
  const e = tf.nn.embedding_lookup(tf.constant(table), ids);
  assertThrows(() => run(e, [[ids, [0, 4]]]), 'indices[1] = 4 is not in [0, 4)');
  assertThrows(() => tf.nn.embedding_lookup(tf.constant(table), tf.constant([0.5])), 'int32, int64');
}));

test.run();
