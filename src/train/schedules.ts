// Learning-rate schedules: tf.train.exponential_decay (TF1's learning_rate_decay).
import { name_scope } from '../api/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { toTensor } from '../ops/convert.ts';
import { cast } from '../ops/math/cast.ts';
import { truediv } from '../ops/math/realdiv.ts';
import { floor } from '../ops/math/floor.ts';
import { pow } from '../ops/math/pow.ts';
import { multiply } from '../ops/math/mul.ts';
import { Variable } from '../variables/variable.ts';

/**
 * `learning_rate · decay_rate^(global_step / decay_steps)`, the exponent floored when `staircase`; an op named
 * `ExponentialDecay` (or `name`) evaluated at run time from the current global step.
 */
export function exponential_decay(learning_rate: unknown, global_step: unknown, decay_steps: unknown, decay_rate: unknown,
                                  opts: { staircase?: boolean; name?: string } = {}): Tensor {
  if (global_step === null || global_step === undefined) throw new Error('ValueError: global_step is required for exponential_decay.');
  return name_scope(opts.name ?? null, 'ExponentialDecay', (ns) => {
    const lr = toTensor(learning_rate, { name: 'learning_rate' });
    const dtype = lr.dtype;
    const steps = cast(decay_steps, dtype);
    const rate = cast(decay_rate, dtype);
    const step = cast(global_step instanceof Variable ? global_step.value() : global_step, dtype);
    let p = truediv(step, steps);
    if (opts.staircase) p = floor(p);
    return multiply(lr, pow(rate, p), { name: ns });
  });
}
