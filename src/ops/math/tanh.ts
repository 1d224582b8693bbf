// Tanh: elementwise hyperbolic tangent.
import { defineOp } from '../registry.ts';
import { FLOATS, inferUnary, unary, unaryKernel, type NameOpt } from './elementwise.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { multiply } from './mul.ts';
import { sub } from './sub.ts';
import { square } from './square.ts';

const tanhKernel = unaryKernel('Tanh');

export const Tanh = defineOp({
  type: 'Tanh',
  infer: (ctx) => inferUnary(ctx, FLOATS),
  kernel: (ctx) => {
    // wasm's tanh is not vectorised (as slow as a JS loop) while its sigmoid is: tanh(x) = 2·sigmoid(2x) − 1.
    if (ctx.backendName !== 'wasm') return tanhKernel(ctx);
    const x = ctx.inputs[0];
    const two = ctx.write(new Float32Array([2]), [], 'float32');
    const one = ctx.write(new Float32Array([1]), [], 'float32');
    const s = ctx.call('Sigmoid', { x: ctx.call('Multiply', { a: x, b: two }) });
    return [ctx.call('Sub', { a: ctx.call('Multiply', { a: s, b: two }), b: one })];
  },
  // TF1's TanhGrad: dy·(1 − y²), from the output.
  grad: (op, [dy]) => [dy ? multiply(dy, sub(1, square(op.outputs[0]))) : null],
});

export function tanh(x: unknown, opts: NameOpt = {}): Tensor {
  return unary('Tanh', x, opts.name);
}
