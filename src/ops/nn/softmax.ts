// Softmax (tf.nn.softmax(logits, {axis})): exp(x − max) / Σ exp(x − max) along an axis (default the last).
import { defineOp, makeOp, type InferCtx } from '../registry.ts';
import { toTensor } from '../convert.ts';
import { checkDType, logSoftmaxParts, runtimeAxis } from './helpers.ts';
import { isFloating } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { softmaxVJP } from './grad_helpers.ts';

/** Shared by Softmax and LogSoftmax: floats, rank ≥ 1, axis within the rank (TF1's texts). */
export function inferSoftmax(ctx: InferCtx) {
  checkDType(ctx, 0, 'logits', isFloating);
  const s = ctx.inputs[0].staticShape;
  if (s !== null) {
    if (s.length < 1) ctx.fail('Shape must be at least rank 1 but is rank 0');
    runtimeAxis(ctx.attrs.axis as number, s.length, ctx);
  }
  return [{ dtype: ctx.inputs[0].dtype, shape: s }];
}

export const Softmax = defineOp({
  type: 'Softmax',
  infer: inferSoftmax,
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const axis = runtimeAxis(ctx.attrs.axis as number, x.shape.length, ctx.op);
    // The backends' Softmax kernels work on the last axis; other axes use the stable composite.
    if (axis === x.shape.length - 1) return [ctx.call('Softmax', { logits: x }, { dim: axis })];
    const p = logSoftmaxParts(ctx, x, axis);
    return [ctx.call('RealDiv', { a: p.exp, b: p.sum })];
  },
  // TF1's _SoftmaxGrad: (dy − Σ dy·y) · y along the op's axis.
  grad: (op, [dy]) => [softmaxVJP(dy!, op.outputs[0], op.attrs.axis as number)],
});

export interface SoftmaxOptions { axis?: number | null; dim?: number | null; name?: string }

/** Normalises TF1's (logits, axis=None, name=None, dim=None) calling forms. */
export function softmaxAxis(opts: SoftmaxOptions | number | undefined): [number, string | undefined] {
  if (typeof opts === 'number') return [opts, undefined];
  const o = opts ?? {};
  if (o.axis !== undefined && o.axis !== null && o.dim !== undefined && o.dim !== null) {
    throw new Error("ValueError: Cannot specify both 'axis' and 'dim'.");
  }
  return [o.axis ?? o.dim ?? -1, o.name];
}

export function softmax(logits: unknown, opts?: SoftmaxOptions | number): Tensor {
  const [axis, name] = softmaxAxis(opts);
  return makeOp('Softmax', [toTensor(logits)], { axis }, { name, defaultName: 'Softmax' }).outputs[0];
}
