// The compiler pipeline, top to bottom: prune the graph to what the request needs, then schedule it.
import type { Plan, CompileRequest } from './plan.ts';
import { prune } from './prune.ts';
import { schedule } from './schedule.ts';

export function compile(req: CompileRequest): Plan {
  const ops = prune(req);
  return schedule(ops, req);
}
