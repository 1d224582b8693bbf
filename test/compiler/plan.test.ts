// Plans: prune keeps only what fetches need, feeds cut producers, plans are cached per request, buffers are freed at last use.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { compile } from '../../src/compiler/pipeline.ts';
import type { Plan } from '../../src/compiler/plan.ts';
import type { Operation } from '../../src/graph/graph.ts';
import type { Tensor } from '../../src/graph/tensor.ts';
import { fresh } from '../helpers.ts';

const names = (p: Plan) => p.steps.map((s) => s.op.name);

/** Five ops: c1, c2, t = tanh(c1), s = c2 + c2, w = t * s. */
function five() {
  const c1 = tf.constant([1, 2], { name: 'c1' });
  const c2 = tf.constant([3, 4], { name: 'c2' });
  const t = tf.tanh(c1, { name: 't' });
  const s = tf.add(c2, c2, { name: 's' });
  const w = tf.multiply(t, s, { name: 'w' });
  return { c1, c2, t, s, w };
}

// Structure of prune and schedule alone: the optimizing passes (which would fold these constants) are off here.
const plan = (fetches: Tensor[], feeds: Tensor[] = [], targets: Operation[] = []) => compile({ fetches, targets, feeds }, { optimize: false });

test('prune keeps only what the fetches need, in a topological order', () => fresh(() => {
  const { t, s, w } = five();
  assert.equal(names(plan([t])), ['c1', 't']);
  assert.equal(names(plan([s])), ['c2', 's']);
  assert.equal(names(plan([w])), ['c1', 'c2', 't', 's', 'w']);
  assert.equal(names(plan([t, s])), ['c1', 'c2', 't', 's']);
}));

test('fed tensors cut their producers', () => fresh(() => {
  const { t, s, w } = five();
  assert.equal(names(plan([w], [t])), ['c2', 's', 'w']);
  assert.equal(names(plan([w], [t, s])), ['w']);
  const p = plan([t], [t]);
  assert.equal(names(p), [], 'a fetched fed tensor needs no step');
  assert.equal(p.fetches, [p.feeds[0][1]], 'its fetch slot is the feed slot');
  assert.equal(p.freeFirst, []);
}));

test('a fed tensor nobody reads is freed before the first step', () => fresh(() => {
  const { t, s } = five();
  const p = plan([s], [t]);
  assert.equal(names(p), ['c2', 's']);
  assert.equal(p.freeFirst, [p.feeds[0][1]]);
}));

test('targets and control inputs are run; variables are read at use, not scheduled', () => fresh(() => {
  const v = tf.Variable([1, 2], { name: 'v' });
  const inc = v.assign_add([1, 1], { name: 'inc' });
  tf.constant(1, { name: 'c' }); // an op nothing needs: not in the plan
  const g = tf.group(inc, { name: 'g' });
  const p = plan([], [], [g]);
  assert.ok(names(p).includes('inc') && names(p).at(-1) === 'g', names(p).join(' '));
  assert.not.ok(names(p).includes('v'), 'the ref input of an assign is not evaluated');
  assert.not.ok(names(p).includes('c'));
  const y = tf.multiply(v, 2, { name: 'y' });
  const py = plan([y]);
  assert.equal(names(py).filter((n) => n === 'v'), [], 'the variable op itself is not a step');
  const read = py.steps.find((st) => st.op.name === 'v/read')!;
  assert.equal(read.inputs, [-1]);
  assert.is(read.varReads[0]?.name, 'v');
}));

test('unfed placeholders are listed by the plan (the session refuses the run before any step)', () => fresh(() => {
  const x = tf.placeholder(tf.float32, [2], { name: 'x' });
  const y = tf.placeholder(tf.float32, [2], { name: 'y' });
  const z = tf.add(x, y, { name: 'z' });
  assert.equal(plan([z]).unfedPlaceholders.map((o) => o.name), ['x', 'y']);
  assert.equal(plan([z], [y]).unfedPlaceholders.map((o) => o.name), ['x']);
  assert.equal(plan([z], [x, y]).unfedPlaceholders, []);
  assert.equal(plan([z], [z]).unfedPlaceholders, [], 'feeding the fetched tensor cuts both placeholders');
}));

