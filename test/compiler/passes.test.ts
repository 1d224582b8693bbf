// Each optimizing pass: what it changed (plan steps, explain lines) and what it kept (values with the pass on and off).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { compile } from '../../src/compiler/pipeline.ts';
import { castTo } from '../../src/ops/math/cast.ts';
import type { CompileOptions, Plan } from '../../src/compiler/plan.ts';
import type { Operation } from '../../src/graph/graph.ts';
import type { Tensor } from '../../src/graph/tensor.ts';
import { assertClose, assertThrows, fresh, TEST_BACKENDS } from '../helpers.ts';

const types = (p: Plan) => p.steps.map((s) => s.def.type);
const names = (p: Plan) => p.steps.map((s) => s.op.name);
const plan = (fetches: Tensor[], opts: CompileOptions = {}, feeds: Tensor[] = [], targets: Operation[] = []) =>
  compile({ fetches, targets, feeds }, opts);
/** Only `pass` on (the others disabled), so a test sees that pass alone. */
const only = (pass: string, backend = 'cpu'): CompileOptions =>
  ({ backend, disable: ['fold', 'cse', 'simplify', 'fuse', 'elementwise', 'layout'].filter((p) => p !== pass) });

/** Runs fetches in fresh sessions with the given options on every test backend; returns results per backend. */
function runWith(opts: { optimize?: boolean; disable?: string[] }, fetches: unknown, feed?: unknown): unknown[] {
  return TEST_BACKENDS.map((backend) => {
    const s = new tf.Session({ backend, ...opts });
    try {
      if (tf.global_variables().length) s.run(tf.global_variables_initializer());
      return s.run(fetches, feed === undefined ? undefined : { feed_dict: feed });
    } finally {
      s.close();
    }
  });
}

/** Same values with all passes on and all off, on cpu and wasm. */
function sameOnOff(fetches: unknown, feed?: unknown): void {
  const on = runWith({}, fetches, feed);
  const off = runWith({ optimize: false }, fetches, feed);
  on.forEach((v, i) => assertClose(v, off[i], 1e-6, `backend ${TEST_BACKENDS[i]}:`));
}

test('fold: a constant subgraph becomes one constant; ops fed at run time stay', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2], { name: 'x' });
  const t = tf.tanh(tf.constant([1, 2], { name: 'c1' }), { name: 't' });
  const s = tf.add(tf.constant([3, 4], { name: 'c2' }), tf.constant([3, 4]), { name: 's' });
  const y = tf.multiply(tf.multiply(t, s, { name: 'w' }), x, { name: 'y' });
  assert.equal(types(plan([y], { optimize: false }, [x])), ['Const', 'Tanh', 'Const', 'Const', 'Add', 'Mul', 'Mul']);
  const p = plan([y], only('fold'), [x]);
  assert.equal(types(p), ['Const', 'Mul']);
  assert.equal(names(p), ['w', 'y'], 'the constant keeps the name of the op it replaces');
  const ex = compile({ fetches: [y], targets: [], feeds: [x] }, { ...only('fold'), explain: true }).report!.find((r) => r.name === 'fold')!;
  assert.equal([ex.before, ex.after], [7, 2]);
  assert.ok(ex.details.some((d) => d.startsWith('w:0 (Mul) → Const float32 (2,)')), ex.details.join('\n'));
  sameOnOff(y, [[x, [0.5, -2]]]);
}));

test('fold: random and stateful ops are never folded; huge results are left to run time', () => fresh(() => {
  const r = tf.add(tf.random_normal([3], { seed: 1 }), 1, { name: 'r' });
  assert.ok(types(plan([r], only('fold'))).includes('RandomStandardNormal'));
  const v = tf.Variable([1, 2], { name: 'v' });
  const a = v.assign(tf.add(tf.constant([5, 5]), 1), { name: 'a' });
  const pa = plan([a], only('fold'));
  assert.ok(types(pa).includes('Assign'), 'the assign runs');
  assert.equal(types(pa).filter((t) => t === 'Add'), [], 'its constant input is folded');
  const big = tf.reduce_sum(tf.zeros([1100, 1000]), undefined, { name: 'big' });
  assert.ok(types(plan([big], only('fold'))).includes('Fill'), '1.1e6 elements are not folded');
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(v.initializer);
    assert.equal(s.run(a).toArray(), [6, 6]);
    assert.is(s.run(big), 0);
    const [r1, r2] = [s.run(r), s.run(r)];
    assert.not.equal(r1.toArray(), r2.toArray(), 'a random op draws again each run');
  } finally {
    s.close();
  }
}));

