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
  scalar(v: number) { return this.ctx.write(Float32Array.of(v), [], 'float32'); }
  /**
   * A scalar input's value on the host: the hyperparameter arithmetic (1 − β, Adam's lr_t) runs in JS, rounded to
   * float32 at each step as the backend would, instead of ~2–5 µs per scalar kernel call on wasm.
   */
  host(t: TensorInfo): number {
    return this.ctx.backendName === 'wasm' ? (this.ctx.backend as unknown as Heap).typedArrayFromHeap(t)[0] : this.ctx.read(t)[0];
  }
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

/** Tests switch the loops off to compare them with the composites on the same backend. */
export const applyLoops = { enabled: true };

/**
 * An Apply* op: stateful, not differentiable, its first `nRefs` inputs (variable and slots) taken by reference;
 * `update` computes and stores the new values and returns the variable's new value (the op's output). On cpu and
 * wasm, `loop` does the same in one JS loop per variable (~10–14 tfjs kernel calls and their intermediates
 * otherwise); on wasm it reads the heap in place and writes each new value once, into a fresh heap buffer.
 */
export function defineApply(type: string, nRefs: number, update: (a: Arith, inputs: readonly TensorInfo[], ctx: KernelCtx) => TensorInfo,
                            gradIndex?: number, loop?: (u: CpuApply) => void, wasmMax = Infinity): OpDef {
  return defineOp({
    type,
    stateful: true,
    nondiff: true,
    refInputs: refInputs(nRefs),
    infer: (ctx) => inferApply(ctx, nRefs, gradIndex),
    kernel: (ctx) => {
      if (loop && applyLoops.enabled && (ctx.backendName === 'cpu' || ctx.backendName === 'wasm')) {
        const out = runLoop(ctx, nRefs, gradIndex ?? ctx.inputs.length - 1, loop, wasmMax);
        if (out) return [out];
      }
      return [update(new Arith(ctx), ctx.inputs, ctx)];
    },
  });
}

type Heap = { typedArrayFromHeap(t: TensorInfo): Float32Array };

/** The loop when everything is float32 and the gradient has the variable's size (else null: the composite runs). */
function runLoop(ctx: KernelCtx, nRefs: number, gradIndex: number, loop: (u: CpuApply) => void, wasmMax: number): TensorInfo | null {
  const vars = ctx.op.inputs.slice(0, nRefs).map((t) => t.op);
  const infos = vars.map((v) => ctx.state.readVariable(v));
  const grad = ctx.inputs[gradIndex];
  const n = sizeOf(grad.shape);
  if (grad.dtype !== 'float32' || infos.some((t) => t.dtype !== 'float32' || sizeOf(t.shape) !== n)) return null;
  for (let i = nRefs; i < ctx.inputs.length; i++) if (ctx.inputs[i].dtype !== 'float32') return null;
  let made: TensorInfo[];
  let view: (t: TensorInfo) => Float32Array;
  let out: Float32Array[];
  if (ctx.backendName === 'wasm') {
    if (n === 0 || n > wasmMax) return null;
    // Outputs first: an allocation may grow the heap, which detaches every view taken before it.
    made = infos.map((t) => ctx.write(null as unknown as Float32Array, [...t.shape], 'float32'));
    const heap = ctx.backend as unknown as Heap;
    view = (t) => heap.typedArrayFromHeap(t);
    out = made.map(view);
  } else {
    view = (t) => cpuValues(ctx, t);
    out = infos.map(() => new Float32Array(n));
    made = [];
  }
  const refs = infos.map(view);
  loop({ refs, out, grad: view(grad), scalar: (i) => view(ctx.inputs[i])[0], attrs: ctx.attrs });
  if (!made.length) made = out.map((o, k) => ctx.write(o, [...infos[k].shape], 'float32'));
  // Slots first, the variable last, as the composites store them.
  for (let k = 1; k < nRefs; k++) ctx.state.writeVariable(vars[k], ctx.keep(made[k]));
  ctx.state.writeVariable(vars[0], ctx.keep(made[0]));
  return made[0];
}

function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
