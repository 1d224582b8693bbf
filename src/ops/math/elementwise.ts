// Shared inference, kernels and builders for elementwise unary and broadcasting binary ops.
import { broadcastShapes } from '../../graph/shape.ts';
import type { DType } from '../../graph/dtypes.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { binaryOperands, toTensor } from '../convert.ts';
import { makeOp, type InferCtx, type KernelCtx, type OutSpec } from '../registry.ts';

export interface NameOpt { name?: string }

/** Output of a broadcasting binary op: the broadcast shape, with `dtype` or the inputs' dtype. */
export function inferBinary(ctx: InferCtx, dtype?: DType): OutSpec[] {
  const [a, b] = ctx.inputs;
  if (a.dtype !== b.dtype) {
    throw new TypeError(`Input 'y' of '${ctx.type}' Op has type ${b.dtype} that does not match type ${a.dtype} of argument 'x'.`);
  }
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

export function inferUnary(ctx: InferCtx, allowed?: (d: DType) => boolean): OutSpec[] {
  const x = ctx.inputs[0];
  if (allowed && !allowed(x.dtype)) {
    throw new TypeError(`Value passed to parameter 'x' has DataType ${x.dtype} not in list of allowed values for '${ctx.type}' (op '${ctx.name}')`);
  }
  return [{ dtype: x.dtype, shape: x.staticShape }];
}

/** A kernel that runs one tfjs kernel on inputs named `a` and `b`. */
export function binaryKernel(kernel: string) {
  return (ctx: KernelCtx) => [ctx.call(kernel, { a: ctx.inputs[0], b: ctx.inputs[1] })];
}

/** A kernel that runs one tfjs kernel on the input named `x`. */
export function unaryKernel(kernel: string, attrs?: Record<string, unknown>) {
  return (ctx: KernelCtx) => [ctx.call(kernel, { x: ctx.inputs[0] }, attrs)];
}

/** Builds a binary op; a JS operand takes the tensor operand's dtype. */
export function binary(type: string, a: unknown, b: unknown, name: string | undefined, defaultName = type): Tensor {
  const [x, y] = binaryOperands(a, b, type);
  return makeOp(type, [x, y], {}, { name, defaultName }).outputs[0];
}

export function unary(type: string, x: unknown, name: string | undefined, attrs: Record<string, unknown> = {}): Tensor {
  return makeOp(type, [toTensor(x)], attrs, { name, defaultName: type }).outputs[0];
}