test('a fed value is never treated as its op\'s output, even when that op runs (as a target)', () => fresh(() => {
  const t = tf.tanh(tf.constant([1, 2]), { name: 't' });
  const y = tf.multiply(tf.reshape(tf.reshape(t, [2, 1]), [2]), 2, { name: 'y' });
  const s = new tf.Session({ backend: 'cpu' });
  try {
    assertClose(s.run([y, t.op], [[t, [10, 20]]])[0], [20, 40]);
    const mid = t.op.graph.get_tensor_by_name('Reshape:0');
    assertClose(s.run([y, t.op, mid.op], [[mid, [[5], [6]]]])[0], [10, 12]);
  } finally {
    s.close();
  }
}));

test('cse: identical pure ops merge (by attr value); two random ops with the same attrs stay distinct', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 2], { name: 'x' });
  const a = tf.reduce_sum(tf.multiply(x, 2), 1, { name: 'a' });
  const b = tf.reduce_sum(tf.multiply(x, 2), 1, { name: 'b' });
  const c = tf.reduce_sum(tf.multiply(x, 3), 1, { name: 'c' });
  const y = tf.add_n([a, b, c], { name: 'y' });
  const off = plan([y], { optimize: false }, [x]);
  const on = plan([y], only('cse'), [x]);
  assert.is(off.steps.length - on.steps.length, 5, 'one Const 2, one Mul, one Sum and two of the three reduction axes fewer');
  assert.equal(types(on).filter((t) => t === 'Mul').length, 2, 'x*3 is not x*2');
  sameOnOff(y, [[x, [[1, 2], [3, 4]]]]);
  const r1 = tf.random_normal([4], { name: 'r1' });
  const r2 = tf.random_normal([4], { name: 'r2' });
  assert.equal(types(plan([r1, r2], only('cse'))).filter((t) => t === 'RandomStandardNormal').length, 2);
  const [v1, v2] = runWith({}, [r1, r2])[0] as tf.NDArray[];
  assert.not.equal(v1.toArray(), v2.toArray(), 'two random ops give different values');
}));

test('simplify: x*1, 1*x, x+0, x-0, identities, no-op cast and reshape, reshape chains, inverse transposes', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2, 3], { name: 'x' });
  let h = tf.multiply(x, 1);
  h = tf.multiply(tf.ones([1, 1]), h);
  h = tf.add(h, 0);
  h = tf.subtract(tf.zeros([3]), tf.subtract(h, 0)); // 0 - h is not an identity
  h = tf.identity(tf.stop_gradient(tf.identity(h)));
  h = castTo(h, 'float32'); // tf.cast returns h itself here; gradients build such casts
  h = tf.reshape(h, [2, 3]);
  h = tf.reshape(tf.reshape(h, [3, 2]), [6]);
  h = tf.transpose(tf.transpose(tf.reshape(h, [1, 2, 3]), [2, 0, 1]), [1, 2, 0], { name: 'h' });
  const off = plan([h], { optimize: false }, [x]);
  const p = plan([h], only('simplify'), [x]);
  assert.equal(types(p).filter((t) => t !== 'Const'), ['Sub', 'Reshape'], 'the reshape chain reads h once');
  assert.ok(off.steps.length > p.steps.length + 10);
  const rep = compile({ fetches: [h], targets: [], feeds: [x] }, { ...only('simplify'), explain: true }).report!.find((r) => r.name === 'simplify')!;
  for (const why of ['x * 1', '1 * x', 'x + 0', 'x - 0', 'identity', 'cast to the same dtype', 'reshape to the same static shape',
    'reshape of reshape', 'transpose of its inverse transpose']) {
    assert.ok(rep.details.some((d) => d.includes(why)), `no '${why}' in\n${rep.details.join('\n')}`);
  }
  sameOnOff(h, [[x, [[1, 2, 3], [4, 5, 6]]]]);
  // x*1 that broadcasts x to a bigger shape is not an identity.
  const g = tf.multiply(x, tf.ones([4, 2, 3]), { name: 'g' });
  assert.ok(types(plan([g], only('simplify'), [x])).includes('Mul'));
}));

