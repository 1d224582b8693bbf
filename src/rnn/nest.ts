// Minimal tf.nest for RNN states and sizes: leaves are anything but arrays; LSTMStateTuples are rebuilt as such.
import { LSTMStateTuple } from './state_tuple.ts';

export type Nested<T> = T | Nested<T>[];

export function isSequence(x: unknown): x is unknown[] {
  return Array.isArray(x);
}

export function flatten<T = unknown>(x: unknown): T[] {
  if (!isSequence(x)) return [x as T];
  return x.flatMap((e) => flatten<T>(e));
}

/** Rebuilds a sequence node with `parts`, keeping an LSTMStateTuple an LSTMStateTuple. */
function rebuild(like: unknown[], parts: unknown[]): unknown[] {
  return like instanceof LSTMStateTuple ? new LSTMStateTuple(parts[0], parts[1]) : parts;
}

/** Maps fn over the leaves of `structure` (and the matching leaves of `others`, same structure required). */
export function mapStructure(fn: (...leaves: any[]) => unknown, structure: unknown, ...others: unknown[]): any {
  for (const o of others) assertSameStructure(structure, o);
  const go = (s: unknown, os: unknown[]): unknown => {
    if (!isSequence(s)) return fn(s, ...os);
    return rebuild(s, s.map((e, i) => go(e, os.map((o) => (o as unknown[])[i]))));
  };
  return go(structure, others);
}

/** nest.pack_sequence_as: the flat leaves put back into the shape of `structure`. */
export function packSequenceAs(structure: unknown, flat: unknown[]): any {
  let i = 0;
  const go = (s: unknown): unknown => (isSequence(s) ? rebuild(s, s.map(go)) : flat[i++]);
  const out = go(structure);
  if (i !== flat.length) {
    throw new Error(`ValueError: Could not pack sequence. Structure had ${i} elements, but flat_sequence had ${flat.length} elements.`);
  }
  return out;
}

export function assertSameStructure(a: unknown, b: unknown): void {
  const same = (x: unknown, y: unknown): boolean => {
    if (isSequence(x) !== isSequence(y)) return false;
    if (!isSequence(x)) return true;
    const ys = y as unknown[];
    return x.length === ys.length && x.every((e, i) => same(e, ys[i]));
  };
  if (!same(a, b)) {
    throw new Error(`ValueError: The two structures don't have the same nested structure.\n\nFirst structure: ${describe(a)}\n\nSecond structure: ${describe(b)}`);
  }
}

export function describe(x: unknown): string {
  if (x instanceof LSTMStateTuple) return `LSTMStateTuple(c=${describe(x.c)}, h=${describe(x.h)})`;
  if (isSequence(x)) return `(${x.map(describe).join(', ')})`;
  return String(x);
}
