// The array ops (shape manipulation, slicing, gathering, construction), listed once.
import type { OpDef } from '../registry.ts';

export const ARRAY_OPS: readonly OpDef[] = [];
