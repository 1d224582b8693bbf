// Python operators on tensors (`a + b` → a.add(b), reflected forms, comparisons, indexing), installed on Tensor.
import { tensorMethods, type Tensor } from '../graph/tensor.ts';
import { binary } from './math/elementwise.ts';
import { matmul } from './math/matmul.ts';

const m = tensorMethods as Record<string, (self: Tensor, ...args: any[]) => unknown>;

// TF1 names the ops of Python operators in lowercase: x+y → 'add', x-y → 'sub', x*y → 'mul'.
m.add = (a, b) => binary('Add', a, b, undefined, 'add');
m.radd = (a, b) => binary('Add', b, a, undefined, 'add');
m.sub = (a, b) => binary('Sub', a, b, undefined, 'sub');
m.rsub = (a, b) => binary('Sub', b, a, undefined, 'sub');
m.mul = (a, b) => binary('Mul', a, b, undefined, 'mul');
m.rmul = (a, b) => binary('Mul', b, a, undefined, 'mul');
m.matmul = (a, b) => matmul(a, b, {}, 'matmul');
m.rmatmul = (a, b) => matmul(b, a, {}, 'matmul');
