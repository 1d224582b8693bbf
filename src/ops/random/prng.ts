// A seeded pseudo-random stream (xoshiro128**, seeded by splitmix32) computed in JS, so every backend draws the same numbers.
import { get_default_graph } from '../../graph/default.ts';
import type { Graph } from '../../graph/graph.ts';
import { rootGraph } from '../../graph/func_graph.ts';

const DEFAULT_GRAPH_SEED = 87654321;

export class Rng {
  private s = new Uint32Array(4);
  private spare: number | null = null;

  constructor(seed: number, seed2: number) {
    let x = (seed ^ Math.imul(seed2, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
    if (this.s.every((v) => v === 0)) this.s[0] = 1;
  }

  nextUint32(): number {
    const s = this.s;
    const r = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
  }

  /** Uniform in [0, 1) with 24 bits, exact in float32. */
  uniform(): number { return (this.nextUint32() >>> 8) / 16777216; }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number { return ((x << k) | (x >>> (32 - k))) >>> 0; }

/** tf.set_random_seed(seed): the graph-level seed of the default graph. */
export function set_random_seed(seed: number | null): void {
  get_default_graph().seed = seed;
}

/**
 * TF1's get_seed: with a graph seed, an op without a seed uses the graph's op count; with only an op seed,
 * the graph seed defaults to 87654321; with neither, the stream is seeded randomly (null).
 */
export function getSeeds(opSeed: number | null | undefined, graph: Graph = get_default_graph()): [number, number] | null {
  // Loop bodies use the outermost graph's seed; the op counter makes each body op's stream distinct.
  const root = rootGraph(graph);
  const g = root.seed;
  const counter = root === graph ? graph.version : root.version + graph.version;
  if (g !== null) return [g, opSeed ?? counter];
  if (opSeed !== null && opSeed !== undefined) return [DEFAULT_GRAPH_SEED, opSeed];
  return null;
}

export function makeRng(seeds: [number, number] | null): Rng {
  if (seeds) return new Rng(seeds[0], seeds[1]);
  return new Rng((Math.random() * 2 ** 32) >>> 0, (Math.random() * 2 ** 32) >>> 0);
}
