// The gradient of a Loop: a reverse Loop whose body recomputes one forward step and differentiates it.
import { get_default_graph } from '../../graph/default.ts';
import { FuncGraph } from '../../graph/func_graph.ts';
import type { Operation } from '../../graph/graph.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { isFloating } from '../../graph/dtypes.ts';
import { makeOp } from '../registry.ts';
import { copyGraph } from './copy_graph.ts';
import type { LoopAttrs } from './loop_op.ts';

/** Late-bound tf.gradients and zeros_like (the autodiff and array layers sit above the ops layer). */
export const loopGradHooks: {
  gradients?: (ys: Tensor[], xs: Tensor[], grad_ys: Tensor[]) => (Tensor | null)[];
  zerosLike?: (t: Tensor) => Tensor;
  add?: (a: Tensor, b: Tensor) => Tensor;
} = {};

function placeholder(g: FuncGraph, like: Tensor, shape = like.staticShape): Tensor {
  return makeOp('Placeholder', [], { dtype: like.dtype, shape }, { graph: g, defaultName: 'grad_input' }).outputs[0];
}

export function loopGrad(op: Operation, grads: (Tensor | null)[]): (Tensor | null)[] {
  const { gradients, zerosLike, add } = loopGradHooks as Required<typeof loopGradHooks>;
  const a = op.attrs as unknown as LoopAttrs;
  const { nSeq, nCarry, nOut, nSaved } = a;
  const nCap = op.inputs.length - nSeq - nCarry;
  if (grads.slice(nCarry + nOut, nCarry + nOut + nCarry).some((g) => g !== null)) {
    throw new Error(`LookupError: gradients through the per-step carry history of loop '${op.name}' are not supported`);
  }
  const seqs = op.inputs.slice(0, nSeq);
  const caps = op.inputs.slice(nSeq + nCarry);
  const finals = op.outputs.slice(0, nCarry);
  const stackedOuts = op.outputs.slice(nCarry, nCarry + nOut);
  const history = op.outputs.slice(nCarry + nOut, nCarry + nOut + nCarry);
  const saved = op.outputs.slice(nCarry + nOut + nCarry);
  const randomOuts = a.bodyOutputs.slice(nCarry + nOut);
  const outer = get_default_graph();
  const gb = new FuncGraph(outer, `${op.name}_grad_body`);
  const bodyIn = a.bodyInputs;
  const built = gb.as_default(() => {
    const xPh = bodyIn.slice(0, nSeq).map((t) => placeholder(gb, t));
    const cPh = bodyIn.slice(nSeq, nSeq + nCarry).map((t) => placeholder(gb, t));
    const doPh = a.bodyOutputs.slice(nCarry, nCarry + nOut).map((t) => placeholder(gb, t));
    const savedPh = randomOuts.map((t) => placeholder(gb, t));
    const dcPh = bodyIn.slice(nSeq, nSeq + nCarry).map((t) => placeholder(gb, t));
    const accPh = bodyIn.slice(nSeq + nCarry).map((t) => placeholder(gb, t));
    const capPh = bodyIn.slice(nSeq + nCarry).map((t) => placeholder(gb, t));
    const map = new Map<Tensor, Tensor>();
    [...xPh, ...cPh, ...capPh].forEach((p, i) => map.set(bodyIn[i], p));
    // The step's random draws are replayed from the forward loop, not drawn again.
    randomOuts.forEach((t, i) => map.set(t, savedPh[i]));
    copyGraph(a.body, map);
    const ys: Tensor[] = [];
    const gys: Tensor[] = [];
    a.bodyOutputs.slice(0, nCarry + nOut).forEach((t, i) => {
      if (!isFloating(t.dtype)) return;
      ys.push(map.get(t)!);
      gys.push(i < nCarry ? dcPh[i] : doPh[i - nCarry]);
    });
    const xs = [...xPh, ...cPh, ...capPh];
    const g = ys.length ? gradients(ys, xs, gys) : xs.map(() => null);
    const orZero = (d: Tensor | null, x: Tensor) => d ?? zerosLike(x);
    const dx = xPh.map((x, i) => orZero(g[i], x));
    const dc = cPh.map((x, i) => orZero(g[nSeq + i], x));
    const dcap = capPh.map((x, i) => {
      const d = g[nSeq + nCarry + i];
      return d === null ? accPh[i] : add(accPh[i], d);
    });
    return { xPh, cPh, doPh, savedPh, dcPh, accPh, capPh, outputs: [...dc, ...dcap, ...dx] };
  });
  const captured = gb.capturedOuter();
  const attrs: LoopAttrs = {
    body: gb,
    bodyInputs: [...built.xPh, ...built.cPh, ...built.doPh, ...built.savedPh, ...built.dcPh, ...built.accPh, ...built.capPh,
      ...captured.map((t) => gb.placeholderFor(t))],
    bodyOutputs: built.outputs,
    cond: null,
    nSeq: nSeq + nCarry + nOut + nSaved,
    nCarry: nCarry + nCap,
    nOut: nSeq,
    nSaved: 0,
    reverse: !a.reverse,
    maximum_iterations: null,
  };
  const dOuts = stackedOuts.map((t, i) => grads[nCarry + i] ?? zerosLike(t));
  const dFinals = finals.map((t, i) => grads[i] ?? zerosLike(t));
  const inputs = [...seqs, ...history, ...dOuts, ...saved, ...dFinals, ...caps.map(zerosLike), ...caps, ...captured];
  const gl = makeOp('Loop', inputs, attrs as unknown as Record<string, unknown>, { defaultName: 'while' });
  const dInit = gl.outputs.slice(0, nCarry);
  const dCaps = gl.outputs.slice(nCarry, nCarry + nCap);
  const dSeqs = gl.outputs.slice(nCarry + nCap, nCarry + nCap + nSeq);
  const keep = (t: Tensor, d: Tensor) => (isFloating(t.dtype) ? d : null);
  return [
    ...seqs.map((t, i) => keep(t, dSeqs[i])),
    ...op.inputs.slice(nSeq, nSeq + nCarry).map((t, i) => keep(t, dInit[i])),
    ...caps.map((t, i) => keep(t, dCaps[i])),
  ];
}
