// tf.train.RMSPropOptimizer: slots rms (ones!), [mg], momentum; ε inside the sqrt, as TF1's ApplyRMSProp.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { makeOp } from '../ops/registry.ts';
import type { Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export interface RMSPropOptions { decay?: number; momentum?: number; epsilon?: number; use_locking?: boolean; centered?: boolean; name?: string }

export class RMSPropOptimizer extends Optimizer {
  readonly decay: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private t: Record<string, Tensor> = {};
  constructor(readonly learning_rate: unknown, opts: RMSPropOptions = {}) {
    super(opts.name ?? 'RMSProp');
    this.decay = opts.decay ?? 0.9;
    this.momentum = opts.momentum ?? 0.0;
    this.epsilon = opts.epsilon ?? 1e-10;
    this.centered = opts.centered ?? false;
  }
  protected create_slots(vars: Variable[]): void {
    for (const v of vars) {
      this.slot(v, 'rms', 1);
      if (this.centered) this.slot(v, 'mg', 0);
      this.slot(v, 'momentum', 0);
    }
  }
  protected prepare(): void {
    this.t = {
      lr: hyper(this.learning_rate, 'learning_rate', 'float32'),
      decay: hyper(this.decay, 'decay', 'float32'),
      momentum: hyper(this.momentum, 'momentum', 'float32'),
      epsilon: hyper(this.epsilon, 'epsilon', 'float32'),
    };
  }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    const [lr, decay, momentum, epsilon] = [this.t.lr, this.t.decay, this.t.momentum, this.t.epsilon].map((t) => castTo(t, v.dtype));
    const rms = this.get_slot(v, 'rms')!;
    const mom = this.get_slot(v, 'momentum')!;
    if (this.centered) {
      const mg = this.get_slot(v, 'mg')!;
      return makeOp('ApplyCenteredRMSProp', [v.ref, mg.ref, rms.ref, mom.ref, lr, decay, momentum, epsilon, grad], {},
        { defaultName: 'ApplyCenteredRMSProp' });
    }
    return makeOp('ApplyRMSProp', [v.ref, rms.ref, mom.ref, lr, decay, momentum, epsilon, grad], {}, { defaultName: 'ApplyRMSProp' });
  }
}
