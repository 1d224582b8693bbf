// Forward cases of the nn ops (hand-computed values).
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

void tf;
export const NN_CASES: OpCase[] = [];
