// VariableV2 and Assign/AssignAdd/AssignSub: the stateful ops behind tf.Variable; values live in the Session.
import { defineOp, type InferCtx, type KernelCtx } from '../registry.ts';
import { formatDims, shapesCompatible, type Shape } from '../../graph/shape.ts';
import type { DType } from '../../graph/dtypes.ts';

export const VariableV2 = defineOp({
  type: 'VariableV2',
  stateful: true,
  nondiff: true,
  readAtUse: true,
  infer: (ctx) => [{ dtype: ctx.attrs.dtype as DType, shape: ctx.attrs.shape as Shape }],
  kernel: (ctx) => [ctx.keep(ctx.state.readVariable(ctx.op))],
});

function inferAssign(ctx: InferCtx) {
  const [ref, value] = ctx.inputs;
  if (ref.op.type !== 'VariableV2') {
    throw new TypeError(`'${ctx.type}' Op requires that input 'ref' be a mutable tensor (a tf.Variable): ${ref.name} is not`);
  }
  if (ref.dtype !== value.dtype) {
    throw new TypeError(`Input 'value' of '${ctx.type}' Op has type ${value.dtype} that does not match type ${ref.dtype} of argument 'ref'.`);
  }
  const validate = ctx.attrs.validate_shape !== false;
  if (validate && !shapesCompatible(ref.staticShape, value.staticShape)) {
    const [a, b] = [ref.staticShape!, value.staticShape!];
    if (a.length !== b.length) ctx.fail(`Shapes must be equal rank, but are ${a.length} and ${b.length}`);
    const i = a.findIndex((d, k) => d !== null && b[k] !== null && d !== b[k]);
    ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${a[i]} and ${b[i]}. Shapes are ${formatDims(a)} and ${formatDims(b)}.`);
  }
  return [{ dtype: ref.dtype, shape: validate ? ref.staticShape : value.staticShape }];
}

/** Stores `value` (one reference for the variable, one returned as the op's output). */
function store(ctx: KernelCtx, value: ReturnType<KernelCtx['keep']>) {
  ctx.state.writeVariable(ctx.op.inputs[0].op, ctx.keep(value));
  return [value];
}

export const Assign = defineOp({
  type: 'Assign',
  stateful: true,
  nondiff: true,
  refInputs: [0],
  infer: inferAssign,
  kernel: (ctx) => store(ctx, ctx.keep(ctx.inputs[1])),
});

export const AssignAdd = defineOp({
  type: 'AssignAdd',
  stateful: true,
  nondiff: true,
  refInputs: [0],
  infer: inferAssign,
  kernel: (ctx) => store(ctx, ctx.call('Add', { a: ctx.state.readVariable(ctx.op.inputs[0].op), b: ctx.inputs[1] })),
});

export const AssignSub = defineOp({
  type: 'AssignSub',
  stateful: true,
  nondiff: true,
  refInputs: [0],
  infer: inferAssign,
  kernel: (ctx) => store(ctx, ctx.call('Sub', { a: ctx.state.readVariable(ctx.op.inputs[0].op), b: ctx.inputs[1] })),
});
