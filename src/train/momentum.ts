// tf.train.MomentumOptimizer: a ← μ·a + g; w ← w − lr·a (Nesterov: w ← w − lr·g − lr·μ·a). Slot `momentum` (zeros).
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { makeOp } from '../ops/registry.ts';
import type { Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export class MomentumOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  private mu: Tensor | null = null;
  constructor(readonly learning_rate: unknown, readonly momentum: unknown,
              private readonly opts: { use_locking?: boolean; name?: string; use_nesterov?: boolean } = {}) {
    super(opts.name ?? 'Momentum');
  }
  protected create_slots(vars: Variable[]): void { for (const v of vars) this.slot(v, 'momentum', 0); }
  protected prepare(): void {
    this.lr = hyper(this.learning_rate, 'learning_rate', 'float32');
    this.mu = hyper(this.momentum, 'momentum', 'float32');
  }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    const accum = this.get_slot(v, 'momentum')!;
    return makeOp('ApplyMomentum', [v.ref, accum.ref, castTo(this.lr!, v.dtype), grad, castTo(this.mu!, v.dtype)], { use_nesterov: !!this.opts.use_nesterov },
      { defaultName: 'ApplyMomentum' });
  }
}
