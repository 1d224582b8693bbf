// The math ops (elementwise, matmul, reductions, comparisons, casts), listed once.
import type { OpDef } from '../registry.ts';
import { Add } from './add.ts';
import { Sub } from './sub.ts';
import { Mul } from './mul.ts';
import { Tanh } from './tanh.ts';
import { MatMul, BatchMatMulV2 } from './matmul.ts';

export const MATH_OPS: readonly OpDef[] = [Add, Sub, Mul, Tanh, MatMul, BatchMatMulV2];
