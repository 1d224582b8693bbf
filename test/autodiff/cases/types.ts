// The gradient-case table format: every differentiable registered op needs a finite-difference case.
import type { Tensor } from '../../../src/graph/tensor.ts';

export interface GradCase {
  /** The registered op type whose gradient this case checks. */
  op: string;
  name: string;
  /** Float inputs to differentiate: shapes (values are drawn from a fixed seed unless given). */
  inputs: { shape: number[]; values?: number[] }[];
  /** Builds the op from placeholders standing for the inputs; returns the tensor to differentiate. */
  build: (...xs: Tensor[]) => Tensor;
  /** Absolute/relative tolerance (default 2e-2 with central differences in float32). */
  tol?: number;
  /** Finite-difference step (default 1e-2). */
  eps?: number;
}
