// _FusedMatMul: matmul + rank-1 bias + activation in one backend kernel; made only by the compiler's fuse pass.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.ts';
import { defineOp, makeOp, type KernelCtx } from '../registry.ts';
import { cpuValues, jsMatMul } from './js_matmul.ts';

/**
 * Epilogues tfjs's _FusedMatMul runs on both cpu and wasm, plus tanh (on neither: the cpu kernel here is JS and
 * applies it itself, other backends add a Tanh kernel call; the fuse pass makes tanh epilogues on cpu only).
 */
export const FUSED_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh'] as const;
export type FusedActivation = typeof FUSED_ACTIVATIONS[number];

export interface FusedMatMulOptions {
  bias?: Tensor;
  activation?: FusedActivation;
  transpose_a?: boolean;
  transpose_b?: boolean;
  name?: string;
}

export const FusedMatMul = defineOp({
  type: '_FusedMatMul',
  // Passes run after autodiff, so a fused op is never differentiated; it is tested against its composite.
  nondiff: true,
  infer: (ctx) => {
    const [a, b, bias] = ctx.inputs;
    const ta = !!ctx.attrs.transpose_a;
    const tb = !!ctx.attrs.transpose_b;
    const sa = a.staticShape;
    const sb = b.staticShape;
    if (a.dtype !== 'float32' || b.dtype !== 'float32') ctx.fail(`_FusedMatMul takes float32, got ${a.dtype} and ${b.dtype}`);
    if ((sa && sa.length !== 2) || (sb && sb.length !== 2)) ctx.fail('Shape must be rank 2');
    if (bias && bias.staticShape !== null && bias.staticShape.length !== 1) ctx.fail('bias must be rank 1');
    if (!FUSED_ACTIVATIONS.includes(ctx.attrs.activation as FusedActivation)) ctx.fail(`unsupported activation ${String(ctx.attrs.activation)}`);
    const m = sa ? sa[ta ? 1 : 0] : null;
    const n = sb ? sb[tb ? 0 : 1] : null;
    const k1 = sa ? sa[ta ? 0 : 1] : null;
    const k2 = sb ? sb[tb ? 1 : 0] : null;
    if (k1 !== null && k2 !== null && k1 !== k2) ctx.fail(`Dimensions must be equal, but are ${k1} and ${k2}`);
    return [{ dtype: a.dtype, shape: [m, n] }];
  },
  kernel: (ctx: KernelCtx) => {
    const [a, b, bias] = ctx.inputs;
    const activation = ctx.attrs.activation as FusedActivation;
    if (ctx.backendName === 'cpu') {
      const [m, k] = ctx.attrs.transpose_a ? [a.shape[1], a.shape[0]] : a.shape;
      const [k2, n] = ctx.attrs.transpose_b ? [b.shape[1], b.shape[0]] : b.shape;
      if (k !== k2) {
        throw new Error(`Error in matMul: inner shapes (${k}) and (${k2}) of Tensors with shapes ${a.shape} and ${b.shape} and ` +
          `transposeA=${!!ctx.attrs.transpose_a} and transposeB=${!!ctx.attrs.transpose_b} must match.`);
      }
      const c = jsMatMul(cpuValues(ctx, a), cpuValues(ctx, b), m, k, n, !!ctx.attrs.transpose_a, !!ctx.attrs.transpose_b,
        bias ? cpuValues(ctx, bias) : null, activation);
      return [ctx.write(c, [m, n], 'float32')];
    }
    if (ctx.backendName === 'wasm') return [wasmMatMul(ctx, a, b, bias, activation)];
    const ta = !!ctx.attrs.transpose_a;
    const tb = !!ctx.attrs.transpose_b;
    const y = backendFused(ctx, a, b, bias, activation === 'tanh' ? 'linear' : activation, ta, tb);
    return [activation === 'tanh' ? ctx.call('Tanh', { x: y }) : y];
  },
});

