// Python indexing `t.get(...)` (StridedSlice with TF's masks) and `t.set_shape`: values on cpu and wasm, static shapes, errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import type { Tensor } from '../../src/graph/tensor.ts';
import { assertClose, assertShapeInference, assertThrows, fresh, run, TEST_BACKENDS } from '../helpers.ts';

// x[b, t, h] = 100b + 10t + h, shape [2, 3, 4]
const XV = [0, 1].map((b) => [0, 1, 2].map((t) => [0, 1, 2, 3].map((h) => 100 * b + 10 * t + h)));
const X = () => tf.constant(XV, { dtype: 'int32' });
const V = () => tf.constant([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
const dims = (t: Tensor) => t.shape.dims;

/** Checks value on every backend, the static shape, and that the runtime shape agrees with it. */
function check(build: () => Tensor, expected: unknown, staticShape: (number | null)[] | null, feed?: () => [unknown, unknown][]) {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const t = build();
      assert.equal(dims(t), staticShape, `static shape on ${backend}`);
      const got = run(t, feed?.(), backend);
      assertShapeInference(t, got);
      assertClose(got, expected, 1e-6, backend);
    });
  }
}

test('integer index drops the axis; negative counts from the end', () => {
  check(() => X().get(0), [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]], [3, 4]);
  check(() => X().get(-1, 2, -1), 123, []);
  check(() => X().get(':', -1), [[20, 21, 22, 23], [120, 121, 122, 123]], [2, 4]);
  check(() => X().get(':', -1, ':'), [[20, 21, 22, 23], [120, 121, 122, 123]], [2, 4]);
});

test('slice keeps the axis: x[:, -1:] → [B, 1, H]', () => {
  check(() => X().get(':', '-1:'), [[[20, 21, 22, 23]], [[120, 121, 122, 123]]], [2, 1, 4]);
});

test('slice strings: start, stop, step, negatives, clamping', () => {
  check(() => V().get(':'), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10]);
  check(() => V().get('2:'), [2, 3, 4, 5, 6, 7, 8, 9], [8]);
  check(() => V().get(':-1'), [0, 1, 2, 3, 4, 5, 6, 7, 8], [9]);
  check(() => V().get('::2'), [0, 2, 4, 6, 8], [5]);
  check(() => V().get('1:5:2'), [1, 3], [2]);
  check(() => V().get('::-1'), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], [10]);
  check(() => V().get('-2::-3'), [8, 5, 2], [3]);
  check(() => V().get('3:100'), [3, 4, 5, 6, 7, 8, 9], [7]);
  check(() => V().get('-100:2'), [0, 1], [2]);
  check(() => V().get('5:2'), [], [0]);
  check(() => V().get('7:2:-2'), [7, 5, 3], [3]);
});

test('int32 and bool tensors with steps and reversal', () => {
  check(() => X().get('::-1', '::2', '1::2'), [[[101, 103], [121, 123]], [[1, 3], [21, 23]]], [2, 2, 2]);
  check(() => tf.constant([[true, false, true], [false, false, true]]).get('::-1', '::-2'), [[true, false], [true, true]], [2, 2]);
});

test('ellipsis and new axis', () => {
  check(() => X().get('...', 0), [[0, 10, 20], [100, 110, 120]], [2, 3]);
  check(() => X().get(0, '...', 1), [1, 11, 21], [3]);
  check(() => X().get('...'), XV, [2, 3, 4]);
  check(() => V().get(null, '2:4'), [[2, 3]], [1, 2]);
  check(() => V().get('2:4', null), [[2], [3]], [2, 1]);
  check(() => X().get(1, null, '...', null, 3), [[[103], [113], [123]]], [1, 3, 1]);
  check(() => tf.constant(5).get(null), [5], [1]);
});

test('{start, stop, step} objects and [start, stop, step] arrays', () => {
  check(() => V().get({ start: 1, stop: 7, step: 3 }), [1, 4], [2]);
  check(() => V().get({ step: -4 }), [9, 5, 1], [3]);
  check(() => V().get({ stop: 3 }), [0, 1, 2], [3]);
  check(() => V().get([2, 4]), [2, 3], [2]);
  check(() => V().get([null, null, 5]), [0, 5], [2]);
});

test('scalar int32 tensors as index and as slice bounds', () => {
  check(() => V().get(tf.constant(3, { dtype: 'int32' })), 3, []);
  check(() => X().get(':', tf.constant(-1, { dtype: 'int32' })), [[20, 21, 22, 23], [120, 121, 122, 123]], [2, 4]);
  // A placeholder bound: the size of that axis is unknown statically.
  check(() => V().get({ start: tf.placeholder('int32', [], { name: 'i' }), stop: 8 }), [5, 6, 7], [null],
    () => [['i:0', 5]]);
});

