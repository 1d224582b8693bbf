// Shared helpers of the ported notebooks: command-line options, a seeded RNG (numpy's np.random), Python-style printing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../src/index.ts';
import { Figure } from '../src/plot/figure.ts';

export interface ExampleOptions {
  /** --backend cpu|wasm (default wasm) */
  backend: string;
  /** --quick: a short configuration (fewer steps, epochs, data) for the tests */
  quick: boolean;
  /** --no-plots: skip writing plots */
  plots: boolean;
  /** --out DIR: where plots (DIR/plots) and checkpoints (DIR/checkpoints) go (default '.') */
  out: string;
  /** --log-every N: print the notebook's per-iteration lines every N iterations (default: the example's) */
  logEvery: number | null;
  /** --seed N: the seed of the data generators and of tf.set_random_seed */
  seed: number;
  /** --quiet: print nothing (the tests) */
  quiet: boolean;
}

export function parseArgs(args: string[]): ExampleOptions {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const o: ExampleOptions = {
    backend: value('--backend') ?? 'wasm',
    quick: args.includes('--quick') || process.env.TFGRAPH_QUICK === '1',
    plots: !args.includes('--no-plots'),
    out: value('--out') ?? '.',
    logEvery: value('--log-every') !== undefined ? Number(value('--log-every')) : null,
    seed: value('--seed') !== undefined ? Number(value('--seed')) : 777,
    quiet: args.includes('--quiet'),
  };
  if (!['cpu', 'wasm', 'tensorflow'].includes(o.backend)) throw new Error(`unknown backend '${o.backend}' (cpu, wasm or tensorflow)`);
  return o;
}

/** A temporary directory for the tests' checkpoints and plots. */
export function tempOut(prefix = 'tfgraph-example-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Python's print(*args): numbers as Python prints them, NDArrays numpy-style, arrays as lists. */
export function makePrint(quiet: boolean): (...args: unknown[]) => void {
  return quiet ? () => {} : (...args: unknown[]) => console.log(args.map(pystr).join(' '));
}

export function pystr(v: unknown): string {
  if (typeof v === 'number') return pyfloat(v);
  if (v instanceof tf.NDArray) return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? `'${x}'` : pystr(x))).join(', ')}]`;
  return String(v);
}

/** Python's repr of a float (numpy float32 values print with their shortest float32 digits). */
export function pyfloat(x: number, float32 = !Number.isInteger(x)): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && !float32) return String(x);
  let p = 17;
  if (float32) {
    const f = Math.fround(x);
    for (p = 1; p < 9 && Math.fround(Number(f.toPrecision(p))) !== f; p++);
    x = Number(f.toPrecision(p));
  }
  if (x === 0) return '0.0';
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e < -4 || e >= 16) {
    const [m, ex] = x.toExponential().split('e');
    return `${m}e${ex[0] === '-' ? '-' : '+'}${ex.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/** '{:.6f}'.format(x) */
export const fixed = (x: number, digits: number): string => x.toFixed(digits);

/** mulberry32: a small seeded generator of uniform numbers in [0, 1) standing in for np.random. */
export class RandomState {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  /** np.random.rand() */
  rand(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** np.random.choice(n): an integer in [0, n) */
  choice(n: number): number {
    return Math.floor(this.rand() * n);
  }
  /** np.random.shuffle(arr) in place (Fisher–Yates) */
  shuffle<T>(arr: T[] | Int32Array): void {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t as any;
    }
  }
}

/** Whether the notebook's per-iteration line for iteration i (of n) is printed: every `every`-th and the last. */
export function shown(i: number, n: number, every: number): boolean {
  return i % every === 0 || i === n - 1;
}

/** A float32 NDArray of `shape` from a flat array of numbers. */
export function f32array(shape: number[], data: ArrayLike<number>): tf.NDArray {
  return new tf.NDArray('float32', shape, Float32Array.from(data));
}

/** An int32 NDArray of `shape` from a flat array of numbers. */
export function i32array(shape: number[], data: ArrayLike<number>): tf.NDArray {
  return new tf.NDArray('int32', shape, Int32Array.from(data));
}

/** Seconds since `t0` (ms), one decimal. */
export const elapsed = (t0: number): number => Math.round((Date.now() - t0) / 100) / 10;

/** Python's list(set(s)) in a deterministic order (first appearance; Python's set order is arbitrary). */
export function uniqueChars(s: string): string[] {
  return [...new Set(s)];
}

/**
 * A notebook's matplotlib figure: `draw` gets a fresh Figure (plt) and the result is written as
 * `<out>/plots/<name>.svg` and `.png`; nothing is drawn with --no-plots. Returns the written paths.
 */
export function savePlot(opt: ExampleOptions, name: string, draw: (plt: Figure) => void, print?: (...a: unknown[]) => void): string[] {
  if (!opt.plots) return [];
  const plt = new Figure();
  draw(plt);
  const { svg, png } = plt.saveBoth(join(opt.out, 'plots', name));
  print?.(`plot: ${svg}, ${png}`);
  return [svg, png];
}

/**
 * Progress of a long loop on stderr: a bar with loss and steps/s on a terminal, one plain line every `every` steps
 * otherwise (CI, pipes); nothing with --quiet. stdout keeps the notebook's own prints.
 */
export function trainingProgress(opt: ExampleOptions, total: number, label: string, every = Math.max(1, Math.ceil(total / 10))): tf.plot.Progress {
  if (opt.quiet) return { tick() {}, line() {}, done() {} };
  return tf.plot.progress(total, { label, every });
}

/** On a terminal, the loss curve as a text chart after training (plots on disk hold the full picture). */
export function lossChart(opt: ExampleOptions, losses: number[], title: string): void {
  if (opt.quiet || !process.stdout.isTTY || losses.length < 2) return;
  console.log(tf.plot.terminalChart(losses, { height: 10, title }));
}
