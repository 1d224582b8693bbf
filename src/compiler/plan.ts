// The execution plan (and compile options): an ordered list of steps over numbered value slots, with the slots each step frees.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import type { OpDef } from '../ops/registry.ts';

export interface PlanStep {
  readonly op: Operation;
  readonly def: OpDef;
  /** The attrs the kernel sees (a pass may change them, e.g. clear a transpose flag it materialised). */
  readonly attrs: Readonly<Record<string, unknown>>;
  /** Slot of each input tensor; -1 for reference inputs and variables read at use. */
  readonly inputs: readonly number[];
  /** For inputs that read a variable when this step runs, the variable's op (else null). */
  readonly varReads: readonly (Operation | null)[];
  /** Slot of each output, or -1 when the output is unused (freed at once) or fed (replaced by the feed). */
  readonly outputs: readonly number[];
  /** Slots whose last use is this step (freed right after it). */
  readonly free: readonly number[];
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /** Fed tensors and the slot each feed fills. */
  readonly feeds: readonly (readonly [Tensor, number])[];
  /** Slot of each fetched tensor, in request order. */
  readonly fetches: readonly number[];
  readonly numSlots: number;
  /** Fed slots that no step reads and no fetch returns. */
  readonly freeFirst: readonly number[];
  /** Placeholders the plan runs, i.e. needed but not fed: the session refuses the run before any step. */
  readonly unfedPlaceholders: readonly Operation[];
  /** Most bytes live at once, estimated from static shapes (see peakUnknownDims). */
  readonly peakBytes: number;
  /** True when some shape had unknown dims (counted as 1): peakBytes is then a lower bound. */
  readonly peakUnknownDims: boolean;
  /** How the plan was compiled; loop bodies run inside it are compiled the same way. */
  readonly options?: CompileOptions;
  /** What each pass did (kept only when compiled for sess.explain). */
  readonly report?: readonly PassReport[];
}

export interface CompileOptions {
  /** The backend the plan runs on (backend-specific rewrites, e.g. wasm's matmul layout). */
  readonly backend?: string;
  /** false: prune and schedule only. */
  readonly optimize?: boolean;
  /** Names of passes to skip ('fold', 'cse', 'simplify', 'fuse', 'layout'). */
  readonly disable?: readonly string[];
  /** Keep a per-pass report on the plan (sess.explain). */
  readonly explain?: boolean;
}

export interface PassReport {
  readonly name: string;
  /** Node counts before and after the pass. */
  readonly before: number;
  readonly after: number;
  /** One line per change (what was folded, merged, simplified, fused). */
  readonly details: string[];
}

export interface CompileRequest {
  readonly fetches: readonly Tensor[];
  readonly targets: readonly Operation[];
  readonly feeds: readonly Tensor[];
}
