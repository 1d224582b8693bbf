// `npm run bench [-- W2 wasm eager ... --rounds=N]`: runs each (workload, backend, implementation) in a child process,
// N interleaved rounds (default 2; each cell keeps its best median, which damps noise from other load on a shared
// machine), and prints the table. Filters are any mix of workload ids, backends and implementation names; a full run
// also writes bench/RESULTS.md (a filtered run writes it only with --write).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BACKENDS, IMPLS, WORKLOADS, type Backend, type Impl, type Result, type WorkloadId } from './common.ts';
import { MARK } from './one.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const rounds = Math.max(1, Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 2) || 1);
const filters = args.filter((a) => a !== '--write' && !a.startsWith('--rounds='));
const unknown = filters.filter((a) => ![...WORKLOADS, ...BACKENDS, ...IMPLS].includes(a as never));
if (unknown.length) {
  console.error(`unknown argument(s) ${unknown.join(' ')}; use any of ${[...WORKLOADS, ...BACKENDS, ...IMPLS].join(' ')} and --write`);
  process.exit(2);
}
const pick = <T extends string>(all: T[]): T[] => (all.some((x) => filters.includes(x)) ? all.filter((x) => filters.includes(x)) : all);
const workloads = pick(WORKLOADS);
const backends = pick(BACKENDS);
const impls = pick(IMPLS);

function torchNote(): string {
  const r = spawnSync('python3', ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? `PyTorch ${r.stdout.trim()}: installed, but no PyTorch workloads are implemented here` : 'PyTorch: not installed';
}

function runChild(w: WorkloadId, impl: Impl, backend: Backend): Result {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'one.ts'), w, impl, backend],
    { cwd: root, encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 24 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(MARK));
  if (line) return JSON.parse(line.slice(MARK.length)) as Result;
  const why = r.error ? r.error.message : `exit ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
  return { workload: w, impl, backend, ok: false, error: why };
}

const f1 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const f0 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(0));
const lossCell = (r: Result | undefined) =>
  !r?.ok ? '—' : `${r.firstLoss!.toPrecision(3)}→${r.lastLoss!.toPrecision(3)}${r.lastLoss! < r.firstLoss! ? '' : ' ✗'}`;

function table(results: Result[]): string[] {
  const get = (w: WorkloadId, b: Backend, i: Impl) => results.find((r) => r.workload === w && r.backend === b && r.impl === i);
  const ms = (r: Result | undefined) => (r?.ok ? `${f1(r.msPerStep)} (${f1(r.cpuMsPerStep)})` : r ? 'error' : '');
  const ratioOf = (t: Result | undefined, peers: (Result | undefined)[], k: 'msPerStep' | 'cpuMsPerStep') => {
    const ok = peers.filter((r) => r?.ok).map((r) => r![k]!);
    return t?.ok && ok.length ? `${(Math.min(...ok) / t[k]!).toFixed(2)}×` : '—';
  };
  const lines = [
    '| workload | backend | tfgraph ms/step (cpu) | layers ms/step (cpu) | eager ms/step (cpu) | fastest peer / tfgraph (cpu) | peak RSS MB (tfgraph / layers / eager) | tfgraph build / build+compile+1st run ms | 1st step at ms (tfgraph / layers / eager) |',
    '|---|---|---:|---:|---:|---:|---|---|---|',
  ];
  const lossLines = ['| workload | backend | tfgraph loss | layers loss | eager loss | timed steps (tfgraph / layers / eager) |', '|---|---|---|---|---|---|'];
  for (const w of workloads) {
    for (const b of backends) {
      const [t, l, e] = IMPLS.map((i) => get(w, b, i));
      if (!t && !l && !e) continue;
      const ratio = `${ratioOf(t, [l, e], 'msPerStep')} (${ratioOf(t, [l, e], 'cpuMsPerStep')})`;
      const rss = [t, l, e].map((r) => (r ? f0(r.rssMB) : '')).join(' / ');
      const first = [t, l, e].map((r) => (r?.ok ? f0(r.firstStepAt) : '')).join(' / ');
      const compile = t?.ok ? `${f1(t.buildMs)} / ${f1(t.compileMs)}` : '—';
      lines.push(`| ${w} | ${b} | ${ms(t)} | ${ms(l)} | ${ms(e)} | ${ratio} | ${rss} | ${compile} | ${first} |`);
      lossLines.push(`| ${w} | ${b} | ${lossCell(t)} | ${lossCell(l)} | ${lossCell(e)} | ${[t, l, e].map((r) => r?.steps ?? '').join(' / ')} |`);
    }
  }
  const errors = results.filter((r) => !r.ok).map((r) => `- ${r.workload} ${r.impl} ${r.backend}: ${r.error}`);
  return [...lines, '', 'Loss (first → last step; ✗ = did not fall):', '', ...lossLines, ...(errors.length ? ['', 'Errors:', ...errors] : [])];
}

const started = Date.now();
const results: Result[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const w of workloads) {
    for (const b of backends) {
      for (const i of impls) {
        const t0 = Date.now();
        const r = runChild(w, i, b);
        process.stderr.write(`[${round}/${rounds}] ${w} ${b} ${i}: ${r.ok ? `${f1(r.msPerStep)} ms/step (${r.steps} steps)` : `error: ${r.error}`} ` +
          `[${((Date.now() - t0) / 1000).toFixed(1)} s]\n`);
        const k = results.findIndex((x) => x.workload === w && x.backend === b && x.impl === i);
        if (k < 0) results.push(r);
        else if (r.ok && (!results[k].ok || r.msPerStep! < results[k].msPerStep!)) results[k] = r;
      }
    }
  }
}
const torch = torchNote();
const out = table(results);
console.log('\n' + out.join('\n'));
console.log(`\n${torch}. Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);

