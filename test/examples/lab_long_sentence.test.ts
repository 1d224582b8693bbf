// examples/rnn_lstm_lab.ts in quick mode: the stacked LSTM + softmax layer reconstructs the long sentence.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { longSentence } from '../../examples/rnn_lstm_lab.ts';
import { makePrint, parseArgs } from '../../examples/common.ts';

test('the long sentence is reconstructed with at most a few wrong characters', () => {
  const r = longSentence(parseArgs(['--quick', '--quiet', '--no-plots', '--backend', 'wasm']), makePrint(true));
  // the reconstruction predicts each next character: it should read sentence[1:]
  const expected = r.sentence.slice(1);
  assert.is(r.reconstructed.length, expected.length);
  const wrong = [...expected].filter((c, i) => r.reconstructed[i] !== c).length;
  assert.ok(wrong <= 5, `${wrong} wrong characters: ${r.reconstructed}`);
});

test.run();
