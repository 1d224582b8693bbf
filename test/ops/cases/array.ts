// Forward cases of the array ops (hand-computed values).
import * as tf from '../../../src/index.ts';
import type { OpCase } from './types.ts';

void tf;
export const ARRAY_CASES: OpCase[] = [];
