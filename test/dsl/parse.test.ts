// The .tfpy parser: each construct's AST (as a compact printout), Python's precedence table, and node positions.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from '../../dsl/parse.ts';
import type { Expr, Stmt } from '../../dsl/ast.ts';
import { expr, stmt } from './ast_print.ts';

const show = (src: string) => parse(src, 't.tfpy').body.map((s) => stmt(s)).join('');
const e = (src: string) => {
  const [s] = parse(src, 't.tfpy').body;
  if (s?.kind !== 'Expr') throw new Error(`not an expression: ${src}`);
  return expr(s.value);
};
const cases = (name: string, table: [string, string][], f: (src: string) => string) =>
  test(name, () => {
    for (const [src, want] of table) {
      let got: string;
      try { got = f(src); } catch (err) { throw new Error(`${JSON.stringify(src)}: ${(err as Error).message}`); }
      assert.is(got, want, src);
    }
  });

cases('atoms: names, numbers, constants, strings', [
  ['x', 'x'], ['ünïcode_1', 'ünïcode_1'], ['42', '42'], ['0x1F', '31'], ['0o17', '15'], ['0b101', '5'], ['1_000_000', '1000000'],
  ['1.', '1.0'], ['.5', '0.5'], ['1e-3', '0.001'], ['1.5E+2', '150.0'], ['1_0.2_5', '10.25'], ['0', '0'], ['00', '0'],
  ['True', 'True'], ['False', 'False'], ['None', 'None'], ['...', '...'],
  ["'a'", '"a"'], ['"b"', '"b"'], ["'''x\ny'''", '"x\\ny"'], ['"""q"""', '"q"'], ["r'a\\nb'", '"a\\\\nb"'],
  ["b'bytes'", '"bytes"'], ["'a\\tb\\x41\\u00e9\\101\\\\\\''", '"a\\tbAéA\\\\\'"'], ["'a' \"b\" '''c'''", '"abc"'],
  ["'\\q'", '"\\\\q"'], ["'a\\\nb'", '"ab"'], ['R"\\d+"', '"\\\\d+"'],
], e);

cases('f-strings: fields, conversions, nested specs, escapes, concatenation', [
  ["f'{x}'", 'f"{x}"'], ["f'a{x + 1}b'", 'f"a{(x + 1)}b"'], ["f'{x!r:{width}.3f}'", 'f"{x!r:{width}.3f}"'],
  ["f'{{lit}} {y:>10}'", 'f"{lit} {y:>10}"'], ["'p' f'{a}' 'q'", 'f"p{a}q"'], ["f'{d[\"k\"]}'", 'f"{d[\\"k\\"]}"'],
  ["F'{a, b}'", 'f"{(a, b)}"'], ["rf'\\d{x}'", 'f"\\\\d{x}"'], ["f'{x!s}'", 'f"{x!s}"'], ["f'{a != b}'", 'f"{(a != b)}"'],
  ["f'{f\"{x}\"}'", 'f"{f\\"{x}\\"}"'], ["f'{ {1: 2}[1] }'", 'f"{{1: 2}[1]}"'],
], e);

cases('containers, comprehensions, trailing commas', [
  ['()', '()'], ['(x)', 'x'], ['(x,)', '(x,)'], ['x,', '(x,)'], ['1, 2', '(1, 2)'], ['[]', '[]'], ['[1, 2,]', '[1, 2]'],
  ['{}', '{}'], ['{1: 2, **d,}', '{1: 2, **d}'], ['{1, 2}', '{1, 2}'], ['{*a, 1}', '{*a, 1}'], ['[*a, *b]', '[*a, *b]'],
  ['[x for x in y]', '[x for x in y]'], ['[x*y for x in a if x if x > 1 for y in b]', '[(x * y) for x in a if x if (x > 1) for y in b]'],
  ['{k: v for k, v in d.items()}', '{k: v for (k, v) in d.items()}'], ['{x for x in s}', '{x for x in s}'],
  ['(x for x in s)', 'gen(x for x in s)'], ['sum(x for x in s)', 'sum(gen(x for x in s))'],
  ['[c for c, in pairs]', '[c for (c,) in pairs]'], ['[(a, b) for a in x for b in y]', '[(a, b) for a in x for b in y]'],
  ['[x if x else y for x in z]', '[(x if x else y) for x in z]'],
], e);