/** Independent liveness: each slot is freed exactly once, after the last step that reads it; fetched slots never. */
function checkLiveness(p: Plan): void {
  const lastRead = new Map<number, number>();
  p.steps.forEach((st, i) => st.inputs.forEach((sl) => { if (sl >= 0) lastRead.set(sl, i); }));
  const freedAt = new Map<number, number>();
  p.steps.forEach((st, i) => st.free.forEach((sl) => {
    assert.not.ok(freedAt.has(sl), `slot ${sl} freed twice`);
    freedAt.set(sl, i);
  }));
  for (const sl of p.fetches) assert.not.ok(freedAt.has(sl) || p.freeFirst.includes(sl), `fetched slot ${sl} is freed`);
  for (const [sl, i] of lastRead) if (!p.fetches.includes(sl)) assert.is(freedAt.get(sl), i, `slot ${sl} last read at step ${i}`);
  for (const [sl] of freedAt) assert.ok(lastRead.has(sl), `slot ${sl} freed but never read`);
  // Every output either gets a slot that is read, fetched, or is discarded (-1) at once.
  p.steps.forEach((st) => st.outputs.forEach((sl) => {
    if (sl >= 0) assert.ok(lastRead.has(sl) || p.fetches.includes(sl), `output slot ${sl} is never used`);
  }));
}

test('buffers are freed at their last use', () => fresh(() => {
  const { c1, t, w } = five();
  const p = plan([w]);
  checkLiveness(p);
  const idx = (n: string) => names(p).indexOf(n);
  const slotOfInput = (n: string, k: number) => p.steps[idx(n)].inputs[k];
  // t and s are freed right after w reads them; c2 (read twice by s) right after s.
  assert.ok(p.steps[idx('w')].free.includes(slotOfInput('w', 0)));
  assert.ok(p.steps[idx('w')].free.includes(slotOfInput('w', 1)));
  assert.equal(p.steps[idx('s')].free, [slotOfInput('s', 0)]);
  assert.is(slotOfInput('s', 0), slotOfInput('s', 1));
  // Fetching an intermediate keeps it alive to the end.
  const p2 = plan([w, t, c1]);
  checkLiveness(p2);
  const freed = p2.steps.flatMap((st) => st.free).sort((a, b) => a - b);
  assert.equal(freed, [p2.steps[3].inputs[0], p2.steps[3].outputs[0]].sort((a, b) => a - b), 'only c2 and s are freed');
}));

test('outputs nobody reads are discarded at once (slot -1)', () => fresh(() => {
  const { c1, t } = five();
  const unused = tf.tanh(c1, { name: 'unused' });
  const p = plan([t], [], [unused.op]);
  const st = p.steps.find((x) => x.op.name === 'unused')!;
  assert.equal(st.outputs, [-1]);
  checkLiveness(p);
}));

test('the session caches one plan per request and reuses the same object', () => fresh(() => {
  const { t, w } = five();
  const x = tf.placeholder(tf.float32, [null], { name: 'x' });
  const y = tf.multiply(x, 2);
  const s = new tf.Session({ backend: 'cpu' });
  const cache = (s as unknown as { plans: Map<string, Plan> }).plans;
  const planFor = (f: Tensor[], fd: Tensor[], b: string) =>
    (s as unknown as { planFor(f: Tensor[], t: Operation[], fd: Tensor[], b: string): Plan }).planFor(f, [], fd, b);
  try {
    s.run(w);
    s.run(w);
    assert.is(cache.size, 1);
    const first = [...cache.values()][0];
    s.run(w);
    assert.ok([...cache.values()][0] === first, 'the same plan object');
    assert.ok(planFor([w], [], 'cpu') === first);
    s.run([w, t]);
    assert.is(cache.size, 2);
    s.run(y, [[x, [1, 2]]]);
    s.run(y, [[x, [1, 2, 3]]]);
    assert.is(cache.size, 3, 'another fed shape reuses the plan');
    s.run(y, { feed_dict: [[x, [1]]], backend: 'wasm' });
    assert.is(cache.size, 4, 'plans are per backend');
    s.run(w, [[t, [0, 0]]]);
    assert.is(cache.size, 5, 'another set of fed tensors is another plan');
  } finally {
    s.close();
  }
  assert.is(cache.size, 0, 'close drops the plans');
}));

test('running a plan executes only the pruned ops (a stateful op elsewhere does not run)', () => fresh(() => {
  const v = tf.Variable(0, { name: 'counter' });
  const inc = v.assign_add(1);
  const out = tf.add(tf.constant(1), 1);
  const both = tf.add(inc, 0);
  const s = new tf.Session({ backend: 'cpu' });
  try {
    s.run(v.initializer);
    for (let i = 0; i < 3; i++) s.run(out);
    assert.is(s.run(v), 0);
    s.run(both);
    assert.is(s.run(v), 1);
  } finally {
    s.close();
  }
}));

test.run();
