// AddN (tf.add_n): sums a list of tensors of the same dtype and shape (no broadcasting).
import { defineOp, type InferCtx } from '../registry.ts';
import { formatDims, type Shape } from '../../graph/shape.ts';
import { toTensor } from '../convert.ts';
import { identity } from '../state/identity.ts';
import { checkDType, NUMBERS, opFrom, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';

import type { TensorInfo } from '@tensorflow/tfjs-core';

/** TF1's Merge of the input shapes: ranks and known dims must agree. */
function mergeAll(ctx: InferCtx): Shape {
  let out: Shape = null;
  for (const t of ctx.inputs) {
    const s = t.staticShape;
    if (s === null) continue;
    if (out === null) { out = [...s]; continue; }
    if (out.length !== s.length) ctx.fail(`Shapes must be equal rank, but are ${out.length} and ${s.length}`);
    for (let i = 0; i < s.length; i++) {
      const a = out[i];
      const b = s[i];
      if (a !== null && b !== null && a !== b) {
        ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${a} and ${b}. Shapes are ${formatDims(out)} and ${formatDims(s)}.`);
      }
      if (a === null) out[i] = b;
    }
  }
  return out;
}

export const AddN = defineOp({
  type: 'AddN',
  infer: (ctx) => {
    const types = ctx.inputs.map((t) => t.dtype);
    if (types.some((d) => d !== types[0])) {
      throw new TypeError(`Tensors in list passed to 'inputs' of '${ctx.type}' Op have types [${types.join(', ')}] that don't all match.`);
    }
    checkDType(ctx, ctx.inputs[0], NUMBERS, 'inputs');
    return [{ dtype: types[0], shape: mergeAll(ctx) }];
  },
  kernel: (ctx) => [ctx.call('AddN', ctx.inputs as unknown as Record<string, TensorInfo>)],
  // Every summand gets dy.
  grad: (op, [dy]) => op.inputs.map(() => dy),
});

/** tf.add_n(inputs): one input is returned as is (an Identity when named), as TF1 does. */
export function add_n(inputs: unknown, opts: NameOpt = {}): Tensor {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new Error('ValueError: inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape');
  }
  if (inputs.length === 1) {
    const t = toTensor(inputs[0]);
    return opts.name ? identity(t, { name: opts.name }) : t;
  }
  const names = inputs.map((_, i) => `inputs_${i}`);
  return opFrom('AddN', inputs, names, { N: inputs.length }, opts.name);
}
