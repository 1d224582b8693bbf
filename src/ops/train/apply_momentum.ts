// ApplyMomentum: accum ← momentum·accum + grad; var ← var − lr·accum (Nesterov: var ← var − lr·grad − lr·momentum·accum).
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 1500;

/** Inputs: var, accum, lr, grad, momentum (TF's order: the gradient is input 3). */
export const ApplyMomentum = defineApply('ApplyMomentum', 2, (m, [, , lr, grad, momentum], ctx) => {
  const accum = m.add(m.mul(momentum, m.read(1)), grad);
  const step = ctx.attrs.use_nesterov
    ? m.add(m.mul(lr, grad), m.mul(m.mul(lr, momentum), accum))
    : m.mul(lr, accum);
  const w = m.sub(m.read(0), step);
  m.store(1, accum);
  m.store(0, w);
  return w;
}, 3, ({ refs: [w, a], out: [nw, na], grad, scalar, attrs }) => {
  const F = Math.fround;
  const lr = scalar(2);
  const mu = scalar(4);
  const lrMu = F(lr * mu);
  const nesterov = !!attrs.use_nesterov;
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const acc = F(F(mu * a[i]) + g);
    na[i] = acc;
    nw[i] = F(w[i] - (nesterov ? F(F(lr * g) + F(lrMu * acc)) : F(lr * acc)));
  }
}, WASM_MAX);
