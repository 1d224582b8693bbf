// Control-flow ops (loops with body graphs), listed once.
import type { OpDef } from '../registry.ts';
import { Loop } from './loop_op.ts';

export const CONTROL_OPS: readonly OpDef[] = [Loop];
