// Fused ops: kernels the compiler substitutes for composites (each tested against its composite), listed once.
import type { OpDef } from '../registry.ts';
import { FusedMatMul } from './fused_matmul.ts';

export const FUSED_OPS: readonly OpDef[] = [FusedMatMul];
