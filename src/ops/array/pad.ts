// Pad / PadV2 / MirrorPad (tf.pad(tensor, paddings, {mode, constant_values})): paddings is [rank, 2].
import type { Tensor } from '../../graph/tensor.ts';
import { binaryOperands, toTensor } from '../convert.ts';
import { defineOp, makeOp, type InferCtx, type KernelCtx } from '../registry.ts';
import { mirrorPadGrad, padGrad } from './pad_grad.ts';
import { intArg, opScope, partialValue, readInts, runtimeError, type NameOpt } from './util.ts';

function inferPad(ctx: InferCtx) {
  const [x, pT] = ctx.inputs;
  const ps = pT.staticShape;
  if (ps !== null && (ps.length !== 2 || (ps[1] !== null && ps[1] !== 2))) ctx.fail(`Dimension must be 2 but is ${ps.length === 2 ? ps[1] : ps.length}`);
  const s = x.staticShape;
  const rank = s?.length ?? (ps ? ps[0] : null);
  if (rank === null) return [{ dtype: x.dtype, shape: null }];
  if (ps && ps[0] !== null && ps[0] !== rank) ctx.fail(`The first dimension of paddings must be the rank of inputs[${rank},2], [${ps[0]},2]`);
  const p = pT.op.type === 'Const' ? partialValue(pT) : null;
  const mode = ctx.attrs.mode as string | undefined;
  const out = Array.from({ length: rank }, (_, i) => {
    const d = s ? s[i] : null;
    if (p === null) return null;
    const [a, b] = [p[2 * i]!, p[2 * i + 1]!];
    if (a < 0 || b < 0) ctx.fail(`Paddings must be non-negative: ${a} ${b}`);
    if (mode && d !== null) {
      const lim = mode === 'REFLECT' ? d - 1 : d;
      if (a > lim || b > lim) ctx.fail(`paddings must be no greater than the dimension size: ${a}, ${b} greater than ${lim}`);
    }
    return d === null ? null : d + a + b;
  });
  return [{ dtype: x.dtype, shape: out }];
}

function paddingsOf(ctx: KernelCtx): [number, number][] {
  const v = readInts(ctx, 1);
  const out: [number, number][] = [];
  for (let i = 0; i < v.length; i += 2) {
    if (v[i] < 0 || v[i + 1] < 0) throw runtimeError(ctx, `Paddings must be non-negative: ${v[i]} ${v[i + 1]}`);
    out.push([v[i], v[i + 1]]);
  }
  return out;
}

function padKernel(ctx: KernelCtx, value: number) {
  const x = ctx.inputs[0];
  if (x.shape.length === 0) return [ctx.keep(x)];
  return [ctx.call('PadV2', { x }, { paddings: paddingsOf(ctx), constantValue: value })];
}

export const Pad = defineOp({ type: 'Pad', infer: inferPad, kernel: (ctx) => padKernel(ctx, 0), grad: (op, [dy]) => padGrad(op, dy!) });

export const PadV2 = defineOp({
  type: 'PadV2',
  infer: (ctx) => {
    if (ctx.inputs[2].dtype !== ctx.inputs[0].dtype) throw new TypeError(`Input 'constant_values' of 'PadV2' Op has type ${ctx.inputs[2].dtype} that does not match type ${ctx.inputs[0].dtype} of argument 'input'.`);
    return inferPad(ctx);
  },
  kernel: (ctx) => padKernel(ctx, ctx.read(ctx.inputs[2])[0]),
  grad: (op, [dy]) => padGrad(op, dy!),
});

export const MirrorPad = defineOp({
  type: 'MirrorPad',
  infer: inferPad,
  kernel: (ctx) => {
    const x = ctx.inputs[0];
    if (x.shape.length === 0) return [ctx.keep(x)];
    const mode = (ctx.attrs.mode as string).toLowerCase();
    return [ctx.call('MirrorPad', { x }, { paddings: paddingsOf(ctx), mode })];
  },
  grad: (op, [dy]) => mirrorPadGrad(op, dy!),
});

/** tf.pad(tensor, paddings, {mode='CONSTANT', constant_values=0}): Pad, PadV2 (non-zero value) or MirrorPad. */
export function pad(tensor: unknown, paddings: unknown, opts: NameOpt & { mode?: string; constant_values?: unknown } = {}): Tensor {
  const mode = (opts.mode ?? 'CONSTANT').toUpperCase();
  const cv = opts.constant_values ?? 0;
  if (mode === 'CONSTANT' && cv === 0) {
    return opScope([tensor], opts.name, 'Pad', (scope) =>
      makeOp('Pad', [toTensor(tensor, { name: 'input' }), intArg(paddings, 'paddings')], {}, { name: scope }).outputs[0]);
  }
  if (mode === 'CONSTANT') {
    return opScope([tensor], opts.name, 'PadV2', (scope) => {
      const [x, c] = binaryOperands(tensor, cv, 'PadV2');
      return makeOp('PadV2', [x, intArg(paddings, 'paddings'), c], {}, { name: scope }).outputs[0];
    });
  }
  if (mode !== 'REFLECT' && mode !== 'SYMMETRIC') throw new Error(`ValueError: Unknown padding mode: ${opts.mode}`);
  return opScope([tensor], opts.name, 'MirrorPad', (scope) =>
    makeOp('MirrorPad', [toTensor(tensor, { name: 'input' }), intArg(paddings, 'paddings')], { mode }, { name: scope }).outputs[0]);
}
