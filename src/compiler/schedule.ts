// schedule: assigns value slots to tensors and computes where each slot is last used (free at last use).
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { getOpDef } from '../ops/registry.ts';
import type { CompileRequest, Plan, PlanStep } from './plan.ts';

export function schedule(order: Operation[], req: CompileRequest): Plan {
  const slotOf = new Map<Tensor, number>();
  const slot = (t: Tensor) => {
    let s = slotOf.get(t);
    if (s === undefined) slotOf.set(t, (s = slotOf.size));
    return s;
  };
  const fed = new Set(req.feeds);
  const feeds = req.feeds.map((t) => [t, slot(t)] as const);
  const scheduled = new Set(order);
  const isRef = (op: Operation, k: number) => getOpDef(op.type).refInputs?.includes(k) ?? false;
  // An unfed input whose producer is not scheduled is a variable read at use.
  const readAtUse = (t: Tensor) => !fed.has(t) && !scheduled.has(t.op) && (getOpDef(t.op.type).readAtUse ?? false);
  const lastUse = new Map<number, number>();
  order.forEach((op, i) => op.inputs.forEach((t, k) => {
    if (!isRef(op, k) && !readAtUse(t)) lastUse.set(slot(t), i);
  }));
  const fetchSlots = req.fetches.map(slot);
  const pinned = new Set(fetchSlots);
  const freeAt: number[][] = order.map(() => []);
  for (const [s, i] of lastUse) if (!pinned.has(s)) freeAt[i].push(s);
  const steps: PlanStep[] = order.map((op, i) => ({
    op,
    def: getOpDef(op.type),
    inputs: op.inputs.map((t, k) => (isRef(op, k) || readAtUse(t) ? -1 : slotOf.get(t)!)),
    varReads: op.inputs.map((t, k) => (!isRef(op, k) && readAtUse(t) ? t.op : null)),
    outputs: op.outputs.map((t) => (fed.has(t) || !slotOf.has(t) ? -1 : slotOf.get(t)!)),
    free: freeAt[i].sort((a, b) => a - b),
  }));
  // A fed slot that nothing reads and nobody fetches is freed before the first step.
  const freeFirst = feeds.filter(([, s]) => !lastUse.has(s) && !pinned.has(s)).map(([, s]) => s);
  const unfedPlaceholders = order.filter((op) => op.type === 'Placeholder');
  return { steps, feeds, fetches: fetchSlots, numSlots: slotOf.size, freeFirst, unfedPlaceholders };
}
