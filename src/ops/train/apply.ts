// Shared pieces of the Apply* optimizer ops: inference, variable access and elementwise kernel arithmetic.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { formatDims, shapesCompatible } from '../../graph/shape.ts';
import { defineOp, type InferCtx, type KernelCtx, type OpDef, type OutSpec } from '../registry.ts';

/**
 * Inputs 0..nRefs-1 are the variable and its slots (by reference, same shape and dtype); the rest are scalars
 * except the gradient (the last input unless `gradIndex` says otherwise), which must match the variable's shape.
 */
export function inferApply(ctx: InferCtx, nRefs: number, gradIndex = ctx.inputs.length - 1): OutSpec[] {
  const v = ctx.inputs[0];
  for (let i = 0; i < nRefs; i++) {
    const s = ctx.inputs[i];
    if (s.op.type !== 'VariableV2') throw new TypeError(`'${ctx.type}' Op requires input ${i} to be a variable: ${s.name} is not`);
    if (s.dtype !== v.dtype || !shapesCompatible(s.staticShape, v.staticShape)) {
      ctx.fail(`slot ${s.name} has shape ${formatDims(s.staticShape)} and dtype ${s.dtype}, the variable ${formatDims(v.staticShape)} and ${v.dtype}`);
    }
  }
  const grad = ctx.inputs[gradIndex];
  if (!shapesCompatible(grad.staticShape, v.staticShape)) {
    ctx.fail(`var and grad do not have the same shape ${formatDims(v.staticShape)} ${formatDims(grad.staticShape)}`);
  }
  for (const t of ctx.inputs) {
    if (t.dtype !== v.dtype) throw new TypeError(`Input '${t.name}' of '${ctx.type}' Op has type ${t.dtype} that does not match type ${v.dtype} of argument 'var'.`);
  }
  return [{ dtype: v.dtype, shape: v.staticShape }];
}

export function refInputs(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Elementwise arithmetic on TensorInfos inside one kernel (intermediates are freed by the executor). */
export class Arith {
  constructor(private readonly ctx: KernelCtx) {}
  add(a: TensorInfo, b: TensorInfo) { return this.ctx.call('Add', { a, b }); }
  sub(a: TensorInfo, b: TensorInfo) { return this.ctx.call('Sub', { a, b }); }
  mul(a: TensorInfo, b: TensorInfo) { return this.ctx.call('Multiply', { a, b }); }
  div(a: TensorInfo, b: TensorInfo) { return this.ctx.call('RealDiv', { a, b }); }
  sqrt(x: TensorInfo) { return this.ctx.call('Sqrt', { x }); }
  square(x: TensorInfo) { return this.ctx.call('Square', { x }); }
  scalar(v: number) { return this.ctx.write(new Float32Array([v]), [], 'float32'); }
  /** Current value of the variable behind ref input i. */
  read(i: number) { return this.ctx.state.readVariable(this.ctx.op.inputs[i].op); }
  /** Stores `value` into the variable behind ref input i. */
  store(i: number, value: TensorInfo) { this.ctx.state.writeVariable(this.ctx.op.inputs[i].op, this.ctx.keep(value)); }
}

/**
 * An Apply* op: stateful, not differentiable, its first `nRefs` inputs (variable and slots) taken by reference;
 * `update` computes and stores the new values and returns the variable's new value (the op's output).
 */
export function defineApply(type: string, nRefs: number, update: (a: Arith, inputs: readonly TensorInfo[], ctx: KernelCtx) => TensorInfo,
                            gradIndex?: number): OpDef {
  return defineOp({
    type,
    stateful: true,
    nondiff: true,
    refInputs: refInputs(nRefs),
    infer: (ctx) => inferApply(ctx, nRefs, gradIndex),
    kernel: (ctx) => [update(new Arith(ctx), ctx.inputs, ctx)],
  });
}
