// Finite-difference gradient cases of the nn ops.
import * as tf from '../../../src/index.ts';
import type { GradCase } from './types.ts';

void tf;
export const NN_GRADS: GradCase[] = [];
