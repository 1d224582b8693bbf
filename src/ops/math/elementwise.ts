// Shared inference, kernels and builders of the math family: dtype sets, broadcasting binary ops, unary ops.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { broadcastShapes } from '../../graph/shape.ts';
import type { DType } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import type { InferCtx, KernelCtx, OutSpec } from '../registry.ts';
import { opFrom } from './operands.ts';

export { dryInfer, opFrom, standIn, tentativeName, withOperands, withScope } from './operands.ts';

export interface NameOpt { name?: string }

// TF1's op-def type lists (the dtypes an op accepts).
export const FLOATS: readonly DType[] = ['float16', 'float32', 'float64'];
export const INTS: readonly DType[] = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'];
export const NUMBERS: readonly DType[] = [...FLOATS, ...INTS];
/** float, int32, int64: Pow, Maximum, Minimum, FloorMod, SquaredDifference, Sign, Reciprocal. */
export const FLOAT_INT: readonly DType[] = [...FLOATS, 'int32', 'int64'];

/** TF1's TypeError for a dtype outside an op's type list. */
export function checkDType(ctx: InferCtx, t: Tensor, allowed: readonly DType[] | ((d: DType) => boolean), param = 'x'): void {
  const ok = typeof allowed === 'function' ? allowed(t.dtype) : allowed.includes(t.dtype);
  if (ok) return;
  const list = typeof allowed === 'function' ? '' : `: ${allowed.join(', ')}`;
  throw new TypeError(`Value passed to parameter '${param}' has DataType ${t.dtype} not in list of allowed values${list} for '${ctx.name}' (op: '${ctx.type}')`);
}

/** Output of a broadcasting binary op: the broadcast shape, with `dtype` or the inputs' dtype. */
export function inferBinary(ctx: InferCtx, dtype?: DType, allowed?: readonly DType[]): OutSpec[] {
  const [a, b] = ctx.inputs;
  if (a.dtype !== b.dtype) {
    throw new TypeError(`Input 'y' of '${ctx.type}' Op has type ${b.dtype} that does not match type ${a.dtype} of argument 'x'.`);
  }
  if (allowed) checkDType(ctx, a, allowed);
  const shape = broadcastShapes(a.staticShape, b.staticShape);
  if (shape === 'error') {
    const [sa, sb] = [a.staticShape!, b.staticShape!];
    const n = Math.max(sa.length, sb.length);
    let msg = 'Incompatible shapes';
    for (let i = 1; i <= n; i++) {
      const x = sa[sa.length - i] ?? 1;
      const y = sb[sb.length - i] ?? 1;
      if (x !== null && y !== null && x !== y && x !== 1 && y !== 1) {
        msg = `Dimensions must be equal, but are ${x} and ${y}`;
        break;
      }
    }
    ctx.fail(msg);
  }
  return [{ dtype: dtype ?? a.dtype, shape }];
}

/** Output of a unary op: the input's shape and dtype (after checking the dtype against `allowed`). */
export function inferUnary(ctx: InferCtx, allowed?: readonly DType[] | ((d: DType) => boolean)): OutSpec[] {
  const x = ctx.inputs[0];
  if (allowed) checkDType(ctx, x, allowed);
  return [{ dtype: x.dtype, shape: x.staticShape }];
}

/** TF1's check of bool-only ops (LogicalAnd, LogicalNot, ...). */
export function inferLogical(ctx: InferCtx): OutSpec[] {
  ctx.inputs.forEach((t, i) => {
    if (t.dtype !== 'bool') {
      throw new TypeError(`Input '${'xy'[i]}' of '${ctx.type}' Op has type ${t.dtype} that does not match expected type of bool.`);
    }
  });
  return ctx.inputs.length === 1 ? inferUnary(ctx) : inferBinary(ctx);
}

/** A kernel that runs one tfjs kernel on inputs named `a` and `b`. */
export function binaryKernel(kernel: string) {
  return (ctx: KernelCtx) => [ctx.call(kernel, { a: ctx.inputs[0], b: ctx.inputs[1] })];
}

/** A kernel that runs one tfjs kernel on the input named `x`. */
export function unaryKernel(kernel: string, attrs?: Record<string, unknown>) {
  return (ctx: KernelCtx) => [ctx.call(kernel, { x: ctx.inputs[0] }, attrs)];
}

/** A scalar buffer of the tfjs dtype of `like` (for composing kernels). */
export function scalarLike(ctx: KernelCtx, value: number, like: TensorInfo): TensorInfo {
  const data = like.dtype === 'float32' ? new Float32Array([value]) : like.dtype === 'int32' ? new Int32Array([value]) : new Uint8Array([value]);
  return ctx.write(data, [], like.dtype);
}

/** Integer division truncating toward zero (C semantics), on int32 buffers. */
export function truncDiv(ctx: KernelCtx, a: TensorInfo, b: TensorInfo): TensorInfo {
  const q = ctx.call('RealDiv', { a: ctx.call('Cast', { x: a }, { dtype: 'float32' }), b: ctx.call('Cast', { x: b }, { dtype: 'float32' }) });
  return ctx.call('Cast', { x: q }, { dtype: 'int32' });
}

/** Builds a binary op; a JS operand takes the tensor operand's dtype. */
export function binary(type: string, a: unknown, b: unknown, name: string | undefined, defaultName = type): Tensor {
  return opFrom(type, [a, b], ['x', 'y'], {}, name, defaultName);
}

export function unary(type: string, x: unknown, name: string | undefined, attrs: Record<string, unknown> = {}, defaultName = type): Tensor {
  return opFrom(type, [x], ['x'], attrs, name, defaultName);
}
