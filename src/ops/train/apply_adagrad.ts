// ApplyAdagrad: accum ← accum + grad²; var ← var − lr·grad/sqrt(accum) (no epsilon, as TF1).
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 2500;

export const ApplyAdagrad = defineApply('ApplyAdagrad', 2, (m, [, , lr, grad]) => {
  const accum = m.add(m.read(1), m.square(grad));
  const w = m.sub(m.read(0), m.div(m.mul(lr, grad), m.sqrt(accum)));
  m.store(1, accum);
  m.store(0, w);
  return w;
}, undefined, ({ refs: [w, a], out: [nw, na], grad, scalar }) => {
  const F = Math.fround;
  const lr = scalar(2);
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const acc = F(a[i] + F(g * g));
    na[i] = acc;
    nw[i] = F(w[i] - F(F(lr * g) / F(Math.sqrt(acc))));
  }
}, WASM_MAX);
