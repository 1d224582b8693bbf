// LSTMStateTuple(c, h): TF1's namedtuple, an Array subclass so `const [c, h] = s`, s[0], s.length and nest code work.
import type { Structured } from '../runtime/fetches.ts';

/**
 * An Array of exactly [c, h]. Species is plain Array so map/slice give plain arrays (like a Python tuple op).
 * Implements the Structured protocol: `sess.run(state)` gives an LSTMStateTuple of NDArrays, and it is a feed key.
 */
export class LSTMStateTuple<T = unknown> extends Array<T> implements Structured {
  static get [Symbol.species]() { return Array; }

  constructor(c: T, h: T) {
    super();
    this.push(c, h);
  }

  get c(): T { return this[0]; }
  get h(): T { return this[1]; }

  /** The dtype of the state (namedtuple property of TF1); c and h must agree. */
  get dtype(): unknown {
    const [c, h] = this as unknown as [{ dtype?: unknown }, { dtype?: unknown }];
    if (c?.dtype !== h?.dtype) throw new TypeError(`Inconsistent internal state: ${String(c?.dtype)} vs ${String(h?.dtype)}`);
    return c?.dtype;
  }

  /** namedtuple._replace({c?, h?}). */
  _replace(parts: { c?: T; h?: T }): LSTMStateTuple<T> {
    return new LSTMStateTuple('c' in parts ? parts.c as T : this.c, 'h' in parts ? parts.h as T : this.h);
  }

  _flatten(): unknown[] { return [this[0], this[1]]; }
  _rebuild(parts: unknown[]): LSTMStateTuple<unknown> { return new LSTMStateTuple(parts[0], parts[1]); }

  override toString(): string { return `LSTMStateTuple(c=${String(this.c)}, h=${String(this.h)})`; }
}
