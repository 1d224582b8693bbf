// Fuzzing the .tfpy interpreter: mutated and grammar-generated programs end with a result or a positioned Python error.
// FUZZ_N (programs), FUZZ_SEED and FUZZ_REPORT=1 (list every failure instead of stopping at the first) help exploring.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram, type RunResult } from '../../dsl/run.ts';
import { TfpyError } from '../../dsl/ast.ts';
import * as tf from '../../src/index.ts';
import { findBackend } from '../../src/runtime/backends.ts';
import { rng } from '../helpers.ts';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, n: number): number => Math.floor(r() * n);

const PRELUDE = `import numpy as np
import tensorflow as tf
a = 3
b = 2.5
s = 'abc'
xs = [1, 2, 3]
t = (1, 'x')
d = {'k': 1, 2: 'v'}
st = {1, 2}
arr = np.array([[1.0, 2.0], [3.0, 4.0]])
ia = np.arange(6)
def f(x, y=1, *args, **kw):
    return x
g = lambda q: q
T = tf.constant([[1.0, 2.0]])
P = tf.placeholder(tf.float32, [None, 2])
`;

/** Hand-written seeds: builtins, containers, formatting, closures, comprehensions, slicing, numpy, tensorflow. */
const SNIPPETS = [
  PRELUDE + `print(len(xs), sum(xs), min(xs), max(xs), sorted(xs, reverse=True), list(reversed(xs)), abs(-a), round(b))
print(list(zip(xs, s)), dict(zip(s, xs)), list(enumerate(s)), isinstance(a, int), list(map(g, xs)), any(xs), all(xs))
print(int('7'), float(a), str(b), bool(''), tuple(xs), set(s), list(filter(None, [0, 1])), divmod(7, 2), pow(2, 3))
`,
  PRELUDE + `xs.append(4)
xs.extend([5, 6])
y = xs.pop()
d['n'] = [1, 2]
d.update({'m': 3})
print(xs, y, d.get('k'), d.keys(), list(d.values()), d.items(), 'k' in d, st | {3}, st & {2}, t[0], t[-1:])
del xs[0]
xs[1:2] = [9, 9]
print(xs, xs.index(9), xs.count(9), s.upper(), s.split('b'), '-'.join(s), s.replace('a', 'z'), s[::-1], s.strip('a'))
`,
  PRELUDE + `name = 'w'
print('%s=%d %.3f %5s|%-4d|' % (name, a, b, s, a), '{} {:.2f} {k}'.format(a, b, k=s), f'{a:>4} {b:.1e} {s!r} {xs}')
print(f'{a + 1}', '{0}{1}{0}'.format(1, 2), '%r' % (s,), '%x %o %e' % (255, 8, b), '{:,}'.format(1234567), str(1e20))
`,
  PRELUDE + `def make(n):
    total = [0]
    def add(v, scale=1):
        total[0] += v * scale + n
        return total[0]
    return add
adder = make(2)
print(adder(1), adder(2, scale=3), (lambda *p, **k: (p, k))(1, z=2), f(1, 2, 3, w=4))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(8)], {i: i * i for i in range(3)}, [(i, j) for i in range(3) for j in range(i) if j])
count = 0
while count < 5:
    count += 1
    if count == 2:
        continue
    if count == 4:
        break
else:
    print('no')
for i, c in enumerate(s):
    print(i, c, end=' ')
print(count, a if a > b else b, a < b <= 3, not a, a is None, a // 2, -a % 3, a ** 2, 7 / 2, 1 << 3, 6 & 3, 6 ^ 3)
`,
  PRELUDE + `m = [[1, 2, 3], [4, 5, 6]]
print(m[0][1:], m[-1][::2], m[1][-2], xs[a - 3:a], s[1:], s[:-1], xs[::-1])
x = np.array(m)
print(x[:, -1], x[:, [-1]], x[0], x[1, 2], x.shape, x.T, x.reshape(3, 2), x.astype(np.float32), x.ndim, x.size)
print(x * 2 + 1, x / 2, x.sum(), x.mean(axis=0), np.argmax(x, axis=1), np.concatenate([x, x]), x[x > 2], np.sqrt(x))
print(np.zeros((2, 2)), np.ones(3), np.linspace(0, 1, 3), np.stack([ia, ia]), np.expand_dims(ia, 0).shape, ia[1:4])
np.random.seed(0)
print(np.random.rand(2).shape, np.random.randn(2, 2).shape, np.random.choice(5), np.random.permutation(3).shape)
`,
  PRELUDE + `W = tf.Variable(tf.random_normal([2, 1]), name='W')
y = tf.matmul(P, W) + 1.0
z = tf.reduce_sum(P * 2 - 1, axis=1)
m = tf.reduce_mean(tf.square(y))
c = tf.cast(tf.argmax(P, 1), tf.float32)
train = tf.train.GradientDescentOptimizer(0.1).minimize(m)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(3):
        l, _ = sess.run([m, train], feed_dict={P: [[1, 2], [3, 4]]})
    print(l, sess.run(z, feed_dict={P: arr}), sess.run([c, T]), sess.run(y, {P: [[0.5, 1]]}).shape, T[0, 1], P.shape)
    print(sess.run(tf.reduce_max(T) + tf.reduce_min(T)), sess.run(tf.nn.softmax(T)), sess.run(-T ** 2 // 3 % 2))
`,
  PRELUDE + `sess = tf.Session()
v = tf.Variable([1.0, 2.0])
sess.run(tf.global_variables_initializer())
out = sess.run(v * T, feed_dict={})
print(out, out.dtype, out.tolist(), float(out[0][0]), sess.run(tf.one_hot([0, 1], 3)), tf.zeros([2]).dtype)
`,
];

