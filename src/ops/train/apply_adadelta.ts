// ApplyAdadelta: acc ← ρ·acc + (1−ρ)g²; upd = sqrt(acc_upd+ε)/sqrt(acc+ε)·g; acc_upd ← ρ·acc_upd + (1−ρ)upd²; var ← var − lr·upd.
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 2000;

/** Inputs: var, accum, accum_update, lr, rho, epsilon, grad. */
export const ApplyAdadelta = defineApply('ApplyAdadelta', 3, (a, [, , , lr, rho, epsilon, grad]) => {
  const d = a.scalar(Math.fround(1 - a.host(rho)));
  const acc = a.add(a.mul(rho, a.read(1)), a.mul(d, a.square(grad)));
  const upd = a.mul(a.div(a.sqrt(a.add(a.read(2), epsilon)), a.sqrt(a.add(acc, epsilon))), grad);
  const accUpd = a.add(a.mul(rho, a.read(2)), a.mul(d, a.square(upd)));
  const w = a.sub(a.read(0), a.mul(lr, upd));
  a.store(1, acc);
  a.store(2, accUpd);
  a.store(0, w);
  return w;
}, undefined, ({ refs: [w, acc, accUpd], out: [nw, nacc, nupd], grad, scalar }) => {
  const F = Math.fround;
  const [lr, rho, eps] = [3, 4, 5].map(scalar);
  const d = F(1 - rho);
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const ai = F(F(rho * acc[i]) + F(d * F(g * g)));
    const upd = F(F(F(Math.sqrt(F(accUpd[i] + eps))) / F(Math.sqrt(F(ai + eps)))) * g);
    nacc[i] = ai;
    nupd[i] = F(F(rho * accUpd[i]) + F(d * F(upd * upd)));
    nw[i] = F(w[i] - F(lr * upd));
  }
}, WASM_MAX);
