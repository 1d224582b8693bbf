// Forward cases of the math ops (hand-computed values).
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

void tf;
export const MATH_CASES: OpCase[] = [];
