// Sandbox: .tfpy programs cannot reach JavaScript globals, prototypes, constructors or the file system.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runProgram } from '../../dsl/run.ts';

function run(src: string): { ok: boolean; out: string; message: string } {
  let out = '';
  const r = runProgram(src, 'sb.tfpy', { stdout: (s) => { out += s; }, backend: 'cpu', maxSteps: 100000 });
  return { ok: r.ok, out, message: r.message ?? '' };
}

const ESCAPES: [string, RegExp][] = [
  ['process', /NameError: name 'process'/],
  ['globalThis', /NameError/],
  ['require', /NameError/],
  ['eval', /NameError/],
  ['open', /NameError/],
  ['__import__', /NameError/],
  ["(1).__class__", /AttributeError/],
  ["''.constructor", /AttributeError/],
  ["[].__proto__", /AttributeError/],
  ["print.constructor", /AttributeError/],
  ["len.__call__", /AttributeError/],
  ["(lambda: 1).__globals__", /AttributeError/],
  ["{}.__proto__", /AttributeError/],
];

for (const [expr, err] of ESCAPES) {
  test(`no escape through ${expr}`, () => {
    const r = run(`x = ${expr}\nprint(x)\n`);
    assert.ok(!r.ok, `${expr} should fail, printed ${r.out}`);
    assert.match(r.message, err);
    assert.match(r.message, /^sb\.tfpy:1:\d+: /);
  });
}

test('library objects: no constructor, prototype or dunder access', () => {
  for (const attr of ['constructor', '__proto__', 'prototype', '__class__', 'toString', 'valueOf', '__defineGetter__']) {
    const r = run(`import tensorflow as tf\nx = tf.constant(1.0)\ny = x.${attr}\n`);
    assert.ok(!r.ok, attr);
    assert.match(r.message, /AttributeError/);
  }
  const m = run('import tensorflow as tf\nf = tf.constant\nprint(f.constructor)\n');
  assert.match(m.message, /AttributeError/);
  const g = run('import tensorflow as tf\ng = tf.get_default_graph()\nprint(g.as_default.constructor)\n');
  assert.match(g.message, /AttributeError/);
});

test('getattr/hasattr builtins obey the same rules', () => {
  const r = run("print(hasattr([], 'constructor'), hasattr('', '__proto__'))\nx = getattr(1, 'constructor')\n");
  assert.is(r.out, 'False False\n');
  assert.match(r.message, /AttributeError/);
});

test('attribute writes cannot reach prototypes', () => {
  for (const src of ['import tensorflow as tf\nx = tf.constant(1.0)\nx.__proto__ = 1\n',
    'import tensorflow as tf\nx = tf.constant(1.0)\nx.add = 1\n', 'xs = []\nxs.append = 1\n',
    'import tensorflow as tf\ntf.constant = 1\n']) {
    const r = run(src);
    assert.ok(!r.ok, src);
    assert.match(r.message, /AttributeError/);
  }
});

test('dict keys like __proto__ stay data when passed to the library', () => {
  const r = run("d = {'__proto__': 1, 'constructor': 2}\nprint(d['__proto__'], d)\n");
  assert.is(r.out, "1 {'__proto__': 1, 'constructor': 2}\n");
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test('os exposes only path string helpers; no file access modules', () => {
  const r = run("import os\nprint(os.path.join('a', 'b'))\nos.system('ls')\n");
  assert.is(r.out, 'a/b\n');
  assert.match(r.message, /AttributeError: module 'os' has no attribute 'system'/);
  for (const m of ['sys', 'subprocess', 'io', 'builtins', 'shutil']) {
    assert.match(run(`import ${m}\n`).message, /ModuleNotFoundError/);
  }
});

test('step limit stops runaway loops cleanly', () => {
  const r = run('while True:\n    pass\n');
  assert.ok(!r.ok);
  assert.match(r.message, /step limit/);
});

test.run();
