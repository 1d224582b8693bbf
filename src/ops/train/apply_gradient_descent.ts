// ApplyGradientDescent: var ← var − alpha·delta.
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 1000;

export const ApplyGradientDescent = defineApply('ApplyGradientDescent', 1, (m, [, alpha, delta]) => {
  const w = m.sub(m.read(0), m.mul(alpha, delta));
  m.store(0, w);
  return w;
}, undefined, ({ refs: [w], out: [nw], grad, scalar }) => {
  const F = Math.fround;
  const alpha = scalar(1);
  for (let i = 0; i < nw.length; i++) nw[i] = F(w[i] - F(alpha * grad[i]));
}, WASM_MAX);
