// Differential test on the examples: every program trains the same with all compiler passes on and all off
// (losses of the first 20 steps within 1e-5 relative, on cpu and wasm).
import { test } from 'uvu';
import * as tf from '../../src/index.ts';
import { main as hihello } from '../../examples/hihello.ts';
import { main as mnist } from '../../examples/mnist_rnn.ts';
import { main as binary } from '../../examples/binary_rnn.ts';

function bothWays<T>(run: () => T): [T, T] {
  const on = run();
  tf.Session.defaults = { optimize: false };
  try {
    return [on, run()];
  } finally {
    tf.Session.defaults = {};
  }
}

function close(a: number[], b: number[], tol: number, what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} vs ${b.length} values`);
  a.forEach((x, i) => {
    if (!(Math.abs(x - b[i]) <= tol * Math.max(1, Math.abs(b[i])))) throw new Error(`${what} step ${i}: ${x} (optimized) vs ${b[i]} (unoptimized)`);
  });
}

for (const backend of ['cpu', 'wasm']) {
  test(`hihello: 20 training steps, passes on vs off [${backend}]`, () => {
    const [on, off] = bothWays(() => hihello(['--steps', '20', '--quiet', '--backend', backend]).losses);
    close(on, off, 1e-5, 'hihello loss');
  });

  test(`mnist_rnn (tf.scan, RMSProp): 20 steps, passes on vs off [${backend}]`, () => {
    const [on, off] = bothWays(() => mnist(['--quick', '--quiet', '--no-plots', '--epochs', '20', '--backend', backend]));
    close([on.loss, on.test_accuracy], [off.loss, off.test_accuracy], 1e-5, 'mnist loss/accuracy');
  });
}

test('binary_rnn (unrolled, dynamic_rnn, state carried through feeds): quick run, passes on vs off [wasm]', () => {
  const [on, off] = bothWays(() => binary(['--quick', '--quiet', '--no-plots', '--backend', 'wasm']));
  // 300 steps per model: float32 reassociation by fusion may drift slightly over a long trajectory.
  close(Object.values(on.final), Object.values(off.final), 1e-3, 'binary_rnn final losses');
});

test.run();
