// prune: the ops the fetches and targets need, stopping at fed tensors; returned in creation (topological) order.
import type { Operation } from '../graph/graph.ts';
import type { CompileRequest } from './plan.ts';
import { getOpDef } from '../ops/registry.ts';

export function prune(req: CompileRequest): Operation[] {
  const fed = new Set(req.feeds);
  const needed = new Set<Operation>();
  const stack: Operation[] = [];
  const want = (op: Operation) => {
    if (!needed.has(op)) {
      needed.add(op);
      stack.push(op);
    }
  };
  for (const t of req.fetches) if (!fed.has(t)) want(t.op);
  for (const op of req.targets) want(op);
  while (stack.length) {
    const op = stack.pop()!;
    const refs = getOpDef(op.type).refInputs;
    op.inputs.forEach((t, i) => {
      // References are not evaluated; variables are read by their consumers when those run.
      if (!fed.has(t) && !refs?.includes(i) && !getOpDef(t.op.type).readAtUse) want(t.op);
    });
    for (const c of op.control_inputs) want(c);
  }
  // Ops are created after their inputs and control inputs, so id order is a deterministic topological order.
  return [...needed].sort((a, b) => a.id - b.id);
}
