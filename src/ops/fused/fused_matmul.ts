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
    let ta = !!ctx.attrs.transpose_a;
    let tb = !!ctx.attrs.transpose_b;
    // tfjs's kernel reads batch-matmul shapes: rank-2 operands get a batch of 1 (a reshape shares the buffer).
    let a3 = ctx.call('Reshape', { x: a }, { shape: [1, ...a.shape] });
    let b3 = ctx.call('Reshape', { x: b }, { shape: [1, ...b.shape] });
    // wasm's kernel adds the bias to the wrong columns when a transpose flag is set (tfjs 4.22, checked in
    // test/compiler/fuse.test.ts), and its flagged path is slow anyway: the operand is transposed first.
    if (ctx.backendName === 'wasm') {
      if (ta) a3 = ctx.call('Transpose', { x: a3 }, { perm: [0, 2, 1] });
      if (tb) b3 = ctx.call('Transpose', { x: b3 }, { perm: [0, 2, 1] });
      ta = tb = false;
    }
    const inputs: Record<string, TensorInfo> = { a: a3, b: b3 };
    if (bias) inputs.bias = bias;
    const act = activation === 'tanh' ? 'linear' : activation;
    const out = ctx.call('_FusedMatMul', inputs, { transposeA: ta, transposeB: tb, activation: act });
    const y = ctx.call('Reshape', { x: out }, { shape: out.shape.slice(1) });
    return [activation === 'tanh' ? ctx.call('Tanh', { x: y }) : y];
  },
});

/** Builds a _FusedMatMul op (for tests and the compiler's fixtures; user code gets one from the fuse pass). */
export function fused_matmul(a: Tensor, b: Tensor, opts: FusedMatMulOptions = {}): Tensor {
  const inputs = opts.bias ? [a, b, opts.bias] : [a, b];
  const attrs = { transpose_a: !!opts.transpose_a, transpose_b: !!opts.transpose_b, activation: opts.activation ?? 'linear' };
  return makeOp('_FusedMatMul', inputs, attrs, { name: opts.name, defaultName: 'FusedMatMul' }).outputs[0];
}
