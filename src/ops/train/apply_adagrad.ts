// ApplyAdagrad: accum ← accum + grad²; var ← var − lr·grad/sqrt(accum) (no epsilon, as TF1).
import { defineApply } from './apply.ts';

export const ApplyAdagrad = defineApply('ApplyAdagrad', 2, (m, [, , lr, grad]) => {
  const accum = m.add(m.read(1), m.square(grad));
  const w = m.sub(m.read(0), m.div(m.mul(lr, grad), m.sqrt(accum)));
  m.store(1, accum);
  m.store(0, w);
  return w;
});
