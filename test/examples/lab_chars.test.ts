// examples/rnn_lstm_lab.ts in quick mode, the character models: the basics' shapes and sequence_loss values, hihello
// predicts "ihello", "if you want you" is learned.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { basics, hihello, ifYouWantYou } from '../../examples/rnn_lstm_lab.ts';
import { makePrint, parseArgs } from '../../examples/common.ts';

const opt = parseArgs(['--quick', '--quiet', '--no-plots', '--backend', 'wasm']);
const print = makePrint(true);

test('lab basics: output shapes, sequence_length zeroes, the slides\' sequence_loss values', () => {
  const r = basics(opt, print);
  assert.equal(r.outputs.map((o) => o.shape), [[1, 1, 2], [1, 5, 2], [3, 5, 2], [3, 5, 2]]);
  const dyn = r.outputs[3].toArray() as number[][][];
  assert.equal([dyn[1][3], dyn[1][4], dyn[2][4]], [[0, 0], [0, 0], [0, 0]]);
  const expected = [0.596759, 0.513015, 0.371101];
  r.losses.forEach((l, i) => assert.ok(Math.abs(l - expected[i]) < 1e-5, `loss ${i}: ${l} vs ${expected[i]}`));
});

test('hihello predicts "ihello"', () => {
  const r = hihello(opt, print);
  assert.is(r.prediction, 'ihello');
});

test('"if you want you" is learned', () => {
  const r = ifYouWantYou(opt, print);
  assert.is(r.prediction, 'if you want you');
});

test.run();
