// `tfgraph graph prog.tfpy --out g.dot|svg [--optimized]`: pictures the graph of the first tensor-fetching run.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tfgraph-cli-'));
const prog = join(dir, 'prog.tfpy');
writeFileSync(prog, `import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 2], name='x')
with tf.variable_scope('layer'):
    W = tf.get_variable('W', [2, 2])
y = tf.reduce_sum(tf.matmul(x, W) * 1.0)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(y, feed_dict={x: [[1, 2]]}))
    print('not reached')
`);

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(process.cwd(), 'bin/tfgraph.js'), ...args], { encoding: 'utf8', cwd: dir });
}

test('draws the built graph with name scopes as clusters, stopping at the first tensor fetch', () => {
  const out = join(dir, 'g.dot');
  const r = cli('graph', prog, '--out', out);
  assert.is(r.status, 0, r.stderr);
  assert.not.match(r.stdout, 'not reached');
  const dot = readFileSync(out, 'utf8');
  assert.match(dot, 'cluster');
  assert.match(dot, 'layer/W');
  assert.match(dot, 'MatMul');
});

test('--optimized draws the compiled plan (the multiplication by 1.0 is simplified away)', () => {
  const out = join(dir, 'g2.dot');
  const r = cli('graph', prog, '--out', out, '--optimized');
  assert.is(r.status, 0, r.stderr);
  const dot = readFileSync(out, 'utf8');
  assert.match(dot, 'MatMul');
  assert.not.match(dot, '"mul"');
});

test('--out is required', () => {
  const r = cli('graph', prog);
  assert.is(r.status, 2);
  assert.match(r.stderr, '--out FILE.svg|FILE.png|FILE.dot is required');
});

test.run();
