// ApplyAdadelta: acc ← ρ·acc + (1−ρ)g²; upd = sqrt(acc_upd+ε)/sqrt(acc+ε)·g; acc_upd ← ρ·acc_upd + (1−ρ)upd²; var ← var − lr·upd.
import { defineOp } from '../registry.ts';
import { Arith, inferApply, refInputs } from './apply.ts';

export const ApplyAdadelta = defineOp({
  type: 'ApplyAdadelta',
  stateful: true,
  nondiff: true,
  refInputs: refInputs(3),
  infer: (ctx) => inferApply(ctx, 3),
  kernel: (ctx) => {
    const a = new Arith(ctx);
    const [, , , lr, rho, epsilon, grad] = ctx.inputs;
    const one = a.scalar(1);
    const acc = a.add(a.mul(rho, a.read(1)), a.mul(a.sub(one, rho), a.square(grad)));
    const upd = a.mul(a.div(a.sqrt(a.add(a.read(2), epsilon)), a.sqrt(a.add(acc, epsilon))), grad);
    const accUpd = a.add(a.mul(rho, a.read(2)), a.mul(a.sub(one, rho), a.square(upd)));
    const w = a.sub(a.read(0), a.mul(lr, upd));
    a.store(1, acc);
    a.store(2, accUpd);
    a.store(0, w);
    return [w];
  },
});
