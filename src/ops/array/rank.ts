// Rank (tf.rank(input)): the number of dims as an int32 scalar; a Const when the static rank is known (as TF1).
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import type { NameOpt } from './util.ts';

export const Rank = defineOp({
  type: 'Rank',
  nondiff: true,
  infer: () => [{ dtype: 'int32', shape: [] }],
  kernel: (ctx) => [ctx.write(Int32Array.of(ctx.inputs[0].shape.length), [], 'int32')],
});

/** tf.rank(input). */
export function rank(input: unknown, opts: NameOpt = {}): Tensor {
  const x = toTensor(input);
  if (x.staticShape !== null) return constant(x.staticShape.length, { dtype: 'int32', name: opts.name ?? 'Rank' });
  return makeOp('Rank', [x], {}, { name: opts.name, defaultName: 'Rank' }).outputs[0];
}
