// ApplyAdam: lr_t = lr·sqrt(1−β2^t)/(1−β1^t); m ← m + (g−m)(1−β1); v ← v + (g²−v)(1−β2); var ← var − lr_t·m/(sqrt(v)+ε).
import { defineApply } from './apply.ts';

/** Above this many elements tfjs-wasm's native kernels beat the JS loop (measured, bench notes). */
const WASM_MAX = 4000;

/** Inputs: var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad. */
export const ApplyAdam = defineApply('ApplyAdam', 3, (a, [, , , beta1Power, beta2Power, lr, beta1, beta2, epsilon, grad]) => {
  const F = Math.fround;
  const lrT = a.scalar(F(F(a.host(lr) * F(Math.sqrt(F(1 - a.host(beta2Power))))) / F(1 - a.host(beta1Power))));
  const m = a.add(a.read(1), a.mul(a.sub(grad, a.read(1)), a.scalar(F(1 - a.host(beta1)))));
  const v = a.add(a.read(2), a.mul(a.sub(a.square(grad), a.read(2)), a.scalar(F(1 - a.host(beta2)))));
  const w = a.sub(a.read(0), a.div(a.mul(lrT, m), a.add(a.sqrt(v), epsilon)));
  a.store(1, m);
  a.store(2, v);
  a.store(0, w);
  return w;
}, undefined, ({ refs: [w, m, v], out: [nw, nm, nv], grad, scalar }) => {
  const F = Math.fround;
  const [b1p, b2p, lr, b1, b2, eps] = [3, 4, 5, 6, 7, 8].map(scalar);
  const lrT = F(F(lr * F(Math.sqrt(F(1 - b2p)))) / F(1 - b1p));
  const d1 = F(1 - b1);
  const d2 = F(1 - b2);
  for (let i = 0; i < nw.length; i++) {
    const g = grad[i];
    const mi = F(m[i] + F(F(g - m[i]) * d1));
    const vi = F(v[i] + F(F(F(g * g) - v[i]) * d2));
    nm[i] = mi;
    nv[i] = vi;
    nw[i] = F(w[i] - F(F(lrT * mi) / F(F(Math.sqrt(vi)) + eps)));
  }
}, WASM_MAX);
