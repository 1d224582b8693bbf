// tf.train.AdagradOptimizer: acc ← acc + g²; w ← w − lr·g/sqrt(acc). Slot `accumulator` starts at 0.1 (no epsilon).
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { makeOp } from '../ops/registry.ts';
import type { Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export class AdagradOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  readonly initial_accumulator_value: number;
  constructor(readonly learning_rate: unknown, opts: { initial_accumulator_value?: number; use_locking?: boolean; name?: string } = {}) {
    super(opts.name ?? 'Adagrad');
    this.initial_accumulator_value = opts.initial_accumulator_value ?? 0.1;
    if (!(this.initial_accumulator_value > 0)) {
      throw new Error(`ValueError: initial_accumulator_value must be positive: ${this.initial_accumulator_value}`);
    }
  }
  protected create_slots(vars: Variable[]): void {
    for (const v of vars) this.slot(v, 'accumulator', this.initial_accumulator_value);
  }
  protected prepare(): void { this.lr = hyper(this.learning_rate, 'learning_rate', 'float32'); }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    const acc = this.get_slot(v, 'accumulator')!;
    return makeOp('ApplyAdagrad', [v.ref, acc.ref, castTo(this.lr!, v.dtype), grad], {}, { defaultName: 'ApplyAdagrad' });
  }
}
