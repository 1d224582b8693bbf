// GatherV2 (tf.gather(params, indices, {axis})): params.shape[:axis] + indices.shape + params.shape[axis+1:].
import { isInteger } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { gatherGrad } from './gather_grad.ts';
import { checkAxis, intArg, opScope, readInts, scalarValue, type NameOpt } from './util.ts';

export const GatherV2 = defineOp({
  type: 'GatherV2',
  infer: (ctx) => {
    const [p, idx, axisT] = ctx.inputs;
    if (!isInteger(idx.dtype)) throw new TypeError(`Value passed to parameter 'indices' has DataType ${idx.dtype} not in list of allowed values: int32, int64`);
    const axisV = scalarValue(axisT);
    const ps = p.staticShape;
    const is = idx.staticShape;
    if (ps === null || is === null || axisV === null) return [{ dtype: p.dtype, shape: null }];
    if (ps.length === 0) ctx.fail('Shape must be at least rank 1 but is rank 0');
    const a = checkAxis(ctx, axisV, ps.length);
    return [{ dtype: p.dtype, shape: [...ps.slice(0, a), ...is, ...ps.slice(a + 1)] }];
  },
  kernel: (ctx) => {
    const [x, indices] = ctx.inputs;
    let axis = readInts(ctx, 2)[0];
    if (axis < 0) axis += x.shape.length;
    const dim = x.shape[axis];
    const iv = ctx.read(indices);
    for (let i = 0; i < iv.length; i++) {
      if (iv[i] < 0 || iv[i] >= dim) {
        const at = `[${unravel(i, indices.shape).join(',')}]`;
        throw new Error(`InvalidArgumentError: indices${at} = ${iv[i]} is not in [0, ${dim})\n\t [[node ${ctx.op.name} (op: 'GatherV2')]]`);
      }
    }
    return [ctx.call('GatherV2', { x, indices }, { axis, batchDims: 0 })];
  },
  grad: (op, [dy]) => gatherGrad(op, dy!),
});

function unravel(i: number, shape: number[]): number[] {
  const out: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) { out.unshift(i % shape[k]); i = Math.floor(i / shape[k]); }
  return out.length ? out : [0];
}

/** tf.gather(params, indices, {axis=0}). */
export function gather(params: unknown, indices: unknown, opts: NameOpt & { axis?: unknown; validate_indices?: boolean } = {}): Tensor {
  return opScope([params, indices], opts.name, 'GatherV2', (scope) => {
    const p = toTensor(params, { name: 'params' });
    const i = intArg(indices, 'indices', 'indices');
    return makeOp('GatherV2', [p, i, intArg(opts.axis ?? 0, 'axis')], {}, { name: scope }).outputs[0];
  });
}
