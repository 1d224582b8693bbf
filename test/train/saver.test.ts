// tf.train.Saver: round trips into a fresh graph, step suffixes, the `checkpoint` file, max_to_keep, restore errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh } from '../helpers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tfgraph-saver-'));
  dirs.push(d);
  return d;
}

/** The model: W (2x3), b (3), a non-trainable int64 global step, and Adam slots. */
function buildModel() {
  const W = tf.variable_scope('layer', () => tf.get_variable('W', [2, 3], { initializer: tf.random_normal_initializer({ seed: 3 }) }));
  const b = tf.variable_scope('layer', { reuse: tf.AUTO_REUSE }, () => tf.get_variable('b', [3], { initializer: tf.zeros_initializer() }));
  const step = tf.train.get_or_create_global_step();
  const loss = tf.reduce_sum(tf.square(tf.add(tf.matmul(tf.constant([[1, 2]]), W), b)));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss, { global_step: step });
  return { W, b, step, loss, train };
}

function withSession<T>(fn: (s: tf.Session) => T, backend = 'cpu'): T {
  const s = new tf.Session({ backend });
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

test('save/restore round trip into a fresh graph and session', () => {
  const dir = tempDir();
  let saved: unknown[] = [];
  let prefix = '';
  fresh(() => {
    const m = buildModel();
    const saver = new tf.train.Saver();
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      s.run(m.train);
      s.run(m.train);
      saved = s.run(tf.global_variables());
      prefix = saver.save(s, join(dir, 'model.ckpt'));
    });
  });
  assert.is(prefix, join(dir, 'model.ckpt'));
  assert.ok(existsSync(`${prefix}.index`));
  assert.ok(existsSync(`${prefix}.data-00000-of-00001`));
  fresh(() => {
    const m = buildModel();
    const names = tf.global_variables().map((v: tf.Variable) => v.op.name);
    for (const n of ['layer/W', 'layer/b', 'global_step', 'beta1_power', 'beta2_power', 'layer/W/Adam', 'layer/W/Adam_1']) {
      assert.ok(names.includes(n), `${n} in ${names.join(' ')}`);
    }
    const saver = new tf.train.Saver();
    for (const backend of ['cpu', 'wasm']) {
      withSession((s) => {
        // no initializer: restoring replaces initialisation
        saver.restore(s, prefix);
        const got = s.run(tf.global_variables());
        got.forEach((v: unknown, i: number) => assertClose(v, saved[i], 0, names[i]));
        assert.is(Number(s.run(m.step)), 2);
        // training continues from the restored state
        s.run(m.train);
        assert.is(Number(s.run(m.step)), 3);
      }, backend);
    }
  });
});

test('global_step suffix, the checkpoint file and latest_checkpoint', () => {
  const dir = tempDir();
  fresh(() => {
    const v = tf.Variable([1, 2], { name: 'v' });
    const step = tf.train.get_or_create_global_step();
    const inc = tf.assign_add(step, 1);
    const saver = new tf.train.Saver();
    assert.is(tf.train.latest_checkpoint(dir), null);
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      const p1 = saver.save(s, join(dir, 'm'), { global_step: 7 });
      assert.is(p1, join(dir, 'm-7'));
      s.run(inc);
      const p2 = saver.save(s, join(dir, 'm'), { global_step: step });
      assert.is(p2, join(dir, 'm-1'));
      const state = readFileSync(join(dir, 'checkpoint'), 'utf8');
      assert.match(state, /^model_checkpoint_path: "m-1"$/m);
      assert.match(state, /all_model_checkpoint_paths: "m-7"\nall_model_checkpoint_paths: "m-1"/);
      assert.is(tf.train.latest_checkpoint(dir), join(dir, 'm-1'));
      s.run(tf.assign(v, [5, 6]));
      saver.restore(s, tf.train.latest_checkpoint(dir));
      assertClose(s.run(v), [1, 2]);
      // a checkpoint file pointing at a deleted prefix gives null
      rmSync(join(dir, 'm-1.index'));
      assert.is(tf.train.latest_checkpoint(dir), null);
    });
  });
});

test('max_to_keep deletes the oldest checkpoints', () => {
  const dir = tempDir();
  fresh(() => {
    tf.Variable([1], { name: 'v' });
    const saver = new tf.train.Saver({ max_to_keep: 2 });
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      for (let i = 1; i <= 4; i++) saver.save(s, join(dir, 'ck'), { global_step: i });
    });
    const files = readdirSync(dir).sort();
    assert.equal(files.filter((f) => f.endsWith('.index')), ['ck-3.index', 'ck-4.index']);
    assert.ok(!files.some((f) => f.startsWith('ck-1') || f.startsWith('ck-2')), files.join(' '));
    const state = readFileSync(join(dir, 'checkpoint'), 'utf8');
    assert.not.match(state, /ck-1"|ck-2"/);
    assert.match(state, /all_model_checkpoint_paths: "ck-3"\nall_model_checkpoint_paths: "ck-4"/);
    assert.equal(saver.last_checkpoints, [join(dir, 'ck-3'), join(dir, 'ck-4')]);
  });
  // default 5
  const dir2 = tempDir();
  fresh(() => {
    tf.Variable([1], { name: 'v' });
    const saver = new tf.train.Saver();
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      for (let i = 1; i <= 7; i++) saver.save(s, join(dir2, 'ck'), { global_step: i });
    });
    assert.is(readdirSync(dir2).filter((f) => f.endsWith('.index')).length, 5);
    assert.ok(!existsSync(join(dir2, 'ck-2.index')));
  });
  // max_to_keep null keeps everything
  const dir3 = tempDir();
  fresh(() => {
    tf.Variable([1], { name: 'v' });
    const saver = new tf.train.Saver({ max_to_keep: null });
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      for (let i = 1; i <= 7; i++) saver.save(s, join(dir3, 'ck'), { global_step: i });
    });
    assert.is(readdirSync(dir3).filter((f) => f.endsWith('.index')).length, 7);
  });
});

