// ApplyMomentum: accum ← momentum·accum + grad; var ← var − lr·accum (Nesterov: var ← var − lr·grad − lr·momentum·accum).
import { defineApply } from './apply.ts';

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
}, 3);
