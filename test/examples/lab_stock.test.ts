// examples/rnn_lstm_lab_stock.ts in quick mode: the stock model on data-02-stock_daily.csv against a last-value predictor.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stock } from '../../examples/rnn_lstm_lab_stock.ts';
import { makePrint, parseArgs } from '../../examples/common.ts';

test('stock: 70/30 split of 7-day windows; test RMSE close to the naive last-value predictor\'s', () => {
  const r = stock(parseArgs(['--quick', '--quiet', '--no-plots', '--backend', 'wasm']), makePrint(true));
  assert.is(r.train_size, Math.floor((r.train_size + r.test_size) * 0.7));
  // the notebook's model, trained on the notebook's whole-series scaling, comes close to but does not beat the
  // last-value predictor (test prices lie above the training range): the check is that it gets within 25% of it
  assert.ok(r.rmse < 1.25 * r.naive_rmse, `test RMSE ${r.rmse} vs last-value ${r.naive_rmse}`);
});

test.run();
