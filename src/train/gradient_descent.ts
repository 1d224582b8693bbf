// tf.train.GradientDescentOptimizer: w ← w − lr·g.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { makeOp } from '../ops/registry.ts';
import type { Variable } from '../variables/variable.ts';
import { castTo, hyper, Optimizer } from './optimizer.ts';

export class GradientDescentOptimizer extends Optimizer {
  private lr: Tensor | null = null;
  constructor(readonly learning_rate: unknown, opts: { use_locking?: boolean; name?: string } = {}) {
    super(opts.name ?? 'GradientDescent');
  }
  protected create_slots(): void {}
  protected prepare(): void { this.lr = hyper(this.learning_rate, 'learning_rate', 'float32'); }
  protected apply_dense(grad: Tensor, v: Variable): Operation {
    return makeOp('ApplyGradientDescent', [v.ref, castTo(this.lr!, v.dtype), grad], {}, { defaultName: 'ApplyGradientDescent' });
  }
}
