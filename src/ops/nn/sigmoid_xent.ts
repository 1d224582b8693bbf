// tf.nn.sigmoid_cross_entropy_with_logits({labels, logits}): TF1's composite max(x, 0) − x·z + log1p(e^−|x|).
import { toTensor } from '../convert.ts';
import { formatShape, shapesCompatible } from '../../graph/shape.ts';
import { exp, greater_equal, log1p, negative, add } from '../math/api.ts';
import { where, zeros_like } from '../array/api.ts';
import { ensureXentArgs, nameScope } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';

export interface SigmoidXentOptions { labels?: unknown; logits?: unknown; name?: string }

/**
 * Built as TF1 builds it, in name scope 'logistic_loss' (ops zeros_like, GreaterEqual, Select, Neg, Select_1,
 * mul, sub, Exp, Log1p, and the final Add named after the scope), so it is stable for large |logits|.
 */
export function sigmoid_cross_entropy_with_logits(...args: [SigmoidXentOptions]): Tensor {
  const o = ensureXentArgs<SigmoidXentOptions>('sigmoid_cross_entropy_with_logits', args);
  return nameScope([o.logits, o.labels], o.name, 'logistic_loss', (scope) => {
    const logits = toTensor(o.logits, { name: 'logits' });
    const labels = toTensor(o.labels, { name: 'labels' });
    if (!shapesCompatible(labels.staticShape, logits.staticShape)) {
      throw new Error(`ValueError: logits and labels must have the same shape (${formatShape(logits.staticShape)} vs ${formatShape(labels.staticShape)}) in 'sigmoid_cross_entropy_with_logits' (logits ${logits.dtype}, labels ${labels.dtype})`);
    }
    if (labels.dtype !== logits.dtype) {
      throw new TypeError(`Input 'y' of 'Mul' Op has type ${labels.dtype} that does not match type ${logits.dtype} of argument 'x'. (in 'sigmoid_cross_entropy_with_logits')`);
    }
    const zeros = zeros_like(logits, { dtype: logits.dtype });
    const cond = greater_equal(logits, zeros);
    const reluLogits = where(cond, logits, zeros);
    const negAbsLogits = where(cond, negative(logits), logits);
    return add(reluLogits.sub(logits.mul(labels)), log1p(exp(negAbsLogits)), { name: scope });
  });
}
