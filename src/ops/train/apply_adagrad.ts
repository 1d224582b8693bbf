// ApplyAdagrad: accum ← accum + grad²; var ← var − lr·grad/sqrt(accum) (no epsilon, as TF1).
import { defineOp } from '../registry.ts';
import { Arith, inferApply, refInputs } from './apply.ts';

export const ApplyAdagrad = defineOp({
  type: 'ApplyAdagrad',
  stateful: true,
  nondiff: true,
  refInputs: refInputs(2),
  infer: (ctx) => inferApply(ctx, 2),
  kernel: (ctx) => {
    const m = new Arith(ctx);
    const [, , lr, grad] = ctx.inputs;
    const accum = m.add(m.read(1), m.square(grad));
    const w = m.sub(m.read(0), m.div(m.mul(lr, grad), m.sqrt(accum)));
    m.store(1, accum);
    m.store(0, w);
    return [w];
  },
});
