// ApplyGradientDescent: var ← var − alpha·delta.
import { defineApply } from './apply.ts';

export const ApplyGradientDescent = defineApply('ApplyGradientDescent', 1, (m, [, alpha, delta]) => {
  const w = m.sub(m.read(0), m.mul(alpha, delta));
  m.store(0, w);
  return w;
});
