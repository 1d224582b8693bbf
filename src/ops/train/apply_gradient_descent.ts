// ApplyGradientDescent: var ← var − alpha·delta.
import { defineOp } from '../registry.ts';
import { Arith, inferApply, refInputs } from './apply.ts';

export const ApplyGradientDescent = defineOp({
  type: 'ApplyGradientDescent',
  stateful: true,
  nondiff: true,
  refInputs: refInputs(1),
  infer: (ctx) => inferApply(ctx, 1),
  kernel: (ctx) => {
    const m = new Arith(ctx);
    const [, alpha, delta] = ctx.inputs;
    const w = m.sub(m.read(0), m.mul(alpha, delta));
    m.store(0, w);
    return [w];
  },
});
