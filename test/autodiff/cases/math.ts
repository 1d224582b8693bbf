// Finite-difference gradient cases of the math ops.
import * as tf from '../../../src/index.ts';
import type { GradCase } from './types.ts';

void tf;
export const MATH_GRADS: GradCase[] = [];
