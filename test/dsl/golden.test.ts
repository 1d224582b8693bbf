// Golden .tfpy programs: `# expect: line` comments give stdout lines in order, `# expect error: fragment` the error.
// Also runs the notebook ports examples/*.tfpy in their quick configuration: `# quick: NAME=VALUE` replaces the
// first top-level assignment `NAME = ...`, `# quick: OLD => NEW` the first occurrence of the text OLD.
// `# expect~N: line` matches a line within N edits (a reconstructed sentence with a few wrong characters).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../dsl/run.ts';

const DIR = join(import.meta.dirname, 'golden');
const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

/**
 * `{{*}}` in an expected line matches anything (loss values and other run-dependent text); `{{<0.52}}` and
 * `{{>30}}` match a number below / above the bound.
 */
export function matches(expected: string, actual: string): boolean {
  const bounds: [string, number][] = [];
  const parts = expected.split(/(\{\{(?:\*|[<>]-?[\d.e+-]+)\}\})/);
  const re = new RegExp('^' + parts.map((p) => {
    if (p === '{{*}}') return '.*';
    const b = /^\{\{([<>])(.+)\}\}$/.exec(p);
    if (b) { bounds.push([b[1], Number(b[2])]); return '([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)'; }
    return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('') + '$');
  const m = re.exec(actual);
  if (!m) return false;
  return bounds.every(([op, v], i) => (op === '<' ? Number(m[i + 1]) < v : Number(m[i + 1]) > v));
}

/** Levenshtein distance. */
function edits(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

interface Expected { text: string; tolerance: number }
const lineMatches = (e: Expected, actual: string): boolean =>
  e.tolerance > 0 ? edits(e.text, actual) <= e.tolerance : matches(e.text, actual);

/** Applies the `# quick:` headers of a program (line numbers stay as they are). */
export function quickSource(source: string): string {
  let src = source;
  for (const line of source.split('\n')) {
    const q = /^#\s*quick:\s*(.*)$/.exec(line);
    if (!q) continue;
    const spec = q[1].trim();
    const arrow = spec.indexOf(' => ');
    if (arrow >= 0) {
      const [from, to] = [spec.slice(0, arrow), spec.slice(arrow + 4)];
      const lines = src.split('\n');
      const i = lines.findIndex((l) => !/^#\s*quick:/.test(l) && l.includes(from));
      if (i < 0) throw new Error(`# quick: text not found: ${from}`);
      lines[i] = lines[i].replace(from, () => to);
      src = lines.join('\n');
      continue;
    }
    const m = /^([A-Za-z_]\w*)\s*=\s*(.+)$/.exec(spec);
    if (!m) throw new Error(`bad # quick: line: ${line}`);
    const lines = src.split('\n');
    const i = lines.findIndex((l) => new RegExp(`^${m[1]}\\s*=[^=]`).test(l));
    if (i < 0) throw new Error(`# quick: no top-level assignment to ${m[1]}`);
    lines[i] = `${m[1]} = ${m[2]}`;
    src = lines.join('\n');
  }
  return src;
}

function check(name: string, source: string, run: (out: (s: string) => void) => ReturnType<typeof runProgram>): void {
  const expected: Expected[] = [];
  const errors: string[] = [];
  let subsequence = false;
  for (const line of source.split('\n')) {
    const m = /#\s*expect(?:~(\d+))?:\s?(.*)$/.exec(line);
    if (m) expected.push({ text: m[2], tolerance: Number(m[1] ?? 0) });
    const e = /#\s*expect error:\s*(.*)$/.exec(line);
    if (e) errors.push(e[1].trim());
    if (/#\s*expect-mode:\s*subsequence/.test(line)) subsequence = true;
  }
  let out = '';
  const r = run((s) => { out += s; });
  const lines = out.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (errors.length) {
    assert.ok(!r.ok, `${name}: expected an error, program succeeded`);
    for (const frag of errors) assert.ok(r.message!.includes(frag), `${name}: error\n${r.message}\ndoes not contain\n${frag}`);
    assert.not.match(r.message!, /\n\s+at .*\(.*:\d+:\d+\)/, 'no JS stack trace');
  } else {
    assert.ok(r.ok, `${name}: ${r.message}\n--- output:\n${out.slice(-3000)}`);
  }
  if (subsequence) {
    let k = 0;
    for (const l of lines) if (k < expected.length && lineMatches(expected[k], l)) k++;
    assert.is(k, expected.length, `${name}: expected line not found in order: ${expected[k]?.text}\n--- output:\n${out.slice(-6000)}`);
  } else {
    assert.is(lines.length, expected.length, `${name}: line count\n--- output:\n${out}`);
    expected.forEach((e, i) => assert.ok(lineMatches(e, lines[i]), `${name}: line ${i + 1}: expected\n${e.text}\ngot\n${lines[i]}`));
  }
}

test('golden helpers: {{<N}} bounds and # quick: substitution', () => {
  assert.ok(matches('loss {{<0.52}} ok', 'loss 0.4513 ok'));
  assert.not.ok(matches('loss {{<0.52}} ok', 'loss 0.6 ok'));
  assert.ok(matches('acc: {{>30}}', 'acc: 87.5'));
  assert.ok(matches('{{*}} x {{<1e-2}}', 'a b x 5e-3'));
  assert.ok(lineMatches({ text: 'if you want', tolerance: 2 }, 'gf you wamt'));
  assert.not.ok(lineMatches({ text: 'if you want', tolerance: 1 }, 'gf you wamt'));
  const src = '# quick: steps=3\n# quick: range(2000) => range(5)\nsteps = 100 # comment\nfor i in range(2000):\n    steps = 1\n';
  assert.is(quickSource(src), '# quick: steps=3\n# quick: range(2000) => range(5)\nsteps = 3\nfor i in range(5):\n    steps = 1\n');
});

test('an InteractiveSession left open is closed when its program ends (the next program resets the graph)', () => {
  const quiet = { stdout: () => {}, backend: 'cpu' };
  const first = runProgram('import tensorflow as tf\nsess = tf.InteractiveSession()\nx = tf.constant(1.0)\n', 'a.tfpy', quiet);
  assert.ok(first.ok, first.message);
  let out = '';
  const second = runProgram('import tensorflow as tf\nprint(tf.get_default_session())\nprint(len(tf.get_default_graph().get_operations()))\n', 'b.tfpy', { ...quiet, stdout: (s) => { out += s; } });
  assert.ok(second.ok, second.message);
  assert.is(out, 'None\n0\n');
});

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.tfpy')).sort()) {
  test(`golden ${name}`, () => {
    const source = readFileSync(join(DIR, name), 'utf8');
    check(name, source, (stdout) => runProgram(source, name, { stdout, backend: 'cpu' }));
  });
}

// The notebook ports, quick configuration, on the default backend, run from the repository root as the README's
// commands do (relative data paths), with their plots written to a scratch folder.
const plotsDir = mkdtempSync(join(tmpdir(), 'tfgraph-examples-'));
for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.tfpy')).sort()) {
  test(`example ${name} (quick)`, () => {
    const source = quickSource(readFileSync(join(EXAMPLES, name), 'utf8'));
    check(name, source, (stdout) => runProgram(source, `examples/${name}`, { stdout, cwd: ROOT, plotsDir }));
  });
}

test.run();
