// sess.explain: what each pass did (node counts, changes), the final plan as printer lines, and the peak-memory estimate.
import type { Plan } from './plan.ts';

export interface Explanation {
  passes: { name: string; before: number; after: number; details: string[] }[];
  /** Most bytes live at once, from static shapes; a lower bound when peakUnknownDims. */
  peakBytes: number;
  peakUnknownDims: boolean;
  text: string;
}

export function explainPlan(plan: Plan): Explanation {
  const report = plan.report ?? [];
  // The schedule entry carries the plan's lines; the other entries carry their changes.
  const passes = report.map((r) => ({ name: r.name, before: r.before, after: r.after, details: r.name === 'schedule' ? [] : [...r.details] }));
  const lines: string[] = [];
  for (const r of report) {
    if (r.name === 'schedule') continue;
    lines.push(`${r.name}: ${r.before} → ${r.after} nodes`);
    for (const d of r.details) lines.push(`  ${d}`);
  }
  const planLines = report.find((r) => r.name === 'schedule')?.details ?? [];
  lines.push(`plan: ${plan.steps.length} steps`);
  for (const l of planLines) lines.push(`  ${l}`);
  const unknown = plan.peakUnknownDims ? ' (lower bound: unknown dims counted as 1)' : '';
  lines.push(`peak memory: ${plan.peakBytes} bytes${unknown}`);
  return { passes, peakBytes: plan.peakBytes, peakUnknownDims: plan.peakUnknownDims, text: lines.join('\n') };
}