test('simplify and cse keep control dependencies (an identity after a train op is not bypassed)', () => fresh(() => {
  const v = tf.Variable(1, { name: 'v' });
  const inc = v.assign_add(1, { name: 'inc' });
  const after = tf.control_dependencies([inc], () => tf.identity(tf.constant(5), { name: 'after' }));
  const p = plan([after]);
  assert.ok(names(p).includes('inc') && names(p).includes('after'), names(p).join(' '));
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(v.initializer);
    s.run(after);
    s.run(after);
    assert.is(s.run(v), 3);
  } finally {
    s.close();
  }
}));

test('fuse: MatMul + BiasAdd + Relu and MatMul + Add(bias) + Sigmoid become _FusedMatMul; not when a part is read elsewhere', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 3], { name: 'x' });
  const W = tf.constant([[1, -2], [0.5, 1], [-1, 2]], { name: 'W' });
  const b = tf.constant([0.1, -0.2], { name: 'b' });
  const r = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, W), b), { name: 'r' });
  const sg = tf.sigmoid(tf.add(b, tf.matmul(x, W, { transpose_b: false })), { name: 'sg' });
  const lin = tf.add(tf.matmul(x, W), b, { name: 'lin' });
  const p = plan([r, sg, lin], only('fuse'), [x]);
  assert.equal(types(p).filter((t) => t !== 'Const'), ['_FusedMatMul', '_FusedMatMul', '_FusedMatMul']);
  assert.equal(p.steps.map((s) => s.attrs.activation).filter(Boolean), ['relu', 'sigmoid', 'linear']);
  const feed = [[x, [[1, 2, 3], [-1, 0.5, 2]]]];
  sameOnOff([r, sg, lin], feed);
  // The pre-activation is also fetched: only MatMul + bias fuse, the Relu stays.
  const pre = tf.nn.bias_add(tf.matmul(x, W), b, { name: 'pre' });
  const act = tf.nn.relu(pre, { name: 'act' });
  assert.equal(types(plan([pre, act], only('fuse'), [x])).filter((t) => t !== 'Const'), ['_FusedMatMul', 'Relu']);
  // A bias that broadcasts like a matrix (rank 2) is not a fusable bias.
  const m = tf.add(tf.matmul(x, W), tf.constant([[1, 2]]), { name: 'm' });
  // On cpu and wasm every float32 MatMul runs _FusedMatMul's kernel (here without a bias: the Add stays).
  assert.equal(types(plan([m], only('fuse', 'wasm'), [x])).filter((t) => t !== 'Const'), ['_FusedMatMul', 'Add']);
  assert.equal(types(plan([m], only('fuse'), [x])).filter((t) => t !== 'Const'), ['_FusedMatMul', 'Add']);
  sameOnOff([pre, act, m], feed);
}));

test('fuse: tanh epilogues (cpu: JS; wasm: 2·sigmoid(x(2W) + 2b) − 1) and lone matmuls with any transpose flags', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [null, 6], { name: 'x' });
  const rows = (n: number, k: number, f: number) => Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, j) => Math.sin(f * i + j)));
  const W = tf.constant(rows(6, 5, 0.7), { name: 'W' });
  const b = tf.constant([0.1, -0.2, 0.3, 0, 1], { name: 'b' });
  const t = tf.tanh(tf.add(tf.matmul(x, W), b), { name: 't' });
  const ta = tf.matmul(x, tf.constant(rows(9, 7, 0.3)), { transpose_a: true, name: 'ta' }); // xᵀ (6×9) · 9×7
  const tb = tf.matmul(tf.constant(rows(5, 6, 1.1)), x, { transpose_b: true, name: 'tb' }); // 5×6 · xᵀ (6×9)
  const both = tf.matmul(tf.constant(rows(6, 5, 0.2)), tf.constant(rows(9, 6, 0.4)), { transpose_a: true, transpose_b: true });
  const cpu = plan([t, ta, tb, both], only('fuse'), [x]);
  assert.equal(types(cpu).filter((s) => s !== 'Const'), ['_FusedMatMul', '_FusedMatMul', '_FusedMatMul', '_FusedMatMul']);
  assert.equal(cpu.steps.map((s) => s.attrs.activation).filter(Boolean), ['tanh', 'linear', 'linear', 'linear']);
  const wasm = plan([t], only('fuse', 'wasm'), [x]);
  assert.equal(types(wasm).filter((s) => s !== 'Const'), ['Mul', 'Mul', '_FusedMatMul', 'Mul', 'Sub']);
  assert.equal(wasm.steps.map((s) => s.attrs.activation).filter(Boolean), ['sigmoid']);
  assert.equal(wasm.steps.at(-1)!.op.name, 't', 'the last step of the rewrite carries the Tanh name');
  sameOnOff([t, ta, tb, both], [[x, rows(9, 6, 0.9)]]);
}));

