// Gradients of Pad, PadV2 and MirrorPad; MirrorPadGrad (TF1's op) folds the mirrored border back onto the input.
import type { Operation } from '../../graph/graph.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { allocData } from '../../runtime/ndarray.ts';
import { defineOp, makeOp } from '../registry.ts';
import { constValue, staticDims } from './grad_util.ts';
import { reshape } from './reshape.ts';
import { shape as shapeOf } from './shape.ts';
import { slice } from './slice.ts';
import { readInts, stridesOf } from './util.ts';

/** Pad/PadV2: the input is the un-padded box of dy; none for paddings (and constant_values). */
export function padGrad(op: Operation, dy: Tensor): (Tensor | null)[] {
  const [x, pT] = op.inputs;
  const p = constValue(pT);
  const begin = p !== null ? p.filter((_, i) => i % 2 === 0) : reshape(slice(pT, [0, 0], [-1, 1]), [-1]);
  const dx = slice(dy, begin, staticDims(x) ?? shapeOf(x, { out_type: pT.dtype }));
  return op.inputs.map((_, i) => (i === 0 ? dx : null));
}

/** Source index along one dim of a mirror-padded position j (a = left padding, d = input size). */
function mirrorSource(j: number, a: number, d: number, reflect: boolean): number {
  if (j < a) return reflect ? a - j : a - 1 - j;
  if (j >= a + d) return reflect ? 2 * d - 2 - (j - a) : 2 * d - 1 - (j - a);
  return j - a;
}

export const MirrorPadGrad = defineOp({
  type: 'MirrorPadGrad',
  infer: (ctx) => {
    const [dy] = ctx.inputs;
    const p = constValue(ctx.inputs[1]);
    const s = dy.staticShape;
    if (s === null) return [{ dtype: dy.dtype, shape: null }];
    return [{ dtype: dy.dtype, shape: s.map((d, i) => (d === null || p === null ? null : d - p[2 * i] - p[2 * i + 1])) }];
  },
  kernel: (ctx) => {
    const dyInfo = ctx.inputs[0];
    const g = ctx.read(dyInfo);
    const p = readInts(ctx, 1);
    const reflect = ctx.attrs.mode === 'REFLECT';
    const inShape = dyInfo.shape;
    const outShape = inShape.map((d, i) => d - p[2 * i] - p[2 * i + 1]);
    const outStrides = stridesOf(outShape);
    const out = allocData(dyInfo.dtype as never, outShape.reduce((a, d) => a * d, 1));
    const idx = new Array(inShape.length).fill(0);
    // Every padded element adds into the input element it was copied from.
    for (let k = 0; k < g.length; k++) {
      let o = 0;
      for (let i = 0; i < idx.length; i++) o += mirrorSource(idx[i], p[2 * i], outShape[i], reflect) * outStrides[i];
      out[o] += g[k];
      for (let i = idx.length - 1; i >= 0 && ++idx[i] === inShape[i]; i--) idx[i] = 0;
    }
    return [ctx.write(out, outShape, dyInfo.dtype)];
  },
  // Linear in dy: its gradient mirror-pads the incoming gradient again (TF1's _MirrorPadGradGrad).
  grad: (op, [g]) => [mirrorPad(g!, op.inputs[1], op.attrs.mode as string), null],
});

function mirrorPad(x: Tensor, p: Tensor, mode: string): Tensor {
  return makeOp('MirrorPad', [x, p], { mode }, { defaultName: 'MirrorPad' }).outputs[0];
}

/** MirrorPad: the gradient folds the mirrored border back with MirrorPadGrad; none for paddings. */
export function mirrorPadGrad(op: Operation, dy: Tensor): (Tensor | null)[] {
  const dx = makeOp('MirrorPadGrad', [dy, op.inputs[1]], { mode: op.attrs.mode }, { defaultName: 'MirrorPadGrad' }).outputs[0];
  return [dx, null];
}