/** tfjs's _FusedMatMul reads batch-matmul shapes: rank-2 operands get a batch of 1 (a reshape shares the buffer). */
function backendFused(ctx: KernelCtx, a: TensorInfo, b: TensorInfo, bias: TensorInfo | undefined, act: string,
                      ta: boolean, tb: boolean): TensorInfo {
  const inputs: Record<string, TensorInfo> = { a: reshape(ctx, a, [1, a.shape[0], a.shape[1]]), b: reshape(ctx, b, [1, b.shape[0], b.shape[1]]) };
  if (bias) inputs.bias = bias;
  const out = ctx.call('_FusedMatMul', inputs, { transposeA: ta, transposeB: tb, activation: act });
  return reshape(ctx, out, [out.shape[1], out.shape[2]]);
}

function reshape(ctx: KernelCtx, x: TensorInfo, shape: number[]): TensorInfo {
  return ctx.call('Reshape', { x }, { shape });
}

/**
 * wasm: every product runs as NN (XNNPACK). Its flagged path leaves XNNPACK (2–10× slower even for tiny products) and
 * adds the bias to the wrong columns (tfjs 4.22, checked in test/compiler/passes.test.ts). A flagged operand with a
 * unit dim is its own transpose in memory (a reshape, copied when it is the right operand: see rightOperand); a plain A·Bᵀ with one row runs as B·Aᵀ, a plain Aᵀ·B with one
 * column as Bᵀ·A (both reshapes, as in an RNN's gradient at batch 1); other flagged operands are transposed first.
 */
function wasmMatMul(ctx: KernelCtx, a: TensorInfo, b: TensorInfo, bias: TensorInfo | undefined, activation: FusedActivation): TensorInfo {
  let ta = !!ctx.attrs.transpose_a;
  let tb = !!ctx.attrs.transpose_b;
  const m = ta ? a.shape[1] : a.shape[0];
  const k = ta ? a.shape[0] : a.shape[1];
  const n = tb ? b.shape[0] : b.shape[1];
  const k2 = tb ? b.shape[1] : b.shape[0];
  if (k !== k2) {
    throw new Error(`Error in matMul: inner shapes (${k}) and (${k2}) of Tensors with shapes ${a.shape} and ${b.shape} and ` +
      `transposeA=${ta} and transposeB=${tb} must match.`);
  }
  if (ta && (m === 1 || k === 1)) {
    a = reshape(ctx, a, [m, k]);
    ta = false;
  }
  if (tb && (n === 1 || k === 1)) {
    b = rightOperand(ctx, b, [k, n]);
    tb = false;
  }
  const plain = !bias && activation === 'linear';
  if (plain && tb && !ta && m === 1) return reshape(ctx, nn(ctx, b, rightOperand(ctx, a, [k, 1])), [1, n]);
  if (plain && ta && !tb && n === 1) return reshape(ctx, nn(ctx, reshape(ctx, b, [1, k]), a), [m, 1]);
  if (ta) a = ctx.call('Transpose', { x: a }, { perm: [1, 0] });
  if (tb) b = ctx.call('Transpose', { x: b }, { perm: [1, 0] });
  if (plain) return nn(ctx, a, b);
  const y = backendFused(ctx, a, b, bias, activation === 'tanh' ? 'linear' : activation, false, false);
  return activation === 'tanh' ? ctx.call('Tanh', { x: y }) : y;
}

/**
 * x as the right operand with another shape, in a buffer of its own: tfjs-wasm caches XNNPACK's packed right operand
 * by buffer id alone, so a reshape (same id) used as the right operand with two shapes reads stale packed weights.
 */
function rightOperand(ctx: KernelCtx, x: TensorInfo, shape: number[]): TensorInfo {
  return ctx.call('Identity', { x: reshape(ctx, x, shape) });
}

function nn(ctx: KernelCtx, a: TensorInfo, b: TensorInfo): TensorInfo {
  return ctx.call('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
}


/** Builds a _FusedMatMul op (for tests and the compiler's fixtures; user code gets one from the fuse pass). */
export function fused_matmul(a: Tensor, b: Tensor, opts: FusedMatMulOptions = {}): Tensor {
  const inputs = opts.bias ? [a, b, opts.bias] : [a, b];
  const attrs = { transpose_a: !!opts.transpose_a, transpose_b: !!opts.transpose_b, activation: opts.activation ?? 'linear' };
  return makeOp('_FusedMatMul', inputs, attrs, { name: opts.name, defaultName: 'FusedMatMul' }).outputs[0];
}
