// A stable text printout of a graph: one line per op in id order, `name = Type(inputs, ^ctrl) {attrs} : dtype shape`.
import type { Graph, Operation } from './graph.ts';
import { formatShape, type Shape } from './shape.ts';

/** How many values of a tensor-valued attr (a Const's payload) are shown before `...`. */
const MAX_VALUES = 6;

export interface PrintOptions {
  /** Values shown per tensor-valued attr (default 6). */
  maxValues?: number;
}

/** Prints all ops of a graph, or the given ops (sorted by id), one line each. */
export function graphToText(source: Graph | readonly Operation[], opts: PrintOptions = {}): string {
  const ops = Array.isArray(source) ? [...source] : (source as Graph).get_operations();
  ops.sort((a, b) => a.id - b.id);
  return ops.map((op) => opToText(op, opts)).join('\n');
}

/** One op: `rnn_cell/W/read = Identity(rnn_cell/W:0) : float32 (6, 4)`. */
export function opToText(op: Operation, opts: PrintOptions = {}): string {
  const args = [...op.inputs.map((t) => t.name), ...op.control_inputs.map((c) => `^${c.name}`)];
  const keys = Object.keys(op.attrs).filter((k) => op.attrs[k] !== undefined).sort();
  const attrs = keys.map((k) => `${k}=${formatAttr(k, op.attrs[k], opts.maxValues ?? MAX_VALUES)}`);
  let line = `${op.name} = ${op.type}(${args.join(', ')})`;
  if (attrs.length) line += ` {${attrs.join(', ')}}`;
  const outs = op.outputs.map((t) => `${t.dtype} ${formatShape(t.staticShape)}`);
  if (outs.length === 1) line += ` : ${outs[0]}`;
  else if (outs.length > 1) line += ` : (${outs.join(', ')})`;
  return line;
}

interface HostArray { dtype: string; shape: number[]; data: ArrayLike<number | string> }

/** Host arrays (NDArray) are recognised by shape, so the graph layer need not import the runtime. */
function isHostArray(v: unknown): v is HostArray {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Partial<HostArray>;
  return typeof a.dtype === 'string' && Array.isArray(a.shape) && (ArrayBuffer.isView(a.data) || Array.isArray(a.data));
}

function formatAttr(key: string, v: unknown, maxValues: number): string {
  // A `shape` attr is printed like an output shape, including the unknown rank.
  if (key === 'shape' && (v === null || (Array.isArray(v) && v.every((d) => d === null || typeof d === 'number')))) {
    return formatShape(v as Shape);
  }
  return formatValue(v, maxValues);
}

function formatValue(v: unknown, maxValues: number): string {
  if (v === null) return 'None';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  if (typeof v === 'function') return '<function>';
  if (isHostArray(v)) return formatHostArray(v, maxValues);
  if (Array.isArray(v)) return `[${v.map((x) => (x === null ? '?' : formatValue(x, maxValues))).join(', ')}]`;
  if (typeof v === 'object') {
    const o = v as object;
    if ('name' in o && typeof (o as { name: unknown }).name === 'string') return `<${o.constructor?.name ?? 'object'} ${(o as { name: string }).name}>`;
    if (Object.getPrototypeOf(o) === Object.prototype) {
      const keys = Object.keys(o).sort();
      return `{${keys.map((k) => `${k}=${formatValue((o as Record<string, unknown>)[k], maxValues)}`).join(', ')}}`;
    }
    return `<${o.constructor?.name ?? 'object'}>`;
  }
  return String(v);
}

/** Integers print plainly; other floats with up to 6 significant digits, so the printout is short and stable. */
function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** Small arrays print in full (nested); big ones as their first values and the count. */
function formatHostArray(a: HostArray, maxValues: number): string {
  const size = a.shape.reduce((p, d) => p * d, 1);
  const item = (i: number): string => {
    const x = a.data[i];
    if (a.dtype === 'bool') return x ? 'true' : 'false';
    return typeof x === 'number' ? formatNumber(x) : JSON.stringify(x);
  };
  if (a.shape.length === 0) return item(0);
  if (size <= maxValues) {
    let i = 0;
    const nest = (dim: number): string => {
      const parts: string[] = [];
      for (let k = 0; k < a.shape[dim]; k++) parts.push(dim === a.shape.length - 1 ? item(i++) : nest(dim + 1));
      return `[${parts.join(', ')}]`;
    };
    return nest(0);
  }
  const head = Array.from({ length: maxValues }, (_, i) => item(i));
  return `[${head.join(', ')}, ... ${size} values]`;
}
