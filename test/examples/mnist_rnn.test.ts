// examples/mnist_rnn.ts in quick mode: the tf.scan RNN trained briefly on the mnist package's digits beats chance.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadDigits, main } from '../../examples/mnist_rnn.ts';

test('the mnist package gives 10,000 digits in [0, 1]', () => {
  const { images, labels } = loadDigits();
  assert.is(labels.length, 10000);
  assert.is(images.length, 10000 * 784);
  assert.ok(images.every((v) => v >= 0 && v <= 1));
  assert.equal([...new Set(labels)].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('mnist_rnn: test accuracy well above chance after a short run [wasm]', () => {
  const r = main(['--quick', '--quiet', '--backend', 'wasm']);
  // chance is 0.1; 400 quick steps give about 0.5 (the full run's 5000 steps: see the README)
  assert.ok(r.test_accuracy > 0.3, `test accuracy ${r.test_accuracy}`);
});

test.run();
