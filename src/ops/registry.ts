// The op registry: every op is one defineOp record (inference, kernel, gradient, flags), looked up by type.
import type { KernelBackend, TensorInfo, DataType } from '@tensorflow/tfjs-core';
import { get_default_graph } from '../graph/default.ts';
import { FuncGraph } from '../graph/func_graph.ts';
import type { Attrs, Graph, Operation } from '../graph/graph.ts';
import type { DType } from '../graph/dtypes.ts';
import { formatDims, type Shape } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import type { NDArray } from '../runtime/ndarray.ts';

export interface OutSpec { dtype: DType; shape: Shape }

export interface InferCtx {
  /** The name the op will get, for error messages. */
  readonly name: string;
  readonly type: string;
  readonly inputs: readonly Tensor[];
  readonly attrs: Attrs;
  /** Throws TF1's shape-function error: `<msg> for '<name>' (op: '<type>') with input shapes: ...`. */
  fail(msg: string): never;
  /** Host value of input i when it is produced by a Const op (shape arguments and the like). */
  constInput(i: number): NDArray | null;
}

/** What a session provides to stateful and random kernels. */
export interface RunState {
  readVariable(op: Operation): TensorInfo;
  /** Replaces a variable's value; takes over the reference held by `value`. */
  writeVariable(op: Operation, value: TensorInfo): void;
  /** A buffer kept on the current backend across runs (constants); freed when the session closes. */
  cachedBuffer(op: Operation, make: () => TensorInfo): TensorInfo;
  /** A per-op host value kept across runs of this session (random streams). */
  opState<T>(op: Operation, key: string, make: () => T): T;
}

export interface KernelCtx {
  readonly op: Operation;
  readonly inputs: readonly TensorInfo[];
  readonly attrs: Attrs;
  readonly backend: KernelBackend;
  readonly backendName: string;
  readonly state: RunState;
  /** Calls a registered tfjs kernel by name; intermediates are freed by the executor. */
  call(kernel: string, inputs: Record<string, TensorInfo>, attrs?: Record<string, unknown>): TensorInfo;
  callMulti(kernel: string, inputs: Record<string, TensorInfo>, attrs?: Record<string, unknown>): TensorInfo[];
  /** Writes host values as a new buffer on the backend. */
  write(values: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: DataType): TensorInfo;
  read(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  /** Returns `info` with an extra reference, for kernels that pass an input through unchanged. */
  keep(info: TensorInfo): TensorInfo;
  /**
   * A runner for part of another graph (a loop body): called with buffers for `feeds` (borrowed), it returns
   * the fetched buffers, owned by the caller. The plan is compiled once and cached; a step does no graph work.
   */
  subgraph(fetches: readonly Tensor[], feeds: readonly Tensor[]): (values: readonly TensorInfo[]) => TensorInfo[];
}

/** Gradient: given the op and the gradients of its outputs, returns one gradient (or null) per input. */
export type GradFn = (op: Operation, grads: (Tensor | null)[]) => (Tensor | null)[];

export interface OpDef {
  readonly type: string;
  infer(ctx: InferCtx): OutSpec[];
  kernel(ctx: KernelCtx): TensorInfo[];
  /** Gradient builder; absent with `nondiff` for ops with no meaningful gradient. */
  readonly grad?: GradFn;
  /** Declared not differentiable (integer, boolean, index-producing or stateful ops). */
  readonly nondiff?: boolean;
  /** Reads or writes session state (variables); never folded, merged or pruned as pure. */
  readonly stateful?: boolean;
  /** Draws random numbers: new values every run; never folded or merged. */
  readonly random?: boolean;
  /**
   * Inputs taken by reference (the variable an Assign writes): they name a variable and are not evaluated,
   * so their producer is not run for this op and the kernel sees no value for them.
   */
  readonly refInputs?: readonly number[];
  /**
   * Its output is a reference (a variable): each consumer reads the current value when it runs, so a read
   * placed after an assignment (control dependencies) sees the new value, as TF1's ref variables do.
   */
  readonly readAtUse?: boolean;
}

const registry = new Map<string, OpDef>();

export function defineOp(def: OpDef): OpDef {
  return def;
}

export function registerOps(defs: readonly OpDef[]): void {
  for (const d of defs) {
    if (registry.has(d.type) && registry.get(d.type) !== d) throw new Error(`op type ${d.type} is registered twice`);
    registry.set(d.type, d);
  }
}

export function getOpDef(type: string): OpDef {
  const d = registry.get(type);
  if (!d) throw new Error(`No op named ${type} is registered`);
  return d;
}

export function allOpDefs(): OpDef[] {
  return [...registry.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

export function isPure(def: OpDef): boolean {
  return !def.stateful && !def.random;
}

/** Reads a Const op's value (set by ops/constant.ts to avoid an import cycle). */
export const constHooks: { constValue?: (t: Tensor) => NDArray | null } = {};

export interface MakeOpOptions {
  name?: string | null;
  /** Default op name when `name` is not given (TF uses the op type, Python operators use lowercase). */
  defaultName?: string;
  /** Use `name` exactly, without uniquification (TF1's names ending in '/': variables take their scope's name). */
  exactName?: boolean;
  graph?: Graph;
}

/**
 * Creates an op in the graph of its inputs (else the default graph): the name is made unique only after
 * inference succeeded, so a failed op leaves the graph unchanged.
 */
export function makeOp(type: string, inputs: Tensor[], attrs: Attrs = {}, opts: MakeOpOptions = {}): Operation {
  const def = getOpDef(type);
  const graph = opts.graph ?? graphOf(inputs, type);
  // Inside a loop body, tensors of enclosing graphs are captured as body placeholders.
  if (graph instanceof FuncGraph) inputs = inputs.map((t) => graph.capture(t, capturePlaceholder));
  let requested = opts.name ?? opts.defaultName ?? type;
  // TF1: a name ending in '/' is a scope name used as the op name exactly (name_from_scope_name).
  const exact = opts.exactName || requested.endsWith('/');
  if (requested.endsWith('/')) requested = requested.slice(0, -1);
  const tentative = exact ? requested : graph.unique_name(requested, false);
  graph._checkOpName(tentative);
  const ctx: InferCtx = {
    name: tentative,
    type,
    inputs,
    attrs,
    fail(msg: string): never {
      const shapes = inputs.map((t) => formatDims(t.staticShape)).join(', ');
      throw new Error(`ValueError: ${msg} for '${tentative}' (op: '${type}') with input shapes: ${shapes}.`);
    },
    constInput(i: number) {
      return constHooks.constValue?.(inputs[i]) ?? null;
    },
  };
  const outs = def.infer(ctx);
  const name = exact ? requested : graph.unique_name(requested, true);
  return graph._addOp(name, type, inputs, attrs, outs, graph._currentControlDeps());
}

function capturePlaceholder(g: Graph, t: Tensor): Tensor {
  return makeOp('Placeholder', [], { dtype: t.dtype, shape: t.staticShape }, { graph: g, defaultName: 'capture' }).outputs[0];
}

function graphOf(inputs: Tensor[], type: string): Graph {
  const dflt = get_default_graph();
  if (dflt instanceof FuncGraph) return dflt;
  if (inputs.length === 0) return dflt;
  const g = inputs[0].graph;
  for (const t of inputs) {
    if (t.graph !== g) {
      throw new Error(`ValueError: Tensor(s) ${inputs.map((x) => `'${x.name}'`).join(', ')} passed to op '${type}' must be from the same graph.`);
    }
  }
  return g;
}