test('wasm _FusedMatMul: unit dims reshape, one-row A·Bᵀ and one-column Aᵀ·B swap; one buffer as right operand in two shapes', () => fresh(() => {
  const rows = (n: number, k: number, f: number) => Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, j) => Math.sin(f * i + j + 0.3)));
  const dz = tf.placeholder(tf.float32, [null, 5], { name: 'dz' }); // fed with one row
  const W = tf.constant(rows(7, 5, 0.7), { name: 'W' });
  const x = tf.constant(rows(1, 7, 1.1), { name: 'xr' });
  const dx = tf.matmul(dz, W, { transpose_b: true, name: 'dx' }); // 1×5 · (7×5)ᵀ: runs as W·dzᵀ
  const dW = tf.matmul(x, dz, { transpose_a: true, name: 'dW' }); // (1×7)ᵀ · 1×5: a reshape, dz the right operand again
  const col = tf.matmul(tf.constant(rows(7, 5, 0.6)), tf.constant(rows(7, 1, 0.4)), { transpose_a: true, name: 'col' }); // (7×5)ᵀ · 7×1: runs as (1×7 · W)ᵀ
  const vec = tf.matmul(tf.constant(rows(3, 5, 0.2)), tf.constant(rows(1, 5, 0.9)), { transpose_b: true, name: 'vec' });
  const p = plan([dx, dW, col, vec], { backend: 'wasm' }, [dz]);
  assert.ok(!types(p).includes('Transpose'), 'nothing transposed ahead: the kernel reshapes or swaps');
  sameOnOff([dx, dW, col, vec], [[dz, rows(1, 5, 2.3)]]);
}));

test('fuse (wasm): SparseSoftmaxCrossEntropyWithLogits runs the JS kernel _SparseSoftmaxXent; same values and errors', () => fresh(() => {
  const logits = tf.placeholder(tf.float32, [null, 3], { name: 'logits' });
  const labels = tf.placeholder(tf.int32, [null], { name: 'labels' });
  const loss = tf.nn.sparse_softmax_cross_entropy_with_logits({ labels, logits });
  const g = tf.gradients(tf.reduce_sum(loss), [logits])[0]!;
  assert.ok(types(plan([loss, g], { backend: 'wasm' }, [logits, labels])).includes('_SparseSoftmaxXent'));
  assert.ok(!types(plan([loss, g], { backend: 'cpu' }, [logits, labels])).includes('_SparseSoftmaxXent'));
  sameOnOff([loss, g], [[logits, [[1, 2, 3], [-1, 0.5, 8], [0, 0, 0]]], [labels, [2, 0, 1]]]);
  const s = new tf.Session({ backend: 'wasm' });
  try {
    assertThrows(() => s.run(loss, { feed_dict: [[logits, [[1, 2, 3]]], [labels, [3]]] }), /Received a label value of 3 which is outside the valid range of \[0, 3\)/);
  } finally {
    s.close();
  }
}));