test('unknown dims: full slices stay unknown, indices drop them', () => {
  const feed = () => [['p:0', [[1, 2, 3], [4, 5, 6]]]] as [unknown, unknown][];
  const p = () => tf.placeholder('float32', [null, 3], { name: 'p' });
  check(() => p().get(':', -1), [3, 6], [null], feed);
  check(() => p().get(-1), [4, 5, 6], [3], feed);
  check(() => p().get('1:', '::2'), [[4, 6]], [null, 2], feed);
  check(() => p().get('...', null), [[[1], [2], [3]], [[4], [5], [6]]], [null, 3, 1], feed);
});

test('builds one StridedSlice named strided_slice with TF masks', () => {
  fresh(() => {
    const t = X().get(':', -1);
    assert.is(t.op.type, 'StridedSlice');
    assert.is(t.op.name, 'strided_slice');
    assert.is(t.op.inputs[1].op.name, 'strided_slice/stack');
    assert.equal(
      [t.op.attrs.begin_mask, t.op.attrs.end_mask, t.op.attrs.ellipsis_mask, t.op.attrs.new_axis_mask, t.op.attrs.shrink_axis_mask],
      [1, 1, 0, 0, 2]);
    assert.is(X().get('...', null, 0).op.name, 'strided_slice_1');
    const u = X().get('...', null, 0);
    assert.equal([u.op.attrs.ellipsis_mask, u.op.attrs.new_axis_mask, u.op.attrs.shrink_axis_mask], [1, 2, 4]);
  });
});

test('errors: step 0, index out of range, too many indices, invalid items', () => {
  fresh(() => {
    const x = X();
    assertThrows(() => V().get('::0'), 'strides[0] must be non-zero', "for 'strided_slice", "(op: 'StridedSlice')");
    assertThrows(() => x.get(2), 'slice index 2 of dimension 0 out of bounds.', "op: 'StridedSlice'", '[2,3,4]');
    assertThrows(() => x.get(0, -4), 'slice index -4 of dimension 1 out of bounds.');
    assertThrows(() => x.get(0, 0, 0, 0), 'Index out of range using input dim 3; input has only 3 dims');
    assertThrows(() => x.get('...', 0, '...'), 'Multiple ellipses in slice spec not allowed');
    assertThrows(() => x.get(1.5), 'Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices', '1.5');
    assertThrows(() => x.get('1:2:3:4'), 'are valid indices', '"1:2:3:4"');
    assertThrows(() => x.get('a:b'), 'are valid indices');
    assertThrows(() => x.get(tf.constant(1)), 'are valid indices', 'float32');
    assertThrows(() => x.get(tf.constant([0, 1], { dtype: 'int32' })), 'are valid indices');
    assertThrows(() => x.get(true), 'are valid indices');
    assertThrows(() => x.get([0, 1, 2, 3]), 'are valid indices');
  });
});

test('run-time index out of range (placeholder index) fails when run', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const i = tf.placeholder('int32', [], { name: 'i' });
      const t = V().get(i);
      assert.equal(dims(t), []);
      assert.is(run(t, [['i:0', -2]], backend), 8);
      assertThrows(() => run(t, [['i:0', 10]], backend), 'InvalidArgumentError', 'slice index 10 of dimension 0 out of bounds.', 'strided_slice');
    });
  }
});

test('tf.strided_slice: default strides, shrink and new-axis masks', () => {
  check(() => tf.strided_slice(X(), [1, 0], [2, 2]), [[[100, 101, 102, 103], [110, 111, 112, 113]]], [1, 2, 4]);
  check(() => tf.strided_slice(X(), [1, 0, 0], [2, 0, 0], [1, 1, 1], { shrink_axis_mask: 1, end_mask: 6 }),
    [[100, 101, 102, 103], [110, 111, 112, 113], [120, 121, 122, 123]], [3, 4]);
  check(() => tf.strided_slice(V(), [0, 1], [0, 3], [1, 1], { new_axis_mask: 1 }), [[1, 2]], [1, 2]);
  fresh(() => assert.is(tf.strided_slice(V(), [1], [2]).op.name, 'StridedSlice'));
});

test('set_shape refines unknown dims and rejects incompatible shapes', () => {
  fresh(() => {
    const p = tf.placeholder('float32', [null, 3]);
    p.set_shape([2, null]);
    assert.equal(dims(p), [2, 3]);
    const q = tf.placeholder('float32', null);
    q.set_shape([4]);
    assert.equal(dims(q), [4]);
    q.set_shape(tf.placeholder('float32', null).shape);
    assert.equal(dims(q), [4]);
    assertThrows(() => p.set_shape([3, 3]), 'ValueError: Shapes (2, 3) and (3, 3) are incompatible');
    assertThrows(() => p.set_shape([2]), 'Shapes (2, 3) and (2,) are incompatible');
  });
});

test.run();
