// examples/rnn_scratch.ts in quick mode: the time-series model learns, and the model restored from its checkpoint
// into a new session predicts what it predicted before saving; its plots are valid SVG/PNG files.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { main } from '../../examples/rnn_scratch.ts';
import { tempOut } from '../../examples/common.ts';

test('rnn_scratch: trains, saves, restores into a new session and predicts one step ahead [wasm]', () => {
  const out = tempOut();
  try {
    const r = main(['--quick', '--quiet', '--backend', 'wasm', '--out', out]);
    assert.equal(r.y0_output_vals.shape, [3, 3]);
    assert.ok(existsSync(`${r.checkpoint}.index`), 'checkpoint written under the temp dir');
    assert.ok(r.mse.at(-1)! < r.mse[0], `MSE falls: ${r.mse.join(', ')}`);
    assert.is(r.y_pred.length, 30);
    r.y_pred.forEach((p, i) => assert.ok(Math.abs(p - r.y_pred_before_save[i]) < 1e-5, `restored prediction ${i}: ${p} vs ${r.y_pred_before_save[i]}`));
    assert.ok(r.rmse < 0.2, `one-step-ahead RMSE ${r.rmse}`);
    assert.is(r.plots.length, 6);
    for (const p of r.plots) {
      assert.ok(p.startsWith(out), `${p} is in the temp dir`);
      assert.ok(statSync(p).size > 5000, `${p} has a non-trivial size`);
      if (p.endsWith('.svg')) assert.ok(readFileSync(p, 'utf8').includes('<svg'), `${p} is SVG`);
      else assert.equal([...readFileSync(p).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${p} is PNG`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
