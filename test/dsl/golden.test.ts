// Golden .tfpy programs: `# expect: line` comments give stdout lines in order, `# expect error: fragment` the error.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram } from '../../dsl/run.ts';

const DIR = join(import.meta.dirname, 'golden');

/** `{{*}}` in an expected line matches anything (loss values and other run-dependent text). */
function matches(expected: string, actual: string): boolean {
  const re = new RegExp('^' + expected.split('{{*}}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(actual);
}

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.tfpy')).sort()) {
  test(`golden ${name}`, () => {
    const source = readFileSync(join(DIR, name), 'utf8');
    const expected: string[] = [];
    const errors: string[] = [];
    let subsequence = false;
    for (const line of source.split('\n')) {
      const m = /#\s*expect:\s?(.*)$/.exec(line);
      if (m) expected.push(m[1]);
      const e = /#\s*expect error:\s*(.*)$/.exec(line);
      if (e) errors.push(e[1].trim());
      if (/#\s*expect-mode:\s*subsequence/.test(line)) subsequence = true;
    }
    let out = '';
    const r = runProgram(source, name, { stdout: (s) => { out += s; }, backend: 'cpu' });
    const lines = out.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (errors.length) {
      assert.ok(!r.ok, `${name}: expected an error, program succeeded`);
      for (const frag of errors) assert.ok(r.message!.includes(frag), `${name}: error\n${r.message}\ndoes not contain\n${frag}`);
      assert.not.match(r.message!, /\n\s+at .*\(.*:\d+:\d+\)/, 'no JS stack trace');
    } else {
      assert.ok(r.ok, `${name}: ${r.message}`);
    }
    if (subsequence) {
      let k = 0;
      for (const l of lines) if (k < expected.length && matches(expected[k], l)) k++;
      assert.is(k, expected.length, `${name}: expected line not found in order: ${expected[k]}\n--- output:\n${out}`);
    } else {
      assert.is(lines.length, expected.length, `${name}: line count\n--- output:\n${out}`);
      expected.forEach((e, i) => assert.ok(matches(e, lines[i]), `${name}: line ${i + 1}: expected\n${e}\ngot\n${lines[i]}`));
    }
  });
}

test.run();
