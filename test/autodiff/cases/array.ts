// Finite-difference gradient cases of the array ops.
import * as tf from '../../../src/index.ts';
import type { GradCase } from './types.ts';

void tf;
export const ARRAY_GRADS: GradCase[] = [];