test('layout (wasm only): transposed matmul operands are materialised once; tiny products keep their flags', () => fresh(() => {
  const a = tf.placeholder(tf.float32, [64, 32], { name: 'a' });
  const W = tf.placeholder(tf.float32, [48, 32], { name: 'W' });
  const y1 = tf.matmul(a, W, { transpose_b: true, name: 'y1' });
  const y2 = tf.nn.relu(tf.matmul(tf.multiply(a, 2), W, { transpose_b: true }), { name: 'y2' });
  const wasm = plan([y1, y2], { backend: 'wasm', disable: ['fold', 'cse', 'simplify'] }, [a, W]);
  assert.equal(types(wasm).filter((t) => t === 'Transpose').length, 1, 'one transpose of W serves both');
  assert.ok(wasm.steps.every((s) => !s.attrs.transpose_b), 'flags cleared');
  assert.ok(!types(plan([y1, y2], { backend: 'cpu' }, [a, W])).includes('Transpose'), 'cpu plans are unchanged');
  const small = tf.matmul(tf.placeholder(tf.float32, [4, 2], { name: 's' }), tf.constant([[1, 2]]), { transpose_b: true });
  assert.ok(!types(plan([small], { backend: 'wasm' }, [small.op.inputs[0]])).includes('Transpose'));
  const rows = (n: number, k: number, f: number) => Array.from({ length: n }, (_, i) => Array.from({ length: k }, (_, j) => Math.sin(f * i + j)));
  sameOnOff([y1, y2], [[a, rows(64, 32, 1)], [W, rows(48, 32, 2)]]);
}));

test('wasm _FusedMatMul with transpose flags and a bias equals its composite (tfjs-wasm misplaces the bias there)', () => fresh(() => {
  const x = tf.constant([[1, 2, 3], [-1, 0, 5]]);
  const W = tf.constant([[1, 3, 0], [2, 4, 1], [0.5, -1, 1], [1, 2, -3]]); // 4×3: used transposed
  const b = tf.constant([-1, -2, 0.5, 3]);
  const y = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, W, { transpose_b: true }), b));
  sameOnOff(y);
  assertClose(runWith({}, y)[1], [[6, 11, 2, 0], [0, 1, 5, 0]]);
}));

test('schedule: peak memory from static shapes; unknown dims are flagged', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [10, 10], { name: 'x' });
  const y = tf.tanh(tf.exp(x));
  // x (400 B, fed) is live while exp (400) is made, then freed; exp is live while tanh (400) is made.
  const p = plan([y], {}, [x]);
  assert.is(p.peakBytes, 800);
  assert.is(p.peakUnknownDims, false);
  const u = tf.placeholder(tf.float32, [null, 10], { name: 'u' });
  assert.is(plan([tf.exp(u)], {}, [u]).peakUnknownDims, true);
}));

test('session options: optimize false, disable by name (checked), explain text', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2], { name: 'x' });
  const y = tf.multiply(tf.add(x, 0), tf.tanh(tf.constant([1, 2])), { name: 'y' });
  assertThrows(() => new tf.Session({ disable: ['fusion'] }), "Unknown compiler pass 'fusion'", "'fuse'");
  const s = new tf.Session({ backend: 'cpu' });
  const off = new tf.Session({ backend: 'cpu', optimize: false });
  const noFold = new tf.Session({ backend: 'cpu', disable: ['fold'] });
  try {
    const ex = s.explain(y, [[x, [1, 2]]]);
    assert.equal(ex.passes.map((p) => p.name), ['prune', 'fold', 'cse', 'simplify', 'fuse', 'elementwise', 'layout', 'schedule']);
    assert.ok(ex.text.includes('fold: 5 → 4 nodes'), ex.text);
    assert.ok(ex.text.includes('simplify: 4 → 2 nodes') && ex.text.includes('Add (Add) → x:0: x + 0'), ex.text);
    assert.ok(ex.text.includes('  Tanh = Const() {dtype=float32, value=[0.761594, 0.964028]} : float32 (2,)\n  y = _FusedElementwise(x:0, Tanh:0) {expr=Mul($0,$1)} : float32 (2,)'), ex.text);
    assert.ok(ex.text.includes('elementwise: 2 → 2 nodes\n  1 op(s) y → _FusedElementwise Mul($0,$1)'), ex.text);
    assert.ok(/peak memory: \d+ bytes/.test(ex.text));
    assert.is(ex.peakBytes, 24);
    assert.equal(off.explain(y, [[x, [1, 2]]]).passes.map((p) => p.name), ['prune', 'schedule']);
    assert.not.ok(noFold.explain(y, [[x, [1, 2]]]).passes.some((p) => p.name === 'fold'));
    for (const sess of [s, off, noFold]) assertClose(sess.run(y, [[x, [1, 2]]]), [Math.tanh(1), 2 * Math.tanh(2)]);
  } finally {
    s.close();
    off.close();
    noFold.close();
  }
}));

test.run();
