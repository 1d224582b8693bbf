// SparseSoftmaxCrossEntropyWithLogits (tf.nn.sparse_softmax_cross_entropy_with_logits): outputs [loss, backprop].
import { defineOp, makeOp } from '../registry.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { formatShape } from '../../graph/shape.ts';
import { isFloating } from '../../graph/dtypes.ts';
import { checkDType, ensureXentArgs, logSoftmaxParts, nameScope, pyFail, xentOutputs } from './helpers.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { xentLogitsGrad } from './grad_helpers.ts';

/** Inputs (features = logits [..., C], labels int [...]); loss = logsumexp(logits) − logits[label]. */
export const SparseSoftmaxCrossEntropyWithLogits = defineOp({
  type: 'SparseSoftmaxCrossEntropyWithLogits',
  infer: (ctx) => {
    const [logits, labels] = ctx.inputs;
    checkDType(ctx, 0, 'features', isFloating);
    checkDType(ctx, 1, 'labels', (d) => d === 'int32' || d === 'int64');
    const a = logits.staticShape;
    const b = labels.staticShape;
    if (a !== null && a.length === 0) pyFail(ctx, `Logits cannot be scalars - received shape ${formatShape(a)}.`);
    if (a !== null && b !== null && b.length !== a.length - 1) {
      pyFail(ctx, `Rank mismatch: Rank of labels (received ${b.length}) should equal rank of logits minus 1 (received ${a.length}).`);
    }
    if (a !== null && b !== null && b.some((d, i) => d !== null && a[i] !== null && d !== a[i])) {
      pyFail(ctx, `Shape mismatch: The shape of labels (received ${formatShape(b)}) should equal the shape of logits except for the last dimension (received ${formatShape(a)}).`);
    }
    const lossShape = a === null ? b : b === null ? a.slice(0, -1) : b.map((d, i) => d ?? a[i]);
    const gradShape = a === null ? null : lossShape === null ? a : [...lossShape, a[a.length - 1]];
    return [{ dtype: logits.dtype, shape: lossShape }, { dtype: logits.dtype, shape: gradShape }];
  },
  kernel: (ctx) => {
    const [logits, labels] = ctx.inputs;
    const axis = logits.shape.length - 1;
    const depth = logits.shape[axis];
    // Labels are checked on the host (TF's CPU error) and one-hot encoded there (wasm's OneHot writes int32 only).
    const values = ctx.read(labels);
    const hot = new Float32Array(values.length * depth);
    values.forEach((v, i) => {
      if (v < 0 || v >= depth) {
        throw new Error(`InvalidArgumentError: Received a label value of ${v} which is outside the valid range of [0, ${depth}).  Label values: ${Array.from(values).join(' ')}\n\t [[node ${ctx.op.name} (op: '${ctx.op.type}')]]`);
      }
      hot[i * depth + v] = 1;
    });
    const onehot = ctx.write(hot, [...logits.shape], 'float32');
    return xentOutputs(ctx, onehot, logSoftmaxParts(ctx, logits, axis), axis);
  },
  // As the dense form, for logits only (integer labels get none). TF1 wraps backprop in PreventGradient;
  // here the second-order term (softmax Jacobian of backprop's gradient) is built instead.
  grad: (op, [dloss, dback]) => [xentLogitsGrad(op.inputs[0], op.outputs[1], dloss, dback, -1), null],
});

export interface SparseXentOptions { labels?: unknown; logits?: unknown; name?: string }

/** TF1 builds the op (named after its type, or `name`) inside name scope 'SparseSoftmaxCrossEntropyWithLogits'. */
export function sparse_softmax_cross_entropy_with_logits(...args: [SparseXentOptions]): Tensor {
  const o = ensureXentArgs<SparseXentOptions>('sparse_softmax_cross_entropy_with_logits', args);
  return nameScope([o.labels, o.logits], o.name, 'SparseSoftmaxCrossEntropyWithLogits', () => {
    const labels = toTensor(o.labels, isTensorValue(o.labels) ? {} : { dtype: 'int32' });
    const logits = toTensor(o.logits);
    return makeOp('SparseSoftmaxCrossEntropyWithLogits', [logits, labels], {}, { name: o.name }).outputs[0];
  });
}