if (write || filters.length === 0) {
  const cmd = `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`;
  const md = [
    '# Benchmark results',
    '',
    `Command: \`${cmd}\` — ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, Node ${process.version}, ` +
      `tfjs 4.22, ${(await import('node:os')).cpus().length} cores. Median ms per training step (warm-up excluded), best of ${rounds} ` +
      'interleaved rounds; each cell ran in its own process. "fastest peer / tfgraph" > 1 means tfgraph is faster. Build = graph construction incl. ' +
      '`minimize`; build+compile+1st run = from the first graph op to the end of the first training `sess.run`. ' +
      'In parentheses: median process CPU time per step and the ratio computed from it (less sensitive to other load). ' +
      '"1st step at" = ms since process start at the end of the first training step. ' + torch + '.',
    '',
    ...out,
    '',
    `Load average while this ran: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on the machine inflates every column).`,
    '',
    'Notes:',
    '- W3 loss: TF1\'s RMSPropOptimizer starts its `rms` slot at ones (tfgraph follows TF1), tfjs\'s `rmsprop` at zeros, so',
    '  the peers take much larger first steps; the work per step is the same.',
    '- The umbrella `@tensorflow/tfjs` and tfgraph coexist in one process (`BENCH_MIXED=1 node --import tsx bench/one.ts W2 tfgraph wasm`',
    '  gives the same losses); cells still run in separate processes so each peak RSS is its own.',
    '- `npx tsx bench/profile.ts W3 wasm [tfgraph|eager|layers]` shows where a step\'s time goes per op type and tfjs kernel.',
    '- cpu: tfgraph runs its own JS kernels where tfjs-cpu\'s are slow (compiler passes `fuse` and `elementwise`, cpu only):',
    '  every float32 MatMul as a 4×4 register-blocked JS matmul (3–5× tfjs-cpu\'s BatchMatMul), trees of elementwise ops as',
    '  one generated loop per expression (`_FusedElementwise`), float32 Sums over contiguous axes (`_ReduceSum`), and each',
    '  Apply* optimizer update as one loop per variable; these three are bit-identical to the tfjs-cpu ops they replace,',
    '  the matmul (float64 sums) within float32 rounding.',
    '',
  ];
  writeFileSync(join(here, 'RESULTS.md'), md.join('\n'));
  console.log('wrote bench/RESULTS.md');
}
