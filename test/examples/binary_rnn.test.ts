// examples/binary_rnn.ts in quick mode: the models learn the data's dependencies (theoretical losses 0.66 / 0.52 / 0.45).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../examples/binary_rnn.ts';

test('binary_rnn: unrolled, dynamic_rnn and the 10-step model learn; the last gets below 0.52 [wasm]', () => {
  const r = main(['--quick', '--quiet', '--no-plots', '--backend', 'wasm']);
  for (const [name, losses] of Object.entries({ unrolled: r.unrolled, dynamic: r.dynamic, unrolled_10_16: r.unrolled_10_16 })) {
    assert.ok(losses.length >= 2, `${name}: ${losses.length} averages`);
    assert.ok(losses.every((l) => Number.isFinite(l) && l > 0.4 && l < 0.75), `${name}: ${losses.join(', ')}`);
  }
  assert.ok(r.final.dynamic < 0.6, `dynamic_rnn final loss ${r.final.dynamic} learned something`);
  assert.ok(r.final.unrolled_10_16 < 0.52, `num_steps 10, state 16: final loss ${r.final.unrolled_10_16} should be below 0.52`);
});

test.run();
