// tf.train.AdamOptimizer: TF1's ApplyAdam (ε-hat form) with slots m (W/Adam), v (W/Adam_1) and beta1_power/beta2_power.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { get_default_graph } from '../graph/default.ts';
import { makeOp } from '../ops/registry.ts';
import { group } from '../ops/state/no_op.ts';
import { multiply } from '../ops/math/mul.ts';
import { assignOp, type Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export interface AdamOptions { beta1?: number; beta2?: number; epsilon?: number; use_locking?: boolean; name?: string }

export class AdamOptimizer extends Optimizer {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private t: Record<string, Tensor> = {};
  constructor(readonly learning_rate: unknown = 0.001, opts: AdamOptions = {}) {
    super(opts.name ?? 'Adam');
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-8;
  }
  protected create_slots(vars: Variable[]): void {
    // beta powers start at β (so step t uses β^t) and are created before the slots, as TF1 does.
    this.nonSlot('beta1_power', this.beta1, 'float32');
    this.nonSlot('beta2_power', this.beta2, 'float32');
    for (const v of vars) {
      this.slot(v, 'm', 0);
      this.slot(v, 'v', 0);
    }
  }
  protected prepare(): void {
    this.t = {
      lr: hyper(this.learning_rate, 'learning_rate', 'float32'),
      beta1: hyper(this.beta1, 'beta1', 'float32'),
      beta2: hyper(this.beta2, 'beta2', 'float32'),
      epsilon: hyper(this.epsilon, 'epsilon', 'float32'),
    };
  }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    const [lr, beta1, beta2, epsilon] = [this.t.lr, this.t.beta1, this.t.beta2, this.t.epsilon].map((t) => castTo(t, v.dtype));
    const m = this.get_slot(v, 'm')!;
    const vv = this.get_slot(v, 'v')!;
    const b1p = this.nonSlots.get('beta1_power')!;
    const b2p = this.nonSlots.get('beta2_power')!;
    return makeOp('ApplyAdam', [v.ref, m.ref, vv.ref, castTo(b1p.value(), v.dtype), castTo(b2p.value(), v.dtype), lr, beta1, beta2, epsilon, grad], {},
      { defaultName: 'ApplyAdam' });
  }
  /** After all variable updates: beta1_power ← beta1_power·β1, beta2_power ← beta2_power·β2. */
  protected override finish(updates: Operation[], name: string): Operation {
    const g = get_default_graph();
    const b1p = this.nonSlots.get('beta1_power')!;
    const b2p = this.nonSlots.get('beta2_power')!;
    const [u1, u2] = g.control_dependencies(updates, () => [
      assignOp('Assign', b1p, multiply(b1p.read_value(), this.t.beta1, { name: 'mul' }), { name: 'Assign' }),
      assignOp('Assign', b2p, multiply(b2p.read_value(), this.t.beta2, { name: 'mul_1' }), { name: 'Assign_1' }),
    ]);
    return group([...updates, u1, u2], { name });
  }
}
