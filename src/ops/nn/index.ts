// The neural-network ops (activations, softmax, cross-entropy losses), listed once.
import type { OpDef } from '../registry.ts';

export const NN_OPS: readonly OpDef[] = [];
