// Nested structures of tensors (lists, state tuples): flatten to a list of leaves and rebuild the same shape.
import { isStructured } from '../runtime/fetches.ts';

/** The leaves of a structure in depth-first order (arrays and Structured objects are containers). */
export function flatten(s: unknown): unknown[] {
  if (isStructured(s)) return s._flatten().flatMap(flatten);
  if (Array.isArray(s)) return s.flatMap(flatten);
  return [s];
}

/** Rebuilds `like`'s structure from `leaves` (consumed in order). */
export function packAs<T>(like: unknown, leaves: readonly T[]): unknown {
  let i = 0;
  const rec = (s: unknown): unknown => {
    if (isStructured(s)) return s._rebuild(s._flatten().map(rec));
    if (Array.isArray(s)) return s.map(rec);
    return leaves[i++];
  };
  const out = rec(like);
  if (i !== leaves.length) throw new Error(`ValueError: structure has ${i} leaves, got ${leaves.length} values`);
  return out;
}

/** Throws TF1's error when two structures differ. */
export function assertSameStructure(a: unknown, b: unknown, what: string): void {
  const shape = (s: unknown): string => (isStructured(s) ? `(${s._flatten().map(shape).join(',')})`
    : Array.isArray(s) ? `[${s.map(shape).join(',')}]` : '*');
  if (shape(a) !== shape(b)) {
    throw new Error(`ValueError: The two structures don't have the same nested structure (${what}): ${shape(a)} vs ${shape(b)}`);
  }
}
