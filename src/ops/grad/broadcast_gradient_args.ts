// BroadcastGradientArgs: for two broadcast shapes, the axes each input's gradient must be summed over (host-computed).
import { defineOp } from '../registry.ts';

/** Axes along which s0 and s1 were broadcast to their common shape (numpy rules, aligned from the right). */
export function broadcastReductionAxes(s0: ArrayLike<number>, s1: ArrayLike<number>): [number[], number[]] {
  const n = Math.max(s0.length, s1.length);
  const r0: number[] = [];
  const r1: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = i < n - s0.length ? 1 : s0[i - (n - s0.length)];
    const b = i < n - s1.length ? 1 : s1[i - (n - s1.length)];
    if (a === 1 && b !== 1) r0.push(i);
    else if (b === 1 && a !== 1) r1.push(i);
    else if (a === 1 && b === 1) {
      r0.push(i);
      r1.push(i);
    }
  }
  return [r0, r1];
}

export const BroadcastGradientArgs = defineOp({
  type: 'BroadcastGradientArgs',
  nondiff: true,
  infer: () => [{ dtype: 'int32', shape: [null] }, { dtype: 'int32', shape: [null] }],
  kernel: (ctx) => {
    const [r0, r1] = broadcastReductionAxes(ctx.read(ctx.inputs[0]), ctx.read(ctx.inputs[1]));
    return [ctx.write(Int32Array.from(r0), [r0.length], 'int32'), ctx.write(Int32Array.from(r1), [r1.length], 'int32')];
  },
});
