// Where a training step's time goes: `npx tsx bench/profile.ts W1 wasm [tfgraph|eager|layers] [steps]`.
// Timing hooks live here only: every tfjs kernel registered for the backend is wrapped (shared registry, so this works
// for tfgraph's direct kernel calls and for the peers' engine calls alike), and for tfgraph every op definition's
// kernel is wrapped too, with exclusive times (a Loop op's time excludes the ops of its body, which are counted
// under their own types). Whatever the kernels do not account for is framework overhead (executor, tape, tidy, JS).
import * as tfc from '@tensorflow/tfjs-core';
import { BACKENDS, IMPLS, WORKLOADS, type Backend, type Impl, type WorkloadId } from './common.ts';

const [w = 'W1', backend = 'wasm', impl = 'tfgraph', stepsArg = '20'] = process.argv.slice(2) as [WorkloadId, Backend, Impl, string];
if (!WORKLOADS.includes(w) || !BACKENDS.includes(backend) || !IMPLS.includes(impl)) {
  console.error(`usage: npx tsx bench/profile.ts <${WORKLOADS.join('|')}> <${BACKENDS.join('|')}> [${IMPLS.join('|')}] [steps]`);
  process.exit(2);
}
const steps = Math.max(1, Number(stepsArg) || 20);

interface Acc { calls: number; ms: number }
const kernelAcc = new Map<string, Acc>();
const opAcc = new Map<string, Acc>();
let recording = false;
const add = (m: Map<string, Acc>, k: string, ms: number) => {
  let a = m.get(k);
  if (!a) m.set(k, (a = { calls: 0, ms: 0 }));
  a.calls++;
  a.ms += ms;
};

/** Wraps every tfjs kernel of `backend` in place (getKernel hands out the registry's own config objects). */
function hookKernels(b: Backend): void {
  let depth = 0; // kernels that call kernels (through the engine) count only at the outermost level
  for (const cfg of tfc.getKernelsForBackend(b)) {
    const inner = cfg.kernelFunc;
    const name = cfg.kernelName;
    (cfg as { kernelFunc: typeof inner }).kernelFunc = (args) => {
      if (!recording || depth > 0) return inner(args);
      depth++;
      const t0 = performance.now();
      try {
        return inner(args);
      } finally {
        depth--;
        add(kernelAcc, name, performance.now() - t0);
      }
    };
  }
}

/** Wraps tfgraph's op definitions: exclusive time per graph op type. */
async function hookOps(): Promise<void> {
  const { allOpDefs } = await import('../src/ops/registry.ts');
  const stack: number[] = []; // child time accumulated for each active op
  for (const def of allOpDefs()) {
    const inner = def.kernel.bind(def);
    (def as { kernel: typeof inner }).kernel = (ctx) => {
      if (!recording) return inner(ctx);
      stack.push(0);
      const t0 = performance.now();
      try {
        return inner(ctx);
      } finally {
        const total = performance.now() - t0;
        const child = stack.pop()!;
        if (stack.length) stack[stack.length - 1] += total;
        add(opAcc, def.type, total - child);
      }
    };
  }
}

async function setup(): Promise<() => number | Promise<number>> {
  if (impl === 'tfgraph') {
    const { buildTfgraph } = await import('./impl_tfgraph.ts');
    await hookOps();
    hookKernels(backend);
    return buildTfgraph(w, backend).step;
  }
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  tf.enableProdMode();
  if (!(await tf.setBackend(backend))) throw new Error(`no backend ${backend}`);
  hookKernels(backend);
  return impl === 'eager' ? (await import('./impl_eager.ts')).EAGER[w]() : (await import('./impl_layers.ts')).LAYERS[w]();
}

const step = await setup();
for (let i = 0; i < 3; i++) await step(); // compile and warm up, unrecorded
recording = true;
const t0 = performance.now();
for (let i = 0; i < steps; i++) await step();
const stepMs = (performance.now() - t0) / steps;
recording = false;

function report(title: string, m: Map<string, Acc>, limit = 25): number {
  const rows = [...m.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const sum = rows.reduce((s, [, a]) => s + a.ms, 0) / steps;
  console.log(`\n${title}: ${sum.toFixed(2)} ms/step in ${rows.reduce((s, [, a]) => s + a.calls, 0) / steps} calls/step`);
  console.log('  ' + 'name'.padEnd(34) + 'calls/step'.padStart(11) + 'ms/step'.padStart(10) + '% step'.padStart(8) + 'µs/call'.padStart(10));
  for (const [name, a] of rows.slice(0, limit)) {
    const ms = a.ms / steps;
    console.log('  ' + name.padEnd(34) + String(a.calls / steps).padStart(11) + ms.toFixed(3).padStart(10) +
      ((100 * ms) / stepMs).toFixed(1).padStart(8) + ((1000 * a.ms) / a.calls).toFixed(1).padStart(10));
  }
  if (rows.length > limit) console.log(`  … ${rows.length - limit} more`);
  return sum;
}

console.log(`${w} ${impl} on ${backend}: ${stepMs.toFixed(2)} ms/step over ${steps} steps (with timing hooks)`);
if (impl === 'tfgraph') report('graph ops (exclusive, includes executor work inside kernels)', opAcc);
const kernels = report('tfjs kernels', kernelAcc);
console.log(`\noutside tfjs kernels (executor/tape/tidy/feeds/fetches/JS): ${(stepMs - kernels).toFixed(2)} ms/step ` +
  `(${((100 * (stepMs - kernels)) / stepMs).toFixed(1)}%)`);
process.exit(0);