/** Seed programs: the goldens, with long loops cut short, and the snippets above. */
function seeds(): string[] {
  const dir = join(import.meta.dirname, 'golden');
  const goldens = readdirSync(dir).filter((f) => f.endsWith('.tfpy')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/range\((\d{3,})\)/g, 'range(3)'));
  return [...goldens, ...SNIPPETS];
}

const LITERALS = ['0', '1', '-1', '2', '3', '7', '2.5', '-0.5', '1e3', '0.0', 'None', 'True', 'False', "''", "'a'", "'%d'",
  "'{}'", '[]', '[1, 2]', '[[1, 2], [3, 4]]', '()', '(1,)', '{}', "{'a': 1}", '{1}', 'np.array([1, 2])', 'np.zeros((2, 2))',
  'tf.constant(1.0)', 'tf.constant([[1.0, 2.0]])', '2 ** 64', '-2 ** 63', 'float("nan")', 'float("inf")', 'slice(1)',
  'range(3)', 'len', 'print', '(lambda *a: a)', '...', 'np', 'tf', 'tf.float32', 'np.int32', 'object', 'type'];
const NAMES = ['a', 'b', 's', 'xs', 't', 'd', 'st', 'arr', 'ia', 'f', 'g', 'T', 'P', 'np', 'tf', 'len', 'print', 'range',
  'int', 'str', 'list', 'dict', 'None', 'sess', 'x', 'i', '__class__', '__dict__', 'constructor', '__proto__', 'shape'];
const OPS = ['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '<', '>', '==', '!=', '<=', '>=',
  'and', 'or', 'in', 'not in', 'is', 'is not'];
const AUG = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>='];
const METHODS = ['append', 'pop', 'keys', 'values', 'items', 'get', 'join', 'split', 'strip', 'upper', 'format', 'replace',
  'count', 'index', 'sum', 'mean', 'max', 'reshape', 'astype', 'tolist', 'get_shape', 'eval', 'as_list', 'copy', 'sort',
  'insert', 'remove', 'update', 'add', 'startswith', 'find', 'flatten', 'argmax', 'item', 'run', 'close', 'name'];
const ATTRS = ['shape', 'T', 'dtype', 'ndim', 'size', 'name', 'op', 'graph', 'real', '__name__', '__class__', 'value'];

/** A lexical token: a string, a number, a name, an operator, a bracket, or whitespace. */
const TOKEN = /("""[\s\S]*?"""|'''[\s\S]*?'''|[rbf]?"(?:\\.|[^"\\\n])*"|[rbf]?'(?:\\.|[^'\\\n])*'|\d[\d_.]*(?:e-?\d+)?j?|[A-Za-z_]\w*|\*\*=?|\/\/=?|<<=?|>>=?|[-+*/%@&|^<>=!]=|->|[^\s\w]|\s+)/g;

