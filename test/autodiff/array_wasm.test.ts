// The array gradient cases again on the wasm backend: the gradient graphs (host kernels included) run there too.
import { test } from 'uvu';
import { checkGradient } from './gradcheck.ts';
import { ARRAY_GRADS } from './cases/array.ts';

for (const c of ARRAY_GRADS) {
  test(`wasm grad ${c.op}: ${c.name}`, () => checkGradient(c, 'wasm'));
}

test.run();
