// The forward-case table format: each registered op type needs at least one case (checked by test/ops/registry.test.ts).
import type { Tensor } from '../../../src/graph/tensor.ts';

export interface OpCase {
  /** The registered op type this case exercises (e.g. 'MatMul'). */
  op: string;
  /** A short description, unique within the op. */
  name: string;
  /** Builds the op in a fresh default graph; returns the tensor(s) to fetch. */
  build: () => Tensor | Tensor[];
  /** Feed pairs for placeholders created by build (a function so it can refer to built tensors by name). */
  feed?: () => [unknown, unknown][];
  /** Expected value(s), hand-computed (nested arrays, numbers, booleans), aligned with build's result. */
  expect: unknown;
  /** Expected dtype label(s) of the fetched tensor(s). */
  dtype?: string | string[];
  tol?: number;
}
