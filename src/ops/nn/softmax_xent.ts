// SoftmaxCrossEntropyWithLogits (tf.nn.softmax_cross_entropy_with_logits(_v2)): outputs [loss, backprop].
import { defineOp, makeOp } from '../registry.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { isFloating } from '../../graph/dtypes.ts';
import { checkDType, ensureXentArgs, logSoftmaxParts, nameScope, runtimeAxis, xentOutputs } from './helpers.ts';
import { stop_gradient } from './stop_gradient.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply, negative, sub } from '../math/api.ts';
import { expand_dims } from '../array/api.ts';
import { log_softmax } from './log_softmax.ts';
import { xentLogitsGrad } from './grad_helpers.ts';

/**
 * Inputs (features = logits, labels) of the same shape and dtype; classes along attr `axis` (TF's op always
 * uses the last axis; the `axis` attr replaces the transposes TF1's Python wrapper inserts for other axes).
 * loss = −Σ labels · log_softmax(logits) (the class axis removed); backprop = softmax(logits) − labels.
 */
export const SoftmaxCrossEntropyWithLogits = defineOp({
  type: 'SoftmaxCrossEntropyWithLogits',
  infer: (ctx) => {
    const [logits, labels] = ctx.inputs;
    checkDType(ctx, 0, 'features', isFloating);
    if (labels.dtype !== logits.dtype) {
      throw new TypeError(`Input 'labels' of 'SoftmaxCrossEntropyWithLogits' Op has type ${labels.dtype} that does not match type ${logits.dtype} of argument 'features'.`);
    }
    const a = logits.staticShape;
    const b = labels.staticShape;
    if (a !== null && a.length < 1) ctx.fail('Shape must be at least rank 1 but is rank 0');
    if (a !== null && b !== null && a.length !== b.length) ctx.fail(`Shapes must be equal rank, but are ${a.length} and ${b.length}`);
    const s = a === null ? b : b === null ? a : a.map((d, i) => {
      const e = b[i];
      if (d !== null && e !== null && d !== e) {
        ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are [${a.map((x) => x ?? '?')}] and [${b.map((x) => x ?? '?')}]`);
      }
      return d ?? e;
    });
    if (s === null) return [{ dtype: logits.dtype, shape: null }, { dtype: logits.dtype, shape: null }];
    const axis = runtimeAxis(ctx.attrs.axis as number, s.length, ctx);
    return [{ dtype: logits.dtype, shape: s.filter((_, i) => i !== axis) }, { dtype: logits.dtype, shape: s }];
  },
  kernel: (ctx) => {
    const [logits, labels] = ctx.inputs;
    const axis = runtimeAxis(ctx.attrs.axis as number, logits.shape.length, ctx.op);
    return xentOutputs(ctx, labels, logSoftmaxParts(ctx, logits, axis), axis);
  },
  // TF1's _SoftmaxCrossEntropyWithLogitsGrad; labels (the v2 form) get dloss · −log_softmax, and −dbackprop
  // when backprop is itself differentiated (backprop = softmax − labels; TF1 leaves that term out).
  grad: (op, [dloss, dback]) => {
    const logits = op.inputs[0];
    const axis = op.attrs.axis as number;
    const dlogits = xentLogitsGrad(logits, op.outputs[1], dloss, dback, axis);
    let dlabels = dloss === null ? null : multiply(expand_dims(dloss, axis), negative(log_softmax(logits, { axis })));
    if (dback !== null) dlabels = dlabels === null ? negative(dback) : sub(dlabels, dback);
    return [dlogits, dlabels];
  },
});

export interface SoftmaxXentOptions { labels?: unknown; logits?: unknown; axis?: number | null; dim?: number | null; name?: string }

/** tf.nn.softmax_cross_entropy_with_logits_v2({labels, logits, axis}): gradient flows into labels too. */
export function softmax_cross_entropy_with_logits_v2(...args: [SoftmaxXentOptions]): Tensor {
  const o = ensureXentArgs<SoftmaxXentOptions>('softmax_cross_entropy_with_logits_v2', args);
  return xent(o, o.name ?? 'softmax_cross_entropy_with_logits');
}

function xent(o: SoftmaxXentOptions, name: string): Tensor {
  if (o.axis !== undefined && o.axis !== null && o.dim !== undefined && o.dim !== null && o.axis !== o.dim) {
    throw new Error("ValueError: Cannot specify both 'axis' and 'dim'.");
  }
  const axis = o.axis ?? o.dim ?? -1;
  return nameScope([o.logits, o.labels], name, name, (scope) => {
    const logits = toTensor(o.logits, { name: 'logits' });
    const labels = toTensor(o.labels, isTensorValue(o.labels) ? { name: 'labels' } : { name: 'labels', dtype: logits.dtype });
    return makeOp('SoftmaxCrossEntropyWithLogits', [logits, labels], { axis }, { name: scope }).outputs[0];
  });
}

/** tf.nn.softmax_cross_entropy_with_logits({labels, logits, dim}) (TF1's deprecated v1): labels get StopGradient. */
export function softmax_cross_entropy_with_logits(...args: [SoftmaxXentOptions]): Tensor {
  const o = ensureXentArgs<SoftmaxXentOptions>('softmax_cross_entropy_with_logits', args);
  return nameScope([o.logits, o.labels], o.name, 'softmax_cross_entropy_with_logits_sg', (scope) => {
    const labels = stop_gradient(o.labels, { name: 'labels_stop_gradient' });
    return xent({ ...o, labels }, scope);
  });
}
