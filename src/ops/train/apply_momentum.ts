// ApplyMomentum: accum ← momentum·accum + grad; var ← var − lr·accum (Nesterov: var ← var − lr·grad − lr·momentum·accum).
import { defineOp } from '../registry.ts';
import { Arith, inferApply, refInputs } from './apply.ts';

export const ApplyMomentum = defineOp({
  type: 'ApplyMomentum',
  stateful: true,
  nondiff: true,
  refInputs: refInputs(2),
  infer: (ctx) => inferApply(ctx, 2, 3),
  kernel: (ctx) => {
    const m = new Arith(ctx);
    const [, , lr, grad, momentum] = ctx.inputs;
    const accum = m.add(m.mul(momentum, m.read(1)), grad);
    const step = ctx.attrs.use_nesterov
      ? m.add(m.mul(lr, grad), m.mul(m.mul(lr, momentum), accum))
      : m.mul(lr, accum);
    const w = m.sub(m.read(0), step);
    m.store(1, accum);
    m.store(0, w);
    return [w];
  },
});
