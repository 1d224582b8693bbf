// tf.gradients: reverse-mode differentiation over the graph, building gradient ops from each op's registered grad.
import { get_default_graph } from '../graph/default.ts';
import type { Graph, Operation } from '../graph/graph.ts';
import { Tensor } from '../graph/tensor.ts';
import { isFloating } from '../graph/dtypes.ts';
import { shapesCompatible, formatShape } from '../graph/shape.ts';
import { getOpDef, makeOp } from '../ops/registry.ts';
import { isTensorLike, toTensor } from '../ops/convert.ts';
import { Variable } from '../variables/variable.ts';

export interface GradientsOptions { name?: string; stop_gradients?: unknown[]; unconnected_gradients?: 'none' | 'zero' }

/** The graph tensor a gradient is taken with respect to (a variable's reference, as TF1 does). */
function asX(x: unknown): Tensor {
  if (x instanceof Variable) return x.ref;
  if (isTensorLike(x)) return x._asTensor();
  if (x instanceof Tensor) return x;
  throw new TypeError(`tf.gradients: xs must be Tensors or Variables, got ${String(x)}`);
}

function asList<T>(v: T | T[] | null | undefined): T[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Σ over ys of ∂(Σ y·grad_y)/∂x for each x; null where x is not connected to any y (or only through
 * non-differentiable ops and stop_gradient).
 */
export function gradients(ys: unknown, xs: unknown, grad_ys?: unknown, opts: GradientsOptions = {}): (Tensor | null)[] {
  const yList = asList(ys).map((y) => toTensor(y));
  const xList = asList(xs).map(asX);
  const gyList = asList(grad_ys as unknown[]);
  if (gyList.length && gyList.length !== yList.length) {
    throw new Error(`ValueError: Passed ${gyList.length} grad_ys for ${yList.length} ys`);
  }
  const g = yList[0]?.graph ?? get_default_graph();
  const stops = new Set(asList(opts.stop_gradients).map((t) => asX(t).op));
  return g.as_default(() => g.name_scope(opts.name ?? 'gradients', () => {
    const between = opsBetween(g, yList, xList, stops);
    const grads = new Map<Tensor, Tensor[]>();
    const addGrad = (t: Tensor, dt: Tensor | null) => {
      if (dt === null) return;
      const list = grads.get(t);
      if (list) list.push(dt);
      else grads.set(t, [dt]);
    };
    yList.forEach((y, i) => addGrad(y, initialGrad(y, gyList[i], i)));
    const xSet = new Set(xList);
    // Ids are a topological order, so descending ids visit every consumer before its producer.
    const order = [...between].sort((a, b) => b.id - a.id);
    for (const op of order) {
      const outGrads = op.outputs.map((t) => sumGrads(grads.get(t) ?? null, t));
      op.outputs.forEach((t, i) => {
        if (outGrads[i]) grads.set(t, [outGrads[i]!]);
      });
      if (outGrads.every((d) => d === null) || stops.has(op)) continue;
      const def = getOpDef(op.type);
      if (def.nondiff) continue;
      if (!def.grad) throw new Error(`LookupError: No gradient defined for operation '${op.name}' (op type: ${op.type})`);
      const inGrads = g.name_scope(`${op.name}_grad`, () => def.grad!(op, outGrads));
      op.inputs.forEach((t, i) => {
        const dt = inGrads[i] ?? null;
        if (dt !== null && isFloating(t.dtype) && (between.has(t.op) || xSet.has(t))) addGrad(t, dt);
      });
    }
    return xList.map((x) => {
      const list = grads.get(x);
      const dx = list ? sumGrads(list, x) : null;
      if (dx === null && opts.unconnected_gradients === 'zero') return makeOp('ZerosLike', [x], {}, { defaultName: 'zeros_like' }).outputs[0];
      return dx;
    });
  }));
}

/** The ops on some path from an x to a y (forward-reachable from xs and backward-reachable from ys). */
function opsBetween(g: Graph, ys: Tensor[], xs: Tensor[], stops: Set<Operation>): Set<Operation> {
  const reached = new Set<Operation>();
  const stack: Operation[] = [];
  for (const x of xs) for (const c of x.consumers()) stack.push(c);
  while (stack.length) {
    const op = stack.pop()!;
    if (reached.has(op)) continue;
    reached.add(op);
    if (stops.has(op)) continue;
    for (const t of op.outputs) for (const c of g._consumers(t)) if (!reached.has(c)) stack.push(c);
  }
  const between = new Set<Operation>();
  const back: Operation[] = ys.map((y) => y.op).filter((op) => reached.has(op));
  while (back.length) {
    const op = back.pop()!;
    if (between.has(op)) continue;
    between.add(op);
    for (const t of op.inputs) if (reached.has(t.op) && !between.has(t.op)) back.push(t.op);
  }
  return between;
}

function initialGrad(y: Tensor, gy: unknown, i: number): Tensor {
  if (gy === undefined || gy === null) {
    if (!isFloating(y.dtype)) throw new TypeError(`tf.gradients: ys must be floating-point tensors, got ${y.name} of dtype ${y.dtype}`);
    return makeOp('OnesLike', [y], {}, { name: `grad_ys_${i}` }).outputs[0];
  }
  const t = toTensor(gy, { dtype: y.dtype });
  if (!shapesCompatible(t.staticShape, y.staticShape)) {
    throw new Error(`ValueError: Incompatible shapes between op input and calculated input gradient. grad_ys[${i}] has shape ${formatShape(t.staticShape)} but ys[${i}] (${y.name}) has shape ${formatShape(y.staticShape)}`);
  }
  return t;
}

/** Sums the contributions to one tensor's gradient (AddN, as TF1's default aggregation). */
function sumGrads(list: Tensor[] | null, _t: Tensor): Tensor | null {
  if (!list || list.length === 0) return null;
  if (list.length === 1) return list[0];
  return makeOp('AddN', list, {}, { defaultName: 'AddN' }).outputs[0];
}
