// Shared pieces of the Apply* optimizer ops: inference, variable access and elementwise kernel arithmetic.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { formatDims, shapesCompatible } from '../../graph/shape.ts';
import type { Attrs } from '../../graph/graph.ts';
import { defineOp, type InferCtx, type KernelCtx, type OpDef, type OutSpec } from '../registry.ts';
import { cpuValues } from '../fused/js_matmul.ts';

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
 * What an Apply op's cpu loop sees: the current values of the variable and its slots (`refs`, by ref input), the
 * arrays to fill with their new values (`out`, same order), the gradient and the scalar inputs by input index.
 * Each loop mirrors its composite op for op, rounding every step to float32 (Math.fround) as tfjs-cpu stores it,
 * so both paths give the same updates bit for bit (test/compiler/apply_loops.test.ts).
 */
export interface CpuApply {
  readonly refs: readonly Float32Array[];
  readonly out: readonly Float32Array[];
  readonly grad: Float32Array;
  scalar(i: number): number;
  readonly attrs: Attrs;
}

/** Tests switch the cpu loops off to compare them with the composites on the same backend. */
export const applyLoops = { enabled: true };

/**
 * An Apply* op: stateful, not differentiable, its first `nRefs` inputs (variable and slots) taken by reference;
 * `update` computes and stores the new values and returns the variable's new value (the op's output). On cpu,
 * `cpu` does the same in one JS loop per variable (~10 tfjs kernel calls and their intermediates otherwise).
 */
export function defineApply(type: string, nRefs: number, update: (a: Arith, inputs: readonly TensorInfo[], ctx: KernelCtx) => TensorInfo,
                            gradIndex?: number, cpu?: (u: CpuApply) => void): OpDef {
  return defineOp({
    type,
    stateful: true,
    nondiff: true,
    refInputs: refInputs(nRefs),
    infer: (ctx) => inferApply(ctx, nRefs, gradIndex),
    kernel: (ctx) => {
      if (cpu && applyLoops.enabled && ctx.backendName === 'cpu') {
        const out = runCpu(ctx, nRefs, gradIndex ?? ctx.inputs.length - 1, cpu);
        if (out) return [out];
      }
      return [update(new Arith(ctx), ctx.inputs, ctx)];
    },
  });
}

/** The cpu loop when everything is float32 and the gradient has the variable's size (else null: the composite runs). */
function runCpu(ctx: KernelCtx, nRefs: number, gradIndex: number, cpu: (u: CpuApply) => void): TensorInfo | null {
  const vars = ctx.op.inputs.slice(0, nRefs).map((t) => t.op);
  const infos = vars.map((v) => ctx.state.readVariable(v));
  const grad = ctx.inputs[gradIndex];
  const scalars = ctx.inputs.filter((t, i) => i >= nRefs && i !== gradIndex);
  if (![...infos, grad, ...scalars].every((t) => t.dtype === 'float32')) return null;
  const refs = infos.map((t) => cpuValues(ctx, t));
  const g = cpuValues(ctx, grad);
  if (refs.some((r) => r.length !== g.length)) return null;
  const out = refs.map((r) => new Float32Array(r.length));
  cpu({ refs, out, grad: g, scalar: (i) => cpuValues(ctx, ctx.inputs[i])[0], attrs: ctx.attrs });
  const made = out.map((o, k) => ctx.write(o, [...infos[k].shape], 'float32'));
  // Slots first, the variable last, as the composites store them.
  for (let k = 1; k < nRefs; k++) ctx.state.writeVariable(vars[k], ctx.keep(made[k]));
  ctx.state.writeVariable(vars[0], ctx.keep(made[0]));
  return made[0];
}