test('restore errors leave every variable unchanged', () => {
  const dir = tempDir();
  let prefix = '';
  fresh(() => {
    tf.Variable([1, 2], { name: 'a' });
    tf.Variable([[1, 2, 3]], { name: 'b' });
    tf.Variable(3, { name: 'c', dtype: 'int32' });
    const saver = new tf.train.Saver();
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      prefix = saver.save(s, join(dir, 'x'));
    });
  });
  const check = (build: () => void, ...fragments: string[]) => fresh(() => {
    build();
    const saver = new tf.train.Saver();
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      const before = s.run(tf.global_variables());
      assertThrows(() => saver.restore(s, prefix), ...fragments);
      const after = s.run(tf.global_variables());
      after.forEach((v: unknown, i: number) => assertClose(v, before[i], 0));
    });
  });
  // missing variable (a key not in the checkpoint)
  check(() => {
    tf.Variable([10, 20], { name: 'a' });
    tf.Variable([[10, 20, 30]], { name: 'b' });
    tf.Variable(30, { name: 'c', dtype: 'int32' });
    tf.Variable([7], { name: 'd' });
  }, 'Key d not found');
  // shape mismatch names both shapes
  check(() => {
    tf.Variable([10, 20], { name: 'a' });
    tf.Variable([10, 20, 30], { name: 'b' });
    tf.Variable(30, { name: 'c', dtype: 'int32' });
  }, 'b', '[3]', '[1,3]');
  // dtype mismatch
  check(() => {
    tf.Variable([10, 20], { name: 'a' });
    tf.Variable([[10, 20, 30]], { name: 'b' });
    tf.Variable(30, { name: 'c', dtype: 'float32' });
  }, 'c', 'int32', 'float32');
  // variables not in var_list are untouched; a subset restores
  fresh(() => {
    const a = tf.Variable([10, 20], { name: 'a' });
    const d = tf.Variable([7], { name: 'd' });
    const saver = new tf.train.Saver({ var_list: [a] });
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      saver.restore(s, prefix);
      assertClose(s.run([a, d]), [[1, 2], [7]]);
    });
    // a dict renames: key 'a' restores into d2
    const d2 = tf.Variable([0, 0], { name: 'd2' });
    const saver2 = new tf.train.Saver({ var_list: { a: d2 } });
    withSession((s) => {
      s.run(tf.global_variables_initializer());
      saver2.restore(s, prefix);
      assertClose(s.run(d2), [1, 2]);
    });
  });
});

test('restore: null save_path and a missing prefix', () => {
  fresh(() => {
    tf.Variable([1], { name: 'v' });
    const saver = new tf.train.Saver();
    withSession((s) => {
      assertThrows(() => saver.restore(s, null), "Can't load save_path when it is None.");
      assertThrows(() => saver.restore(s, join(tempDir(), 'nothing')), 'not a valid checkpoint');
    });
  });
  fresh(() => {
    assertThrows(() => new tf.train.Saver(), 'No variables to save');
  });
});

test('a checkpoint saved in a child process restores here', () => {
  const dir = tempDir();
  const index = resolve(fileURLToPath(import.meta.url), '../../../src/index.ts');
  const script = join(dir, 'save.mts');
  writeFileSync(script, `
import * as tf from ${JSON.stringify(index)};
const w = tf.variable_scope('net', () => tf.get_variable('w', [2, 2], { initializer: tf.zeros_initializer() }));
const s = new tf.Session();
s.run(tf.global_variables_initializer());
s.run(tf.assign(w, [[1.5, -2], [3, 4.25]]));
const p = new tf.train.Saver().save(s, ${JSON.stringify(join(dir, 'child'))}, { global_step: 42 });
console.log('SAVED ' + p);
`);
  const tsx = resolve(fileURLToPath(import.meta.url), '../../../node_modules/.bin/tsx');
  const r = spawnSync(tsx, [script], { encoding: 'utf8', timeout: 60000 });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, `SAVED ${join(dir, 'child-42')}`);
  fresh(() => {
    const w = tf.variable_scope('net', () => tf.get_variable('w', [2, 2], { initializer: tf.zeros_initializer() }));
    const saver = new tf.train.Saver();
    withSession((s) => {
      saver.restore(s, tf.train.latest_checkpoint(dir));
      assertClose(s.run(w), [[1.5, -2], [3, 4.25]], 0);
    }, 'wasm');
  });
});

test.after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test.run();