cases('calls, attributes, subscripts and slices', [
  ['f()', 'f()'], ['f(a, b,)', 'f(a, b)'], ['f(*a, k=1, **kw)', 'f(*a, k=1, **kw)'], ['f(a)(b).c[d]', 'f(a)(b).c[d]'],
  ['f(k=1, *a)', 'f(*a, k=1)'], ['tf.nn.relu(x)', 'tf.nn.relu(x)'], ['x[:, -1]', 'x[(:, (-1))]'], ['xy[::-1]', 'xy[::(-1)]'],
  ['x[1:2, ..., None]', 'x[(1:2, ..., None)]'], ['a[i*n:(i+1)*n]', 'a[(i * n):((i + 1) * n)]'], ['x[:]', 'x[:]'],
  ['x[::]', 'x[:]'], ['x[a:]', 'x[a:]'], ['x[:b]', 'x[:b]'], ['x[::2]', 'x[::2]'], ['xy[:, [-1]]', 'xy[(:, [(-1)])]'],
  ['x[1,]', 'x[(1,)]'], ['x[a, b]', 'x[(a, b)]'], ['f(x for x in y)', 'f(gen(x for x in y))'],
], e);

cases('precedence and associativity', [
  ['-2**2', '(-(2 ** 2))'], ['2**-1', '(2 ** (-1))'], ['2**3**2', '(2 ** (3 ** 2))'], ['a - b - c', '((a - b) - c)'],
  ['a + b * c', '(a + (b * c))'], ['a * b // c % d @ e', '((((a * b) // c) % d) @ e)'], ['a / b * c', '((a / b) * c)'],
  ['-a * b', '((-a) * b)'], ['~a + b', '((~a) + b)'], ['+a', '(+a)'], ['- - a', '(-(-a))'],
  ['a << b + c', '(a << (b + c))'], ['a & b << c', '(a & (b << c))'], ['a ^ b & c', '(a ^ (b & c))'],
  ['a | b ^ c', '(a | (b ^ c))'], ['a < b | c', '(a < (b | c))'], ['a < b <= c != d', '(a < b <= c != d)'],
  ['a in b', '(a in b)'], ['a not in b', '(a not in b)'], ['a is b', '(a is b)'], ['a is not b', '(a is not b)'],
  ['not a == b', '(not (a == b))'], ['not a and b', '((not a) and b)'], ['a and b or c and d', '((a and b) or (c and d))'],
  ['a or b or c', '(a or b or c)'], ['a if b else c if d else e', '(a if b else (c if d else e))'],
  ['a or b if c else d', '((a or b) if c else d)'], ['lambda x: x if y else z', '(lambda x: (x if y else z))'],
  ['lambda: 0', '(lambda : 0)'], ['lambda a, *b, c=1, **d: a', '(lambda a, *b, kw:c=1, **d: a)'],
  ['a.b ** -c.d', '(a.b ** (-c.d))'], ['-x[0]', '(-x[0])'], ['not not a', '(not (not a))'], ['a == b == c', '(a == b == c)'],
  ['a > b >= c', '(a > b >= c)'], ['a <= b', '(a <= b)'],
], e);

cases('simple statements', [
  ['a = b = 1', 'a = b = 1\n'], ['x, y = f()', '(x, y) = f()\n'], ['(a, b), c = t', '((a, b), c) = t\n'],
  ['a, *b = c', '(a, *b) = c\n'], ['[a, b] = c', '[a, b] = c\n'], ['x.y[0] = 1', 'x.y[0] = 1\n'], ['x = 1, 2', 'x = (1, 2)\n'],
  ['x += 1', 'x += 1\n'], ['x.a -= 1', 'x.a -= 1\n'], ['x[0] *= 2', 'x[0] *= 2\n'], ['x /= 2', 'x /= 2\n'],
  ['x //= 2', 'x //= 2\n'], ['x %= 2', 'x %= 2\n'], ['x **= 2', 'x **= 2\n'], ['x @= w', 'x @= w\n'], ['x &= 1', 'x &= 1\n'],
  ['x |= 1', 'x |= 1\n'], ['x ^= 1', 'x ^= 1\n'], ['x >>= 1', 'x >>= 1\n'], ['x <<= 1', 'x <<= 1\n'],
  ['x: int = 5', 'x = 5\n'], ['x: int', 'pass\n'], ['pass', 'pass\n'], ['a = 1; b = 2;', 'a = 1\nb = 2\n'],
  ['assert x', 'assert x\n'], ['assert x, "m"', 'assert x, "m"\n'], ['global a, b', 'global a, b\n'],
  ['nonlocal q', 'nonlocal q\n'], ['del a, b[0], c.d', 'del a, b[0], c.d\n'], ['del (a, b)', 'del a, b\n'],
  ['import a.b as c, d', 'import a.b as c, d\n'], ['from a.b import x as y, z', 'from a.b import x as y, z\n'],
  ['from a import (x, y,)', 'from a import x, y\n'], ['from m import *', 'from m import *\n'],
  ['from . import m', 'from . import m\n'], ['from ..p import q', 'from ..p import q\n'],
  ['from __future__ import print_function', 'from __future__ import print_function\n'],
  ['print(1, end="")', 'print(1, end="")\n'], ['f(x)\n\n\n# c\ng(y)  # t', 'f(x)\ng(y)\n'], ['x = \\\n  1', 'x = 1\n'],
  ['x = (1 +\n  2)', 'x = (1 + 2)\n'], ['return', 'return\n'], ['return 1, 2', 'return (1, 2)\n'], ['match = 1', 'match = 1\n'],
  ['match(x)', 'match(x)\n'], ['print', 'print\n'], ['', ''], ['\n\n', ''], ['# only a comment', ''],
], show);

