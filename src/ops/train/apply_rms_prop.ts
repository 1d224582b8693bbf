// ApplyRMSProp and ApplyCenteredRMSProp: ms ← ms + (g²−ms)(1−ρ); mom ← μ·mom + lr·g/sqrt(ms [− mg²] + ε); var ← var − mom.
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 2000;

/** Inputs: var, ms, mom, lr, rho, momentum, epsilon, grad. */
export const ApplyRMSProp = defineApply('ApplyRMSProp', 3, (a, [, , , lr, rho, momentum, epsilon, grad]) => {
  const ms = a.add(a.read(1), a.mul(a.sub(a.square(grad), a.read(1)), a.scalar(Math.fround(1 - a.host(rho)))));
  const mom = a.add(a.mul(momentum, a.read(2)), a.div(a.mul(lr, grad), a.sqrt(a.add(ms, epsilon))));
  const w = a.sub(a.read(0), mom);
  a.store(1, ms);
  a.store(2, mom);
  a.store(0, w);
  return w;
}, undefined, ({ refs: [w, ms, mom], out: [nw, nms, nmom], grad, scalar }) => {
  const F = Math.fround;
  const [lr, rho, mu, eps] = [3, 4, 5, 6].map(scalar);
  const d = F(1 - rho);
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const msi = F(ms[i] + F(F(F(g * g) - ms[i]) * d));
    const momi = F(F(mu * mom[i]) + F(F(lr * g) / F(Math.sqrt(F(msi + eps)))));
    nms[i] = msi;
    nmom[i] = momi;
    nw[i] = F(w[i] - momi);
  }
}, WASM_MAX);

/** Inputs: var, mg, ms, mom, lr, rho, momentum, epsilon, grad (TF's order). */
export const ApplyCenteredRMSProp = defineApply('ApplyCenteredRMSProp', 4, (a, [, , , , lr, rho, momentum, epsilon, grad]) => {
  const decay = a.scalar(Math.fround(1 - a.host(rho)));
  const mg = a.add(a.read(1), a.mul(a.sub(grad, a.read(1)), decay));
  const ms = a.add(a.read(2), a.mul(a.sub(a.square(grad), a.read(2)), decay));
  const denom = a.sqrt(a.add(a.sub(ms, a.square(mg)), epsilon));
  const mom = a.add(a.mul(momentum, a.read(3)), a.div(a.mul(lr, grad), denom));
  const w = a.sub(a.read(0), mom);
  a.store(1, mg);
  a.store(2, ms);
  a.store(3, mom);
  a.store(0, w);
  return w;
}, undefined, ({ refs: [w, mg, ms, mom], out: [nw, nmg, nms, nmom], grad, scalar }) => {
  const F = Math.fround;
  const [lr, rho, mu, eps] = [4, 5, 6, 7].map(scalar);
  const d = F(1 - rho);
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const mgi = F(mg[i] + F(F(g - mg[i]) * d));
    const msi = F(ms[i] + F(F(F(g * g) - ms[i]) * d));
    const denom = F(Math.sqrt(F(F(msi - F(mgi * mgi)) + eps)));
    const momi = F(F(mu * mom[i]) + F(F(lr * g) / denom));
    nmg[i] = mgi;
    nms[i] = msi;
    nmom[i] = momi;
    nw[i] = F(w[i] - momi);
  }
}, WASM_MAX);
