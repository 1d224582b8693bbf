// One benchmark cell in its own process: `node --import tsx bench/one.ts W1 tfgraph wasm` prints one JSON Result line.
// Each implementation gets a clean process, so peak RSS is its own and the umbrella @tensorflow/tfjs never meets tfgraph
// (set BENCH_MIXED=1 to import @tensorflow/tfjs into a tfgraph process anyway, to check that they coexist).
import { IMPLS, BACKENDS, WORKLOADS, stepPlan, timeSteps, type Backend, type Impl, type Result, type WorkloadId } from './common.ts';

export const MARK = '@@bench-result ';

async function initPeerBackend(backend: Backend): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  tf.enableProdMode();
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs could not initialise backend ${backend}`);
  await tf.ready();
}

async function runTfgraph(w: WorkloadId, backend: Backend, r: Result): Promise<void> {
  if (process.env.BENCH_MIXED) await import('@tensorflow/tfjs');
  const { buildTfgraph } = await import('./impl_tfgraph.ts');
  const t0 = performance.now();
  const m = buildTfgraph(w, backend);
  let firstRunEnd = 0;
  let first = true;
  const timed = await timeSteps(stepPlan(w, backend, 'tfgraph'), () => {
    const l = m.step();
    if (first) { firstRunEnd = performance.now(); first = false; }
    return l;
  });
  m.sess.close();
  Object.assign(r, timed, { buildMs: m.buildMs, compileMs: firstRunEnd - t0 });
}

async function runPeer(w: WorkloadId, impl: Impl, backend: Backend, r: Result): Promise<void> {
  await initPeerBackend(backend);
  const build = impl === 'eager' ? (await import('./impl_eager.ts')).EAGER[w] : (await import('./impl_layers.ts')).LAYERS[w];
  const t0 = performance.now();
  const step = build();
  r.buildMs = performance.now() - t0;
  Object.assign(r, await timeSteps(stepPlan(w, backend, impl), step));
}

export async function runOne(w: WorkloadId, impl: Impl, backend: Backend): Promise<Result> {
  const r: Result = { workload: w, impl, backend, ok: false };
  try {
    if (impl === 'tfgraph') await runTfgraph(w, backend, r);
    else await runPeer(w, impl, backend, r);
    r.ok = Number.isFinite(r.msPerStep);
  } catch (e) {
    r.error = ((e as Error).stack ?? String(e)).split('\n').slice(0, 4).join(' | ');
  }
  r.rssMB = process.resourceUsage().maxRSS / 1024;
  return r;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ''));
if (isMain) {
  const [w, impl, backend] = process.argv.slice(2) as [WorkloadId, Impl, Backend];
  if (!WORKLOADS.includes(w) || !IMPLS.includes(impl) || !BACKENDS.includes(backend)) {
    console.error(`usage: node --import tsx bench/one.ts <${WORKLOADS.join('|')}> <${IMPLS.join('|')}> <${BACKENDS.join('|')}>`);
    process.exit(2);
  }
  const r = await runOne(w, impl, backend);
  process.stdout.write(MARK + JSON.stringify(r) + '\n');
  process.exit(0);
}
