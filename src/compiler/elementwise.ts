// elementwise (cpu): trees of float32 elementwise ops whose inner values have one reader → one _FusedElementwise (a JS loop);
// float32 Sums run _ReduceSum's JS loop (cpu and wasm).
import type { Tensor } from '../graph/tensor.ts';
import type { Shape } from '../graph/shape.ts';
import { isPure } from '../ops/registry.ts';
import { ELEMENTWISE_OPS } from '../ops/fused/elementwise_expr.ts';
import { constValueOf, newNode, withKernel, producerMap, rewritable, sweep, Subst, useCounts, type Node, type Pass } from './ir.ts';

/**
 * tfjs-cpu's elementwise kernels cost ~30–120 µs on 4k elements (generic broadcasting index math per element); the
 * generated loop costs a few µs for a whole tree, so even a lone op is replaced. The root stays where it was (its
 * variable reads keep their timing); inner nodes move to the root, so they must be rewritable and read only there.
 */
export const elementwise: Pass = {
  name: 'elementwise',
  run(ir, details, ctx) {
    if (ctx.backend === 'wasm') return reduceSums(ir, details);
    if (ctx.backend !== 'cpu') return ir;
    const producers = producerMap(ir);
    const uses = useCounts(ir);
    const fetched = new Set(ir.fetches);
    const candidate = (n: Node) => n.type in ELEMENTWISE_OPS && n.outputs.length === 1 && n.outputs[0].dtype === 'float32' &&
      n.inputs.every((t) => t.dtype === 'float32') && isPure(n.def) && !n.ctrl.length && !ir.pinned.has(n.op);
    const absorbed = new Set<Node>();
    const replaced = new Map<Node, Node>();
    const subst = new Subst();
    for (let i = ir.nodes.length - 1; i >= 0; i--) {
      const root = ir.nodes[i];
      if (root.type === 'Sum' && root.outputs[0].dtype === 'float32') replaced.set(root, withKernel(root, '_ReduceSum', root.inputs, root.attrs));
      if (absorbed.has(root) || !candidate(root)) continue;
      const rootShape = root.outputs[0].staticShape;
      const leaves: Tensor[] = [];
      const members: Node[] = [root];
      const inner = (t: Tensor, p: Node | undefined): p is Node => !!p && !absorbed.has(p) && candidate(p) &&
        rewritable(ir, p, producers) && uses.get(t) === 1 && !fetched.has(t) && !ir.fed.has(t) && maybeSame(t.staticShape, rootShape);
      const term = (n: Node): string => `${n.type}(${n.inputs.map(arg).join(',')})`;
      const arg = (t: Tensor): string => {
        const p = producers.of(t);
        if (inner(t, p)) {
          absorbed.add(p);
          members.push(p);
          return term(p);
        }
        const lit = literal(t, p && producers, rootShape);
        if (lit !== null) return lit;
        let k = leaves.indexOf(t);
        if (k < 0) k = leaves.push(t) - 1;
        return `$${k}`;
      };
      const expr = term(root);
      if (members.length === 1) {
        replaced.set(root, withKernel(root, '_FusedElementwise', leaves, { expr }));
      } else {
        const f = newNode(root.op, root.id, root.op.name, '_FusedElementwise', leaves, { expr }, [{ dtype: 'float32', shape: rootShape }]);
        replaced.set(root, f);
        subst.set(root.outputs[0], f.outputs[0]);
      }
      details.push(`${members.length} op(s) ${members.map((m) => m.op.name).join(', ')} → _FusedElementwise ${expr}`);
    }
    if (!replaced.size) return ir;
    ir.nodes = ir.nodes.filter((n) => !absorbed.has(n)).map((n) => replaced.get(n) ?? n);
    subst.apply(ir);
    sweep(ir);
    return ir;
  },
};

/** wasm: only the Sums (its native elementwise kernels beat JS loops; its Sum over leading axes is a Transpose + Sum). */
function reduceSums(ir: Parameters<Pass['run']>[0], details: string[]) {
  let n = 0;
  ir.nodes = ir.nodes.map((node) => {
    if (node.type !== 'Sum' || node.outputs[0].dtype !== 'float32') return node;
    n++;
    return withKernel(node, '_ReduceSum', node.inputs, node.attrs);
  });
  if (n) details.push(`${n} Sum(s) → _ReduceSum (wasm JS loop)`);
  return ir;
}

/** Same rank and no two known dims that differ (unknown dims are checked again by the kernel at run time). */
function maybeSame(a: Shape, b: Shape): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/** A one-element float32 constant that cannot change the output's rank, as a literal (exact: float32 → double → text). */
function literal(t: Tensor, producers: ReturnType<typeof producerMap> | undefined, rootShape: Shape): string | null {
  const v = producers ? constValueOf(t, producers) : null;
  if (!v || v.dtype !== 'float32' || v.data.length !== 1 || rootShape === null || v.shape.length > rootShape.length) return null;
  const x = v.data[0] as number;
  return Object.is(x, -0) ? '-0' : String(x);
}
