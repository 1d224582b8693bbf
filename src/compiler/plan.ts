// The execution plan: an ordered list of steps over numbered value slots, with the slots each step frees.
import type { Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import type { OpDef } from '../ops/registry.ts';

export interface PlanStep {
  readonly op: Operation;
  readonly def: OpDef;
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
}

export interface CompileRequest {
  readonly fetches: readonly Tensor[];
  readonly targets: readonly Operation[];
  readonly feeds: readonly Tensor[];
}
