// feed_dict handling: parse the three accepted forms, resolve keys, convert and check values before anything runs.
import type { Graph, Operation } from '../graph/graph.ts';
import { Tensor } from '../graph/tensor.ts';
import { formatShape, shapesCompatible } from '../graph/shape.ts';
import { isTensorLike } from '../ops/convert.ts';
import { missingFeedMessage } from '../ops/placeholder.ts';
import { NDArray, fillData, type TypedData } from './ndarray.ts';
import { isStructured } from './fetches.ts';

export type FeedDict = Map<unknown, unknown> | [unknown, unknown][] | Record<string, unknown>;

/** Turns a feed_dict into [key tensor, value] pairs (values not yet converted). */
export function feedEntries(feed: unknown, graph: Graph): [Tensor, unknown][] {
  if (feed === undefined || feed === null) return [];
  let pairs: [unknown, unknown][];
  if (feed instanceof Map) pairs = [...feed.entries()];
  else if (Array.isArray(feed)) {
    pairs = feed.map((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`feed_dict entry ${i} must be a [tensor, value] pair`);
      return p as [unknown, unknown];
    });
  } else if (typeof feed === 'object') pairs = Object.entries(feed as Record<string, unknown>);
  else throw new TypeError(`feed_dict must be a Map, an array of [tensor, value] pairs or an object keyed by tensor name, got ${typeof feed}`);
  const out: [Tensor, unknown][] = [];
  for (const [k, v] of pairs) {
    for (const [key, val] of expandStructure(k, v)) out.push([resolveKey(key, graph), val]);
  }
  return out;
}

/** Structured keys (state tuples, arrays of tensors) feed element-wise from a value of the same structure. */
function expandStructure(k: unknown, v: unknown): [unknown, unknown][] {
  // A Structured key (state tuple) takes a value of the same structure: another tuple or a plain array [c, h].
  if (isStructured(k)) k = k._flatten();
  if (isStructured(v)) v = v._flatten();
  if (Array.isArray(k) && !isTensorLike(k)) {
    const vals = v instanceof NDArray ? Array.from({ length: v.shape[0] }, (_, i) => v.get(i)) : v;
    if (!Array.isArray(vals) || vals.length !== k.length) {
      throw new TypeError(`feed_dict: a structured key of ${k.length} tensors needs a value with the same structure`);
    }
    return k.flatMap((kk, i) => expandStructure(kk, vals[i]));
  }
  return [[k, v]];
}

function resolveKey(k: unknown, graph: Graph): Tensor {
  let t: unknown = k;
  if (typeof k === 'string') {
    try {
      t = graph.get_tensor_by_name(k);
    } catch (e) {
      throw new TypeError(`Cannot interpret feed_dict key as Tensor: ${(e as Error).message.replace(/^\w+Error: /, '')}`);
    }
  } else if (isTensorLike(k)) t = k._asTensor();
  if (!(t instanceof Tensor)) throw new TypeError(`Cannot interpret feed_dict key as Tensor: Can not convert a ${describe(k)} into a Tensor.`);
  if (t.graph !== graph) throw new TypeError(`Cannot interpret feed_dict key as Tensor: Tensor ${t.name} is not an element of this graph.`);
  return t;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}

/** Converts one feed value to the key's dtype and checks its shape against the key's static shape. */
export function convertFeed(key: Tensor, value: unknown): NDArray {
  if (value instanceof Tensor || isTensorLike(value)) {
    throw new TypeError('The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles. For reference, the tensor object was ' + String(value instanceof Tensor ? value : (value as { _asTensor(): Tensor })._asTensor()) + ` which was passed to the feed with key ${key.toString()}.`);
  }
  let arr: NDArray;
  try {
    arr = toNDArray(value, key);
  } catch (e) {
    const msg = (e as Error).message;
    throw new TypeError(`Cannot feed value for Tensor '${key.name}' of dtype ${key.dtype}: ${msg}`);
  }
  if (!shapesCompatible(key.staticShape, arr.shape)) {
    throw new Error(`ValueError: Cannot feed value of shape ${formatShape(arr.shape)} for Tensor '${key.name}', which has shape '${formatShape(key.staticShape)}'`);
  }
  return arr;
}

function toNDArray(value: unknown, key: Tensor): NDArray {
  if (isTypedWithShape(value)) return new NDArray(key.dtype, [...value.shape], convertData(value.data, key));
  if (value instanceof NDArray) return value.dtype === key.dtype ? value : new NDArray(key.dtype, [...value.shape], convertData(value.data, key));
  if (ArrayBuffer.isView(value)) {
    const data = value as unknown as TypedData;
    return new NDArray(key.dtype, [data.length], convertData(data, key));
  }
  const raw = NDArray.from(value);
  return new NDArray(key.dtype, raw.shape, convertData(raw.dtype === 'bool' ? Array.from(raw.data, (x) => x !== 0) : raw.data, key));
}

function convertData(data: ArrayLike<unknown>, key: Tensor): TypedData {
  try {
    return fillData(key.dtype, data);
  } catch (e) {
    const bad = Array.prototype.find.call(data, (x: unknown) => typeof x === 'number' && !Number.isInteger(x));
    if (bad !== undefined) {
      throw new TypeError(`Type of feed value ${bad} with type float is not compatible with Tensor type ${key.dtype}.`);
    }
    throw e;
  }
}

function isTypedWithShape(v: unknown): v is { data: TypedData; shape: number[] } {
  return typeof v === 'object' && v !== null && !(v instanceof NDArray) && ArrayBuffer.isView((v as { data?: unknown }).data) &&
    Array.isArray((v as { shape?: unknown }).shape);
}

/** TF1's error for a needed placeholder with no feed, raised before any op of the run executes. */
export function checkPlaceholdersFed(unfed: readonly Operation[]): void {
  if (unfed.length === 0) return;
  throw new Error(missingFeedMessage(unfed[0]));
}
