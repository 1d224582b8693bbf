// Shared benchmark pieces: workload sizes, seeded data (identical for every implementation), timing loop, result record.

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4';
export type Impl = 'tfgraph' | 'layers' | 'eager';
export type Backend = 'wasm' | 'cpu';
export const WORKLOADS: WorkloadId[] = ['W1', 'W2', 'W3', 'W4'];
export const IMPLS: Impl[] = ['tfgraph', 'layers', 'eager'];
export const BACKENDS: Backend[] = ['wasm', 'cpu'];

/** mulberry32: a small seeded RNG in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- W1: the long-sentence char-rnn (170 windows of 10 characters over a 25-character set).
export const SENTENCE = "if you want to build a ship, don't drum up people together to collect wood and don't assign them " +
  'tasks and work, but rather teach them to long for the endless immensity of the sea.';
export const W1 = { seq: 10, hidden: 25, layers: 2, lr: 0.1 };
export function w1Data() {
  const chars = [...new Set(SENTENCE)];
  const idx = new Map(chars.map((c, i) => [c, i]));
  const classes = chars.length; // 25
  const batch = SENTENCE.length - W1.seq; // 170
  const x = new Int32Array(batch * W1.seq);
  const y = new Int32Array(batch * W1.seq);
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < W1.seq; t++) {
      x[b * W1.seq + t] = idx.get(SENTENCE[b + t])!;
      y[b * W1.seq + t] = idx.get(SENTENCE[b + t + 1])!;
    }
  }
  return { x, y, batch, classes };
}

// ---- W2: r2rt's binary sequences: P(y=1) = 0.5, +0.5 if x[t-3] = 1, -0.25 if x[t-8] = 1.
export const W2 = { batch: 200, seq: 10, classes: 2, state: 16, lr: 0.1 };
export function w2Data(seed = 42) {
  const rand = rng(seed);
  const n = W2.batch * W2.seq;
  const x = new Int32Array(n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) x[i] = rand() < 0.5 ? 0 : 1;
  for (let b = 0; b < W2.batch; b++) {
    for (let t = 0; t < W2.seq; t++) {
      let p = 0.5;
      if (t >= 3 && x[b * W2.seq + t - 3] === 1) p += 0.5;
      if (t >= 8 && x[b * W2.seq + t - 8] === 1) p -= 0.25;
      y[b * W2.seq + t] = rand() > p ? 0 : 1;
    }
  }
  return { x, y };
}

// ---- W3: MNIST-shaped rows: 28 steps of 28 features; the label is a (learnable) function of the image.
export const W3 = { batch: 128, seq: 28, features: 28, hidden: 128, classes: 10, lr: 0.001 };
export function w3Data(seed = 3) {
  const rand = rng(seed);
  const { batch, seq, features, classes } = W3;
  const x = new Float32Array(batch * seq * features);
  const y = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    const label = Math.floor(rand() * classes);
    y[b] = label;
    for (let t = 0; t < seq; t++) {
      for (let f = 0; f < features; f++) {
        // a bright band whose row position depends on the label, plus noise
        const band = Math.abs(t - (2 + label * 2.5)) < 2 ? 0.6 : 0;
        x[(b * seq + t) * features + f] = Math.min(1, band + rand() * 0.4);
      }
    }
  }
  return { x, y };
}

// ---- W4: Géron's time series t·sin(t)/3 + 2·sin(5t), predict the next value; batch 1, 30 steps.
export const W4 = { batch: 1, seq: 30, hidden: 100, lr: 0.001 };
export function w4Data(seed = 4) {
  const rand = rng(seed);
  const f = (t: number) => (t * Math.sin(t)) / 3 + 2 * Math.sin(5 * t);
  const t0 = rand() * (30 - 0.1 * (W4.seq + 1));
  const x = new Float32Array(W4.seq);
  const y = new Float32Array(W4.seq);
  for (let i = 0; i < W4.seq; i++) {
    x[i] = f(t0 + 0.1 * i);
    y[i] = f(t0 + 0.1 * (i + 1));
  }
  return { x, y };
}

/** One-hot [n, depth] (float32) from int ids. */
export function oneHot(ids: Int32Array, depth: number): Float32Array {
  const out = new Float32Array(ids.length * depth);
  ids.forEach((v, i) => { out[i * depth + v] = 1; });
  return out;
}

/** Rows of a [B, T, D] array taken at time t: [B, D]. */
export function timeSlice(data: Float32Array, B: number, T: number, D: number, t: number): Float32Array {
  const out = new Float32Array(B * D);
  for (let b = 0; b < B; b++) out.set(data.subarray((b * T + t) * D, (b * T + t + 1) * D), b * D);
  return out;
}

/** Step counts: warm-up steps, then timed steps until `max` steps or `budgetMs` (at least `min`). */
export interface StepPlan { warmup: number; min: number; max: number; budgetMs: number }
export function stepPlan(w: WorkloadId, backend: Backend, impl: Impl): StepPlan {
  const slow = w === 'W3' || (w === 'W1' && backend === 'cpu');
  const budgetMs = (w === 'W3' && backend === 'cpu' ? 5000 : 3500) * (impl === 'tfgraph' ? 1.2 : 1);
  return slow ? { warmup: 2, min: 3, max: 40, budgetMs } : { warmup: 5, min: 10, max: 300, budgetMs };
}

export interface Result {
  workload: WorkloadId;
  impl: Impl;
  backend: Backend;
  ok: boolean;
  error?: string;
  msPerStep?: number;
  /** median process CPU time (user+system) per step: less sensitive than wall time to other load on the machine */
  cpuMsPerStep?: number;
  steps?: number;
  firstLoss?: number;
  lastLoss?: number;
  /** tfgraph: graph construction (incl. minimize) to the end of the first training sess.run. */
  compileMs?: number;
  buildMs?: number;
  /** ms since process start at the end of the first training step. */
  firstStepAt?: number;
  rssMB?: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `step` (which returns the loss) for warm-up then timed steps; the first call's end time is recorded.
 * Every step is awaited so async peers (trainOnBatch) and sync ones are timed the same way.
 */
export async function timeSteps(plan: StepPlan, step: () => number | Promise<number>) {
  const losses: number[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  let firstStepAt = 0;
  for (let i = 0; i < plan.warmup; i++) {
    losses.push(await step());
    if (i === 0) firstStepAt = performance.now();
  }
  const start = performance.now();
  while (times.length < plan.max && (times.length < plan.min || performance.now() - start < plan.budgetMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    losses.push(await step());
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { msPerStep: median(times), cpuMsPerStep: median(cpu), steps: times.length, firstLoss: losses[0], lastLoss: losses[losses.length - 1], firstStepAt };
}
