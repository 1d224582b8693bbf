// tf.train.AdadeltaOptimizer: slots accum and accum_update (zeros), TF1's ApplyAdadelta.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { makeOp } from '../ops/registry.ts';
import type { Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export class AdadeltaOptimizer extends Optimizer {
  readonly rho: number;
  readonly epsilon: number;
  private t: Record<string, Tensor> = {};
  constructor(readonly learning_rate: unknown = 0.001, opts: { rho?: number; epsilon?: number; use_locking?: boolean; name?: string } = {}) {
    super(opts.name ?? 'Adadelta');
    this.rho = opts.rho ?? 0.95;
    this.epsilon = opts.epsilon ?? 1e-8;
  }
  protected create_slots(vars: Variable[]): void {
    for (const v of vars) {
      this.slot(v, 'accum', 0);
      this.slot(v, 'accum_update', 0);
    }
  }
  protected prepare(): void {
    this.t = {
      lr: hyper(this.learning_rate, 'lr', 'float32'),
      rho: hyper(this.rho, 'rho', 'float32'),
      epsilon: hyper(this.epsilon, 'epsilon', 'float32'),
    };
  }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    const [lr, rho, epsilon] = [this.t.lr, this.t.rho, this.t.epsilon].map((t) => castTo(t, v.dtype));
    return makeOp('ApplyAdadelta', [v.ref, this.get_slot(v, 'accum')!.ref, this.get_slot(v, 'accum_update')!.ref, lr, rho, epsilon, grad],
      {}, { defaultName: 'ApplyAdadelta' });
  }
}
