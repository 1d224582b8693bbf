// Ops that exist for gradient graphs (shape bookkeeping), listed once.
import type { OpDef } from '../registry.ts';
import { BroadcastGradientArgs } from './broadcast_gradient_args.ts';

export const GRAD_OPS: readonly OpDef[] = [BroadcastGradientArgs];
