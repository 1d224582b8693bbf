// Fuzzing the .tfpy front end: random and mutated programs must parse or fail with a positioned TfpyError.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../dsl/parse.ts';
import { TfpyError } from '../../dsl/ast.ts';

/** mulberry32: a tiny seeded RNG, so that a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  `import tensorflow as tf
import numpy as np
%matplotlib inline
x_data = [[0, 1, 0, 2, 3, 3]]
X = tf.placeholder(tf.float32, [None, 6, 5], name='X')
cell = tf.contrib.rnn.BasicLSTMCell(num_units=5, state_is_tuple=True)
outputs, _states = tf.nn.dynamic_rnn(cell, X, dtype=tf.float32)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(2000):
        l, _ = sess.run([loss, train], feed_dict={X: x_one_hot, Y: y_data})
        if i % 200 == 0:
            result_str = [idx2char[c] for c in np.squeeze(result)]
            print(i, "loss:", l, f"{l:.3f} {i!r:>{w}}", ''.join(result_str))
`,
  `def f(a, b=1, *args, c, d=2, **kw) -> int:
    """doc
    string"""
    global g
    x, *rest = a[:, -1], xy[::-1], x[1:2, ..., None]
    x += -2 ** 2 // 3 % 4 @ w | 5 ^ 6 & 7 << 8 >> 9
    while not (x < y <= z) and a is not b or c not in d:
        x = lambda q, *r, s=1: q if r else s
        if x: break
        elif y: continue
        else: pass
    else:
        del x[0], y.z
    assert x, 'msg'
    return {k: v for k, v in kw.items() if v}, {1, 2}, {**kw, 'a': 1}, (x for x in y), ()
`,
  `from a.b import (c as d, e,)
s = r'\\d+' 'x' b"y" '''tri
ple''' + "esc\\n\\t\\x41"
t = \\
    1.5e-3 + .5 + 1. + 0x1F + 1_000
for (i, j), k in zip(a, b): print(i); print(j)
`,
];

/** Fragments to insert: brackets, quotes, layout and operators are where the edge cases live. */
const SNIPPETS = [
  '(', ')', '[', ']', '{', '}', ':', ',', ';', '=', '==', '*', '**', '.', '...', "'", '"', '"""', "f'{", '}', '{{',
  '\\', '\\\n', '\n', '\n    ', '\t', '  ', '#', 'lambda', 'if', 'else', 'for', 'in', 'not', 'is', 'def', 'with',
  'return', 'class', 'yield', ':=', '@', '%', '!', 'j', '0x', '1e', '_', 'é', '€', '\r', '\r\n', 'async', 'match x:',
];

function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const pos = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 7);
    if (op === 0) s = s.slice(0, pos) + s.slice(pos + 1 + Math.floor(r() * 3)); // delete characters
    else if (op === 1) s = s.slice(0, pos) + s.slice(pos, pos + 1 + Math.floor(r() * 5)) + s.slice(pos); // duplicate
    else if (op === 2 && pos + 1 < s.length) s = s.slice(0, pos) + s[pos + 1] + s[pos] + s.slice(pos + 2); // swap
    else if (op === 3) s = s.slice(0, pos) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + s.slice(pos); // insert
    else {
      // Token-level: delete, duplicate or swap whole words/symbols.
      const toks = s.split(/(\s+|\b)/);
      const i = Math.floor(r() * toks.length);
      const j = Math.floor(r() * toks.length);
      if (op === 4) toks.splice(i, 1);
      else if (op === 5) toks.splice(i, 0, toks[j] ?? '');
      else [toks[i], toks[j]] = [toks[j] ?? '', toks[i] ?? ''];
      s = toks.join('');
    }
  }
  return s;
}

function randomProgram(r: () => number): string {
  const words = ['x', 'y', '1', '2.5', "'s'", 'f(', ')', '[', ']', '{', '}', ',', ':', '=', '+', '-', '*', '**', '\n',
    '\n    ', 'if', 'for', 'in', 'def', 'return', 'lambda', 'not', 'and', '.', 'None', 'with', 'as', 'else'];
  let s = '';
  const len = Math.floor(r() * 40);
  for (let i = 0; i < len; i++) s += words[Math.floor(r() * words.length)] + (r() < 0.6 ? ' ' : '');
  return s;
}

/** The error's position lies inside the source (a column may point just past the end of its line). */
function inside(src: string, line: number, col: number): boolean {
  const lines = src.split(/\r\n|\r|\n/);
  return Number.isInteger(line) && Number.isInteger(col) && line >= 1 && line <= lines.length
    && col >= 1 && col <= lines[line - 1]!.length + 1;
}

test('seed programs parse', () => {
  for (const s of SEEDS) parse(s, 'seed.tfpy');
});

test('mutated and random programs: a Module or a positioned TfpyError, never a crash or a hang', () => {
  const r = rng(20240611);
  const started = Date.now();
  let modules = 0;
  let errors = 0;
  for (let k = 0; k < 3000; k++) {
    const src = k % 5 === 4 ? randomProgram(r) : mutate(SEEDS[k % SEEDS.length]!, r);
    const t0 = Date.now();
    try {
      const m = parse(src, 'fuzz.tfpy');
      assert.is(m.kind, 'Module');
      modules++;
    } catch (e) {
      if (!(e instanceof TfpyError) || !e.loc) {
        throw new Error(`case ${k}: ${String(e)}\n${(e as Error).stack}\n--- source ---\n${src}`);
      }
      assert.ok(inside(src, e.loc.line, e.loc.col), `case ${k}: ${e.message} at ${e.loc.line}:${e.loc.col}\n${src}`);
      errors++;
    }
    assert.ok(Date.now() - t0 < 2000, `case ${k} took ${Date.now() - t0} ms\n${src}`);
  }
  assert.ok(modules > 100 && errors > 100, `modules ${modules}, errors ${errors}`);
  assert.ok(Date.now() - started < 60_000, 'fuzzing took over a minute');
});

test.run();