function mutate(src: string, r: Rng): string {
  let s = src;
  for (let k = 1 + int(r, 2); k > 0; k--) {
    // Mostly changes that keep the syntax (literals, names, operators), so that most programs reach the interpreter.
    const op = pick(r, [0, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 7, 8, 9, 9]);
    if (op < 3) {
      const lines = s.split('\n');
      const i = int(r, lines.length);
      const j = int(r, lines.length);
      if (op === 0) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      else if (op === 1) lines.splice(i, 0, lines[j]!);
      else lines.splice(i, 1);
      s = lines.join('\n');
      continue;
    }
    const toks = s.match(TOKEN) ?? [];
    const spots = toks.map((t, i) => [t, i] as const).filter(([t]) => !/^\s+$/.test(t));
    if (!spots.length) continue;
    const [tok, i] = pick(r, spots);
    if (op === 3) toks[i] = pick(r, LITERALS);
    else if (op === 4) {
      const idents = spots.map(([t]) => t).filter((t) => /^[A-Za-z_]\w*$/.test(t));
      toks[i] = r() < 0.7 && idents.length ? pick(r, idents) : pick(r, NAMES);
    } else if (op === 5) {
      const ops = spots.filter(([t]) => OPS.includes(t) || AUG.includes(t));
      if (ops.length) { const [o, oi] = pick(r, ops); toks[oi] = AUG.includes(o) ? pick(r, AUG) : pick(r, OPS); }
    } else if (op === 6) toks.splice(i, 1);
    else if (op === 7) toks.splice(i, 0, pick(r, spots)[0]);
    else if (op === 8) { const [, j] = pick(r, spots); [toks[i], toks[j]] = [toks[j]!, toks[i]!]; }
    else toks[i] = /^[\d'"]/.test(tok) ? pick(r, LITERALS) : tok;
    s = toks.join('');
  }
  return s;
}

const FUNCS = ['len', 'str', 'int', 'float', 'bool', 'list', 'tuple', 'dict', 'set', 'sorted', 'reversed', 'min', 'max',
  'sum', 'abs', 'round', 'enumerate', 'zip', 'range', 'repr', 'print', 'any', 'all', 'type', 'isinstance', 'map', 'filter',
  'f', 'g', 'divmod', 'pow', 'chr', 'ord', 'hash', 'iter', 'next', 'getattr', 'hasattr', 'callable', 'format'];
const NP = ['array', 'zeros', 'ones', 'arange', 'reshape', 'sum', 'mean', 'argmax', 'concatenate', 'stack', 'squeeze',
  'expand_dims', 'sqrt', 'exp', 'log', 'transpose', 'linspace', 'random.rand', 'random.choice', 'zeros_like', 'max', 'abs',
  'random.shuffle', 'asarray', 'tanh', 'float32', 'int64'];
const TF = ['constant', 'reduce_sum', 'reduce_mean', 'matmul', 'add', 'reshape', 'cast', 'placeholder', 'Variable',
  'argmax', 'one_hot', 'concat', 'zeros', 'ones', 'nn.softmax', 'nn.relu', 'sigmoid', 'square', 'equal', 'transpose',
  'get_variable', 'random_normal', 'stack', 'squeeze', 'expand_dims', 'shape', 'tile', 'gather', 'Session', 'name_scope'];
const VARS = ['a', 'b', 's', 'xs', 't', 'd', 'st', 'arr', 'ia', 'T', 'P', 'x', 'y'];

/** A random expression of depth at most `depth` over the prelude's names. */
function expr(r: Rng, depth: number): string {
  if (depth <= 0 || r() < 0.25) return r() < 0.5 ? pick(r, VARS) : pick(r, LITERALS);
  const e = (): string => expr(r, depth - 1);
  const items = (): string[] => Array.from({ length: int(r, 3) }, e);
  const args = (): string => [...items(), ...(r() < 0.15 ? [`${pick(r, ['axis', 'dtype', 'key', 'name', 'sep'])}=${e()}`] : [])].join(', ');
  switch (int(r, 16)) {
    case 0: case 1: return `(${e()} ${pick(r, OPS)} ${e()})`;
    case 2: return `(${pick(r, ['-', 'not ', '~', '+'])}${e()})`;
    case 3: case 4: return `${pick(r, FUNCS)}(${args()})`;
    case 5: return `(${e()}).${pick(r, METHODS)}(${args()})`;
    case 6: return `(${e()}).${pick(r, ATTRS)}`;
    case 7: return `(${e()})[${pick(r, [e(), `${e()}:${e()}`, `::${e()}`, `${e()}, ${e()}`, ':, -1', '...', `:, [${e()}]`])}]`;
    case 8: return pick(r, [`[${items().join(', ')}]`, `(${[...items(), ''].join(', ')})`, `{${e()}: ${e()}}`, `{${e()}}`]);
    case 9: return `[${e()} for x in ${e()}${r() < 0.3 ? ` if ${e()}` : ''}]`;
    case 10: return `(lambda x, y=${e()}: ${e()})`;
    case 11: return `(${e()} if ${e()} else ${e()})`;
    case 12: return pick(r, [`f'{${pick(r, VARS)}}'`, `f'{${pick(r, VARS)}:.2f}'`, `'%s %d' % (${e()}, ${e()})`, `'{:>3}'.format(${e()})`]);
    case 13: return `np.${pick(r, NP)}(${args()})`;
    case 14: return `tf.${pick(r, TF)}(${args()})`;
    default: return `sess.run(${e()}, feed_dict={P: ${e()}})`;
  }
}

/** Random statements (indented by `ind`), using the prelude's names plus x, y and a session. */
function stmts(r: Rng, ind: string, depth: number, n: number): string {
  let out = '';
  for (let k = 0; k < n; k++) {
    const e = (): string => expr(r, 3);
    const body = (): string => stmts(r, ind + '    ', depth - 1, 1 + int(r, 3));
    const kind = depth <= 0 ? int(r, 5) : int(r, 12);
    if (kind === 0) out += `${ind}print(${e()})\n`;
    else if (kind === 1) out += `${ind}${pick(r, VARS)} = ${e()}\n`;
    else if (kind === 2) out += `${ind}${pick(r, VARS)} ${pick(r, AUG)} ${e()}\n`;
    else if (kind === 3) out += `${ind}${pick(r, VARS)}[${e()}] = ${e()}\n`;
    else if (kind === 4) out += `${ind}${pick(r, [`x, y = ${e()}`, `x, *y = ${e()}`, `del ${pick(r, VARS)}[${e()}]`, `del ${pick(r, VARS)}`, `assert ${e()}, ${e()}`, e(), `x.y = ${e()}`])}\n`;
    else if (kind === 5) out += `${ind}if ${e()}:\n${body()}${r() < 0.5 ? `${ind}else:\n${body()}` : ''}`;
    else if (kind === 6) out += `${ind}for x in ${e()}:\n${body()}${ind}    ${pick(r, ['break', 'continue', 'pass'])}\n`;
    else if (kind === 7) out += `${ind}y = 0\n${ind}while y < ${e()}:\n${ind}    y += 1\n${body()}`;
    else if (kind === 8) out += `${ind}def h(x, *a, **k):\n${body()}${ind}    return ${e()}\n${ind}print(h(${e()}))\n`;
    else if (kind === 9) out += `${ind}with tf.Session() as sess:\n${ind}    sess.run(tf.global_variables_initializer())\n${body()}`;
    else if (kind === 10) out += `${ind}with ${pick(r, ["tf.variable_scope('v')", "tf.name_scope('n')", 'tf.Graph().as_default()', e()])}:\n${body()}`;
    else out += `${ind}${pick(r, ['global a', 'x = [y for y in xs]', 'import math', 'from numpy import array', 'sess = tf.Session()', 'pass'])}\n`;
  }
  return out;
}

/** The error's position lies inside the source (a column may point just past the end of its line). */
function inside(src: string, line: number, col: number): boolean {
  const lines = src.split(/\r\n|\r|\n/);
  return Number.isInteger(line) && Number.isInteger(col) && line >= 1 && line <= lines.length
    && col >= 1 && col <= lines[line - 1]!.length + 1;
}

/** JavaScript leaking into a Python error: engine messages, stacks, host type names, unprintable values. */
const INTERNAL = /Cannot (read|set|convert|mix|access)|is not a (function|constructor)|\bundefined\b|\[object |Symbol\(|\bat \S+ \(|Invalid (array|string) length|Maximum call stack|BigInt|bigint|Unexpected token|Reflect|prototype|\.ts:\d/;
/**
 * Known library (src/) messages that print a JS value where the Python value belongs; to be fixed in src, then removed:
 * src/graph/shape.ts (String(d) of a dimension, JSON.stringify of a function) and the fetch flattening (a dict with
 * non-str keys arrives as a Map).
 */
const KNOWN_SRC = /(?!)/; // library messages that may show JS text: none left
const PY_KIND = /^[A-Z][A-Za-z]*(Error|Exception|Warning|Iteration|Exit|Interrupt)$/;

/** Why a result is not a clean end, or null. */
function problem(src: string, r: RunResult): string | null {
  if (r.ok) return null;
  const e = r.error;
  if (!(e instanceof TfpyError)) return `no TfpyError: ${String(e)}`;
  if (e.kind === 'InternalError') return `internal: ${e.message}`;
  // Library errors without a Python class (a tfjs kernel's message) are positioned, and allowed.
  if ((!PY_KIND.test(e.kind) && e.kind !== 'Error') || ['RangeError', 'ReferenceError', 'EvalError', 'URIError'].includes(e.kind)) return `kind ${e.kind}: ${e.message}`;
  // The parser's syntax errors read as CPython's caret lines do, without the class name.
  if (!e.message.startsWith(e.kind) && e.kind !== 'SyntaxError' && e.kind !== 'Error') return `message without its kind ${e.kind}: ${e.message}`;
  if (INTERNAL.test(e.message) && !KNOWN_SRC.test(e.message)) return `JS text: ${e.message}`;
  if (e.loc && !inside(src, e.loc.line, e.loc.col)) return `outside ${e.loc.line}:${e.loc.col}: ${e.message}`;
  if (!r.message?.startsWith('fuzz.tfpy:')) return `message ${r.message}`;
  return null;
}

const dataIds = (): number => findBackend('cpu').numDataIds();
const opCount = (): number => tf.get_default_graph().get_operations().length;

test('mutated and generated programs end with a result or a positioned Python error', () => {
  const n = Number(process.env.FUZZ_N ?? 2500);
  const r = rng(Number(process.env.FUZZ_SEED ?? 20240612));
  const report = process.env.FUZZ_REPORT === '1';
  const dir = mkdtempSync(join(tmpdir(), 'tfpy-fuzz-'));
  const all = seeds();
  const started = Date.now();
  const counts = { ok: 0, error: 0, steps: 0 };
  const kinds = new Map<string, number>();
  const failures: string[] = [];
  let slowest = [0, ''] as [number, string];
  const ids0 = dataIds();
  try {
    for (let k = 0; k < n; k++) {
      const src = k % 3 === 2 ? PRELUDE + stmts(r, '', 2, 2 + int(r, 5)) : mutate(pick(r, all), r);
      const t0 = Date.now();
      let res: RunResult;
      try {
        res = runProgram(src, 'fuzz.tfpy', { stdout: () => {}, maxSteps: 20_000, backend: 'cpu', cwd: dir, plotsDir: join(dir, 'plots') });
      } catch (e) {
        res = { ok: false, exitCode: 1, message: `escaped: ${(e as Error)?.stack ?? String(e)}` };
      }
      const ms = Date.now() - t0;
      if (ms > slowest[0]) slowest = [ms, src];
      if (res.ok) counts.ok++;
      else if (res.error?.kind === 'RuntimeError' && /step limit/.test(res.error.message)) counts.steps++;
      else counts.error++;
      if (res.error) kinds.set(res.error.kind, (kinds.get(res.error.kind) ?? 0) + 1);
      const why = problem(src, res) ?? (ms > 5000 ? `took ${ms} ms` : null);
      if (why) {
        const msg = `case ${k}: ${why}\n--- source ---\n${src}\n--- message ---\n${res.message}`;
        if (!report) assert.unreachable(msg);
        failures.push(msg);
      }
      // Each program starts from an empty default graph: nothing piles up across programs.
      if (k % 100 === 99) {
        runProgram('import tensorflow as tf\n', 'reset.tfpy', { stdout: () => {} });
        assert.is(opCount(), 0, `the default graph kept ${opCount()} ops after case ${k}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (report) {
    console.log(failures.join('\n=======\n'));
    console.log(failures.length, 'failures', counts, [...kinds].sort((x, y) => y[1] - x[1]), `${Date.now() - started} ms`, `slowest ${slowest[0]} ms`);
  }
  assert.is(failures.length, 0);
  assert.ok(counts.ok > n / 20 && counts.error > n / 4, JSON.stringify(counts));
  // Every session a program opened is closed when it ends: no tfjs buffers survive the programs.
  assert.is(dataIds(), ids0, 'tfjs buffers leaked across programs');
});

test.run();
