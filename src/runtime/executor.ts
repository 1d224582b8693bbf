// The executor: runs a plan's steps by calling backend kernels directly on TensorInfos, freeing each buffer at its last use.
import type { DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import type { CompileOptions, Plan } from '../compiler/plan.ts';
import type { KernelCtx, RunState } from '../ops/registry.ts';
import type { Graph, Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { compile } from '../compiler/pipeline.ts';
import { kernelFunc, type BackendName } from './backends.ts';

class StepCtx implements KernelCtx {
  op!: Operation;
  inputs: TensorInfo[] = [];
  attrs: Record<string, unknown> = {};
  readonly temps: TensorInfo[] = [];
  /** The running plan's compile options: loop bodies are compiled the same way (same passes, same backend). */
  options: CompileOptions | undefined;
  readonly state: RunState;
  constructor(readonly backend: KernelBackend, readonly backendName: BackendName, private readonly session: RunState) {
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

  call(kernel: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> = {}): TensorInfo {
    const out = kernelFunc(kernel, this.backendName)({ inputs, backend: this.backend, attrs: attrs as never });
    if (Array.isArray(out)) {
      this.temps.push(...out);
      if (out.length !== 1) throw new Error(`kernel ${kernel} returned ${out.length} outputs; use callMulti`);
      return out[0];
    }
    this.temps.push(out as TensorInfo);
    return out as TensorInfo;
  }

  callMulti(kernel: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown> = {}): TensorInfo[] {
    const out = kernelFunc(kernel, this.backendName)({ inputs, backend: this.backend, attrs: attrs as never });
    const list = Array.isArray(out) ? out : [out as TensorInfo];
    this.temps.push(...list);
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
    return (values) => execute(plan, values.map((v) => this.keep(v)), this.backend, this.backendName, this.session);
  }
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
  const ctx = new StepCtx(backend, backendName, state);
  ctx.options = plan.options;
  const put = (s: number, v: TensorInfo) => {
    const old = slots[s];
    if (old) release(backend, old);
    slots[s] = v;
  };
  try {
    plan.feeds.forEach(([, s], i) => put(s, feedValues[i]));
    for (const s of plan.freeFirst) {
      release(backend, slots[s]!);
      slots[s] = null;
    }
    for (const step of plan.steps) {
      ctx.op = step.op;
      ctx.attrs = step.attrs as Record<string, unknown>;
      ctx.temps.length = 0;
      let outs: TensorInfo[];
      try {
        // Variable reads are borrowed from the session (not owned by the step).
        ctx.inputs = step.inputs.map((s, k) => (s >= 0 ? slots[s] : step.varReads[k] ? state.readVariable(step.varReads[k]!) : null)!);
        outs = step.def.kernel(ctx);
      } catch (e) {
        for (const t of ctx.temps) release(backend, t);
        throw annotate(e, step.op);
      }
      for (const t of ctx.temps) if (!outs.includes(t)) release(backend, t);
      outs.forEach((o, i) => {
        const s = step.outputs[i];
        if (s < 0) release(backend, o);
        else put(s, o);
      });
      for (const s of step.free) {
        release(backend, slots[s]!);
        slots[s] = null;
      }
    }
    const results = plan.fetches.map((s) => {
      const v = slots[s]!;
      incRef(backend, v);
      return { dataId: v.dataId, shape: v.shape, dtype: v.dtype };
    });
    return results;
  } finally {
    for (const v of slots) if (v) release(backend, v);
  }
}
