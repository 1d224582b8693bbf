// The executor: runs a plan's steps by calling backend kernels directly on TensorInfos, freeing each buffer at its last use.
import type { DataType, KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { CompileOptions, Plan } from '../compiler/plan.ts';
import type { KernelCtx, RunState } from '../ops/registry.ts';
import type { Graph, Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { compile } from '../compiler/pipeline.ts';
import { kernelFunc, type BackendName } from './backends.ts';

/** Kernel functions by backend and name (one Map lookup per call, no key strings built in the hot loop). */
const kernelsByBackend = new Map<string, Map<string, KernelFunc>>();

function lookupKernel(kernels: Map<string, KernelFunc>, kernel: string, backendName: BackendName): KernelFunc {
  let f = kernels.get(kernel);
  if (f === undefined) kernels.set(kernel, (f = kernelFunc(kernel, backendName)));
  return f;
}

const NO_ATTRS: Record<string, unknown> = {};

class StepCtx implements KernelCtx {
  op!: Operation;
  inputs: TensorInfo[] = [];
  attrs: Record<string, unknown> = {};
  readonly temps: TensorInfo[] = [];
  /** The running plan's compile options: loop bodies are compiled the same way (same passes, same backend). */
  options: CompileOptions | undefined;
  readonly state: RunState;
  private readonly kernels: Map<string, KernelFunc>;
  constructor(readonly backend: KernelBackend, readonly backendName: BackendName, readonly session: RunState) {
    let kernels = kernelsByBackend.get(backendName);
    if (!kernels) kernelsByBackend.set(backendName, (kernels = new Map()));
    this.kernels = kernels;
    // A buffer made for the session's cache belongs to the session, not to the step: it must not be freed
    // with the step's temporaries (else the next run would read a disposed buffer).
    const cachedBuffer = (op: Operation, make: () => TensorInfo) => session.cachedBuffer(op, () => {
      const info = make();
      const i = this.temps.indexOf(info);
      if (i >= 0) this.temps.splice(i, 1);
      return info;
    });
    this.state = {
      readVariable: (op) => session.readVariable(op),
      writeVariable: (op, value) => session.writeVariable(op, value),
      cachedBuffer,
      opState: (op, key, make) => session.opState(op, key, make),
    };
  }

  call(kernel: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> = NO_ATTRS): TensorInfo {
    const out = lookupKernel(this.kernels, kernel, this.backendName)({ inputs, backend: this.backend, attrs: attrs as never });
    if (Array.isArray(out)) {
      for (const o of out) this.temps.push(o);
      if (out.length !== 1) throw new Error(`kernel ${kernel} returned ${out.length} outputs; use callMulti`);
      return out[0];
    }
    this.temps.push(out as TensorInfo);
    return out as TensorInfo;
  }

  callMulti(kernel: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> = NO_ATTRS): TensorInfo[] {
    const out = lookupKernel(this.kernels, kernel, this.backendName)({ inputs, backend: this.backend, attrs: attrs as never });
    const list = Array.isArray(out) ? out : [out as TensorInfo];
    for (const o of list) this.temps.push(o);
    return list;
  }

  write(values: Float32Array | Int32Array | Uint8Array, shape: number[], dtype: DataType): TensorInfo {
    const info = { dataId: this.backend.write(values, shape, dtype), shape, dtype };
    this.temps.push(info);
    return info;
  }

  read(info: TensorInfo): Float32Array | Int32Array | Uint8Array {
    return this.backend.readSync(info.dataId) as Float32Array | Int32Array | Uint8Array;
  }

  keep(info: TensorInfo): TensorInfo {
    incRef(this.backend, info);
    return { dataId: info.dataId, shape: info.shape, dtype: info.dtype };
  }

  subgraph(fetches: readonly Tensor[], feeds: readonly Tensor[]): (values: readonly TensorInfo[]) => TensorInfo[] {
    const plan = subgraphPlan(fetches, feeds, this.options);
    if (plan.unfedPlaceholders.length) {
      throw new Error(`a loop body needs placeholder '${plan.unfedPlaceholders[0].name}', which the loop does not feed`);
    }
    const { backend, backendName, session } = this;
    return (values) => {
      const owned = new Array<TensorInfo>(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        incRef(backend, v);
        owned[i] = { dataId: v.dataId, shape: v.shape, dtype: v.dtype };
      }
      return execute(plan, owned, backend, backendName, session);
    };
  }
}

/**
 * Idle contexts, reused across runs and loop steps (a context holds closures over its session); a nested run (a
 * loop body) takes another one. Few are kept, so a closed session is not held for long.
 */
const idle: StepCtx[] = [];
const MAX_IDLE = 8;

function acquireCtx(backend: KernelBackend, backendName: BackendName, state: RunState): StepCtx {
  for (let i = idle.length - 1; i >= 0; i--) {
    const c = idle[i];
    if (c.session === state && c.backend === backend) {
      idle[i] = idle[idle.length - 1];
      idle.pop();
      return c;
    }
  }
  return new StepCtx(backend, backendName, state);
}

function releaseCtx(ctx: StepCtx): void {
  ctx.temps.length = 0;
  ctx.inputs = [];
  if (idle.length >= MAX_IDLE) idle.shift();
  idle.push(ctx);
}

const subgraphPlans = new WeakMap<Graph, Map<string, Plan>>();

/** Plans of loop bodies, compiled once per (graph, fetches, feeds) and reused for every step and run. */
function subgraphPlan(fetches: readonly Tensor[], feeds: readonly Tensor[], options: CompileOptions = {}): Plan {
  const g = (fetches[0] ?? feeds[0]).graph;
  let byKey = subgraphPlans.get(g);
  if (!byKey) subgraphPlans.set(g, (byKey = new Map()));
  const how = `${options.backend ?? ''}|${options.optimize === false ? 'off' : (options.disable ?? []).join(',')}`;
  const key = `${fetches.map((t) => t.name).join(',')}|${feeds.map((t) => t.name).join(',')}|${how}`;
  let plan = byKey.get(key);
  if (!plan) byKey.set(key, (plan = compile({ fetches, targets: [], feeds }, { ...options, explain: false })));
  return plan;
}

/** Names the failing op the way TF1's run-time errors do (`[[node MatMul (MatMul)]]`), keeping the error's class. */
function annotate(e: unknown, op: Operation): unknown {
  if (e instanceof Error && !e.message.includes('[[node ')) e.message += `\n\t [[node ${op.name} (${op.type})]]`;
  return e;
}

export function incRef(backend: KernelBackend, info: TensorInfo): void {
  (backend as unknown as { incRef(d: object): void }).incRef(info.dataId);
}

export function release(backend: KernelBackend, info: TensorInfo): void {
  backend.disposeData(info.dataId);
}

/**
 * Runs `plan` with feed buffers aligned to plan.feeds (ownership passes to the executor).
 * Returns one buffer per fetch (the caller owns and frees them). On error every live buffer is freed.
 */
export function execute(plan: Plan, feedValues: TensorInfo[], backend: KernelBackend, backendName: BackendName,
                        state: RunState): TensorInfo[] {
  const slots: (TensorInfo | null)[] = new Array(plan.numSlots).fill(null);
  const ctx = acquireCtx(backend, backendName, state);
  ctx.options = plan.options;
  try {
    const feeds = plan.feeds;
    for (let i = 0; i < feeds.length; i++) put(backend, slots, feeds[i][1], feedValues[i]);
    for (const s of plan.freeFirst) {
      release(backend, slots[s]!);
      slots[s] = null;
    }
    const steps = plan.steps;
    const temps = ctx.temps;
    for (let j = 0; j < steps.length; j++) {
      const step = steps[j];
      ctx.op = step.op;
      ctx.attrs = step.attrs as Record<string, unknown>;
      temps.length = 0;
      let outs: TensorInfo[];
      try {
        // Variable reads are borrowed from the session (not owned by the step).
        const ins = step.inputs;
        const inputs = new Array<TensorInfo>(ins.length);
        for (let k = 0; k < ins.length; k++) {
          const s = ins[k];
          const vr = step.varReads[k];
          inputs[k] = (s >= 0 ? slots[s] : vr ? state.readVariable(vr) : null)!;
        }
        ctx.inputs = inputs;
        outs = step.def.kernel(ctx);
      } catch (e) {
        for (const t of temps) release(backend, t);
        temps.length = 0;
        throw annotate(e, step.op);
      }
      for (let k = 0; k < temps.length; k++) if (!outs.includes(temps[k])) release(backend, temps[k]);
      temps.length = 0;
      const outSlots = step.outputs;
      for (let k = 0; k < outs.length; k++) {
        const s = outSlots[k];
        // Outputs the plan does not know (a loop's saved values added by a later gradient) are dropped too.
        if (s === undefined || s < 0) release(backend, outs[k]);
        else put(backend, slots, s, outs[k]);
      }
      const free = step.free;
      for (let k = 0; k < free.length; k++) {
        release(backend, slots[free[k]]!);
        slots[free[k]] = null;
      }
    }
    const fetches = plan.fetches;
    const results = new Array<TensorInfo>(fetches.length);
    for (let k = 0; k < fetches.length; k++) {
      const v = slots[fetches[k]]!;
      incRef(backend, v);
      results[k] = { dataId: v.dataId, shape: v.shape, dtype: v.dtype };
    }
    return results;
  } finally {
    for (const v of slots) if (v) release(backend, v);
    releaseCtx(ctx);
  }
}

function put(backend: KernelBackend, slots: (TensorInfo | null)[], s: number, v: TensorInfo): void {
  const old = slots[s];
  if (old) release(backend, old);
  slots[s] = v;
}
