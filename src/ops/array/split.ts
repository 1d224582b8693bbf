// Split / SplitV (tf.split(value, num_or_size_splits, {axis})): equal parts (must divide) or sizes (one -1 allowed).
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { splitOnHost } from './host_split.ts';
import { defineOp, makeOp, type InferCtx } from '../registry.ts';
import { concat } from './concat.ts';
import { orZeros } from './grad_util.ts';
import { checkAxis, intArg, opScope, partialValue, readInts, scalarValue, type NameOpt } from './util.ts';

function splitShapes(ctx: InferCtx, x: Tensor, axisT: Tensor, sizes: (Dim | -1)[] | null, n: number) {
  const s = x.staticShape;
  const axisV = scalarValue(axisT);
  if (s === null) return new Array(n).fill({ dtype: x.dtype, shape: null });
  if (axisV === null) return new Array(n).fill({ dtype: x.dtype, shape: new Array(s.length).fill(null) });
  const a = checkAxis(ctx, axisV, s.length);
  const dim = s[a];
  let out: Dim[];
  if (sizes === null) {
    if (dim !== null && dim % n !== 0) ctx.fail(`Dimension size must be evenly divisible by ${n} but is ${dim}`);
    out = new Array(n).fill(dim === null ? null : dim / n);
  } else {
    const minus = sizes.map((v, i) => (v === -1 ? i : -1)).filter((i) => i >= 0);
    if (minus.length > 1) ctx.fail(`Only one dimensions can have a value of -1. Second one found at dimension ${minus[1]}`);
    const known = sizes.every((v) => v !== null);
    const sum = sizes.reduce<number>((acc, v) => (v !== null && v >= 0 ? acc + v : acc), 0);
    out = sizes.map((v) => (v === -1 ? null : v));
    if (dim !== null && known) {
      if ((minus.length === 0 && sum !== dim) || (minus.length === 1 && sum > dim)) {
        ctx.fail(`Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: ${sum}`);
      }
      if (minus.length === 1) out[minus[0]] = dim - sum;
    }
  }
  return out.map((d) => ({ dtype: x.dtype, shape: s.map((v, i) => (i === a ? d : v)) }));
}

export const Split = defineOp({
  type: 'Split',
  infer: (ctx) => splitShapes(ctx, ctx.inputs[1], ctx.inputs[0], null, ctx.attrs.num_split as number),
  kernel: (ctx) => {
    const x = ctx.inputs[1];
    let axis = readInts(ctx, 0)[0];
    if (axis < 0) axis += x.shape.length;
    const n = ctx.attrs.num_split as number;
    if (x.shape[axis] % n !== 0) {
      throw new Error(`InvalidArgumentError: Number of ways to split should evenly divide the split dimension, but got split_dim ${axis} (size = ${x.shape[axis]}) and num_split ${n}\n\t [[node ${ctx.op.name}]]`);
    }
    return splitOnHost(ctx, x, new Array(n).fill(x.shape[axis] / n), axis);
  },
  // The pieces' gradients concatenated back (zeros for pieces that got none); none for the axis.
  grad: (op, grads) => [null, concat(grads.map((g, i) => orZeros(g, op.outputs[i])), op.inputs[0])],
});

export const SplitV = defineOp({
  type: 'SplitV',
  infer: (ctx) => splitShapes(ctx, ctx.inputs[0], ctx.inputs[2], partialValue(ctx.inputs[1]) as (Dim | -1)[] | null, ctx.attrs.num_split as number),
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    const sizes = readInts(ctx, 1);
    let axis = readInts(ctx, 2)[0];
    if (axis < 0) axis += x.shape.length;
    const m = sizes.indexOf(-1);
    const sum = sizes.reduce((a, v) => (v >= 0 ? a + v : a), 0);
    if (m >= 0) sizes[m] = x.shape[axis] - sum;
    if (sizes.some((v) => v < 0) || sizes.reduce((a, v) => a + v, 0) !== x.shape[axis]) {
      throw new Error(`InvalidArgumentError: Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: ${sum}\n\t [[node ${ctx.op.name}]]`);
    }
    return splitOnHost(ctx, x, sizes, axis);
  },
  grad: (op, grads) => [concat(grads.map((g, i) => orZeros(g, op.outputs[i])), op.inputs[2]), null, null],
});

/** tf.split(value, num_or_size_splits, {axis=0, num}): a number gives Split, a list or vector tensor gives SplitV. */
export function split(value: unknown, num_or_size_splits: unknown, opts: NameOpt & { axis?: unknown; num?: number } = {}): Tensor[] {
  const axis = opts.axis ?? 0;
  return opScope([value], opts.name, 'split', (scope) => {
    if (typeof num_or_size_splits === 'number') {
      const x = toTensor(value, { name: 'value' });
      const a = intArg(axis, 'split_dim');
      return makeOp('Split', [a, x], { num_split: num_or_size_splits }, { name: scope }).outputs;
    }
    const sizes = intArg(num_or_size_splits, 'size_splits');
    let num = opts.num ?? null;
    if (num === null) num = sizes.staticShape?.length === 1 ? sizes.staticShape[0] : null;
    if (num === null) {
      throw new Error(`ValueError: Cannot infer num from shape ${isTensorValue(num_or_size_splits) ? sizes.shape.toString() : JSON.stringify(num_or_size_splits)}`);
    }
    const x = toTensor(value, { name: 'value' });
    return makeOp('SplitV', [x, sizes, intArg(axis, 'axis')], { num_split: num }, { name: scope }).outputs;
  });
}
