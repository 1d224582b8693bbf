// The compiler pipeline, top to bottom: prune, then the optimizing passes over a separate IR, then schedule.
import type { Plan, CompileRequest, CompileOptions, PassReport } from './plan.ts';
import { prune } from './prune.ts';
import { buildIR, nodeToText, type Pass } from './ir.ts';
import { fold } from './fold.ts';
import { cse } from './cse.ts';
import { simplify } from './simplify.ts';
import { fuse } from './fuse.ts';
import { elementwise } from './elementwise.ts';
import { layout } from './layout.ts';
import { schedule } from './schedule.ts';

/** The optimizing passes in order; each can be disabled by name. Passes run after autodiff, on the IR only. */
export const PASSES: readonly Pass[] = [
  fold,     // constant subgraphs evaluated once with their own kernels
  cse,      // identical pure ops merged
  simplify, // x*1, x+0, identities, no-op casts/reshapes, double transposes, reshape chains
  fuse,     // MatMul + bias + relu/sigmoid (+ tanh on cpu) → _FusedMatMul; cpu: every float32 MatMul (JS kernel)
  elementwise, // cpu: trees of elementwise ops → _FusedElementwise (one generated JS loop)
  layout,   // wasm: transposed matmul operands materialised for the NN kernel
];

export const PASS_NAMES: readonly string[] = ['prune', ...PASSES.map((p) => p.name), 'schedule'];

/** Checks a `disable` list against the pass names (a typo would silently keep a pass on). */
export function checkPassNames(names: readonly string[]): void {
  for (const n of names) {
    if (!PASSES.some((p) => p.name === n)) {
      throw new Error(`Unknown compiler pass '${n}': the passes that can be disabled are ${PASSES.map((p) => `'${p.name}'`).join(', ')}`);
    }
  }
}

export function compile(req: CompileRequest, options: CompileOptions = {}): Plan {
  const ops = prune(req);
  const unfedPlaceholders = ops.filter((op) => op.type === 'Placeholder');
  let ir = buildIR(ops, req);
  const report: PassReport[] = [];
  const text = (lines: string[]) => (options.explain ? lines : []);
  report.push({ name: 'prune', before: ops.length, after: ops.length, details: [] });
  const on = options.optimize !== false;
  const ctx = { backend: options.backend ?? 'cpu' };
  for (const pass of PASSES) {
    if (!on || options.disable?.includes(pass.name)) continue;
    const before = ir.nodes.length;
    const details: string[] = [];
    ir = pass.run(ir, details, ctx);
    report.push({ name: pass.name, before, after: ir.nodes.length, details: text(details) });
  }
  const plan = schedule({ nodes: ir.nodes, fetches: ir.fetches, feeds: req.feeds, unfedPlaceholders });
  report.push({ name: 'schedule', before: ir.nodes.length, after: plan.steps.length, details: text(ir.nodes.map(nodeToText)) });
  return { ...plan, options, report: options.explain ? report : undefined };
}