cases('compound statements', [
  ['if x: y = 1', 'if x:\n  y = 1\n'], ['if a:\n  b\nelif c:\n  d\nelse:\n  e', 'if a:\n  b\nelse:\n  if c:\n    d\n  else:\n    e\n'],
  ['for i in range(3):\n    pass\nelse:\n    done()', 'for i in range(3):\n  pass\nelse:\n  done()\n'],
  ['for k, v in d.items(): pass', 'for (k, v) in d.items():\n  pass\n'], ['for x in 1, 2: pass', 'for x in (1, 2):\n  pass\n'],
  ['while x:\n  break\nelse:\n  continue', 'while x:\n  break\nelse:\n  continue\n'],
  ['def f(a, b=1, *args, c, d=2, **kw):\n  return a', 'def f(a, b=1, *args, kw:c, kw:d=2, **kw):\n  return a\n'],
  ['def f(x: int, *, y: str = "s") -> List[int]:\n  pass', 'def f(x, kw:y="s"):\n  pass\n'], ['def f(): return', 'def f():\n  return\n'],
  ['def f(a, /, b): pass', 'def f(a, b):\n  pass\n'],
  ['with tf.Session() as sess:\n  sess.run(x)', 'with tf.Session() as sess:\n  sess.run(x)\n'],
  ['with a as (x, y), b, c as d.e: pass', 'with a as (x, y), b, c as d.e:\n  pass\n'],
  ['if a:\n  if b:\n    c\n  d\ne', 'if a:\n  if b:\n    c\n  d\ne\n'], ['if a:\n\tb\n\tc', 'if a:\n  b\n  c\n'],
  ['if a:\n  x = [1,\n2]\n  y', 'if a:\n  x = [1, 2]\n  y\n'], ['if a:\n  b\n  # c\n\n      # d\n  e', 'if a:\n  b\n  e\n'],
  ['%matplotlib inline\nimport numpy as np\n!pip install x\n  %time f()\nx = 1', 'import numpy as np\nx = 1\n'],
  ['s = ("%d"\n% 3)', 's = ("%d" % 3)\n'], ['if x:\n    y = """a\nb"""\n    z', 'if x:\n  y = "a\\nb"\n  z\n'],
], show);

test('positions: 1-based line and column of each node', () => {
  const m = parse('x = 1\nif a:\n    y = f(b, k=2)[1:3]\n', 't.tfpy');
  const body = m.body as Stmt[];
  assert.equal(body[0]!.loc, { line: 1, col: 1 });
  const iff = body[1] as Extract<Stmt, { kind: 'If' }>;
  assert.equal(iff.loc, { line: 2, col: 1 });
  const asg = iff.body[0] as Extract<Stmt, { kind: 'Assign' }>;
  assert.equal(asg.loc, { line: 3, col: 5 });
  const sub = asg.value as Extract<Expr, { kind: 'Subscript' }>;
  const call = sub.value as Extract<Expr, { kind: 'Call' }>;
  assert.equal(call.args[0]!.loc, { line: 3, col: 11 });
  assert.equal(call.keywords[0]!.loc, { line: 3, col: 14 });
  assert.equal(sub.index.loc, { line: 3, col: 19 });
  assert.is(m.file, 't.tfpy');
});

test('positions: f-string fields point into the file', () => {
  const s = parse('y = 1\nx = f"ab{c + d!r}"\n', 't.tfpy').body[1];
  const fs = (s as Extract<Stmt, { kind: 'Assign' }>).value as Extract<Expr, { kind: 'FString' }>;
  const part = fs.parts[1]!;
  assert.is(part.kind, 'expr');
  if (part.kind === 'expr') assert.equal(part.value.loc, { line: 2, col: 10 });
});

test('the issue\'s hihello program parses', () => {
  const src = `import tensorflow as tf
import numpy as np
tf.set_random_seed(777)

idx2char = ['h', 'i', 'e', 'l', 'o']
x_one_hot = [[[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0],
              [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 0]]]
X = tf.placeholder(tf.float32, [None, 6, 5])
outputs, _states = tf.nn.dynamic_rnn(cell, X, initial_state=cell.zero_state(1, tf.float32), dtype=tf.float32)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(2000):
        l, _ = sess.run([loss, train], feed_dict={X: x_one_hot, Y: y_data})
        if i % 200 == 0:
            result_str = [idx2char[c] for c in np.squeeze(result)]
            print(i, "loss:", l, "prediction:", ''.join(result_str))
`;
  const m = parse(src, 'hihello.tfpy');
  assert.is(m.body.length, 8);
  assert.is(m.body[7]!.kind, 'With');
});

test.run();
