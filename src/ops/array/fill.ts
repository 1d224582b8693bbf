// Fill (tf.fill(dims, value)): a tensor of shape dims filled with the scalar value (of value's dtype).
import type { Tensor } from '../../graph/tensor.ts';
import { computeDType } from '../../graph/dtypes.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { reduce_sum } from '../math/sum.ts';
import { intArg, opScope, readInts, runtimeError, shapeFromTensor, type NameOpt } from './util.ts';

export const Fill = defineOp({
  type: 'Fill',
  infer: (ctx) => {
    const [dimsT, v] = ctx.inputs;
    if (v.staticShape !== null && v.staticShape.length !== 0) ctx.fail(`Shape must be rank 0 but is rank ${v.staticShape.length}`);
    if (dimsT.staticShape !== null && dimsT.staticShape.length !== 1) ctx.fail(`Shape must be rank 1 but is rank ${dimsT.staticShape.length}`);
    const c = ctx.constInput(0);
    if (c) for (const d of c.data) if (d < 0) ctx.fail(`Fill dimensions must be >= 0`);
    return [{ dtype: v.dtype, shape: shapeFromTensor(dimsT) }];
  },
  kernel: (ctx) => {
    const dims = readInts(ctx, 0);
    if (dims.some((d) => d < 0)) throw runtimeError(ctx, `dims must be non-negative, got [${dims}]`);
    const value = ctx.read(ctx.inputs[1])[0];
    return [ctx.call('Fill', {}, { shape: dims, value, dtype: computeDType(ctx.op.outputs[0].dtype) })];
  },
  // Every element is the value: it gets the sum of dy (TF1's _FillGrad); none for the dims.
  grad: (_op, [dy]) => [null, reduce_sum(dy!)],
});

/** tf.fill(dims, value): dims a JS array or int32 vector tensor; value's dtype is the result's. */
export function fill(dims: unknown, value: unknown, opts: NameOpt = {}): Tensor {
  return opScope([dims, value], opts.name, 'Fill', (scope) => {
    const d = intArg(dims, 'dims');
    const v = toTensor(value, { name: 'value' });
    return makeOp('Fill', [d, v], {}, { name: scope }).outputs[0];
  });
}
