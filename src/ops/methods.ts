// Python operators on tensors (`a + b` → a.add(b), reflected forms, comparisons, & | ^ ~), installed on Tensor.
import { tensorMethods, type Tensor } from '../graph/tensor.ts';
import { binary, unary, withScope } from './math/elementwise.ts';
import { matmul } from './math/matmul.ts';
import { truediv } from './math/realdiv.ts';
import { logical_xor } from './math/logical_xor.ts';
import { abs } from './math/abs.ts';

const m = tensorMethods as Record<string, (self: Tensor, ...args: any[]) => unknown>;

/**
 * TF1's binary_op_wrapper: the op is named after the operator in lowercase (x+y → 'add'); the other operand
 * (a number or nested array) is converted to self's dtype inside that scope ('add/y'; reflected: 'add/x').
 */
function operator(type: string, opName: string): [(a: Tensor, b: unknown) => Tensor, (a: Tensor, b: unknown) => Tensor] {
  return [(a, b) => binary(type, a, b, undefined, opName), (a, b) => binary(type, b, a, undefined, opName)];
}

[m.add, m.radd] = operator('Add', 'add');
[m.sub, m.rsub] = operator('Sub', 'sub');
[m.mul, m.rmul] = operator('Mul', 'mul');
[m.floordiv, m.rfloordiv] = operator('FloorDiv', 'floordiv');
[m.mod, m.rmod] = operator('FloorMod', 'mod');
[m.pow, m.rpow] = operator('Pow', 'pow');
[m.and, m.or] = [operator('LogicalAnd', 'and')[0], operator('LogicalOr', 'or')[0]];

// x / y is TF1's truediv (integers are cast to float first), named 'truediv'.
m.div = (a, b) => truediv(a, b);
m.rdiv = (a, b) => truediv(b, a);
m.matmul = (a, b) => matmul(a, b, {}, 'matmul');
m.rmatmul = (a, b) => matmul(b, a, {}, 'matmul');
// x ^ y: TF1's logical_xor composite inside an 'xor' scope; the final LogicalAnd is named 'xor'.
m.xor = (a, b) => withScope([a, b], ['x', 'y'], undefined, 'xor', ([x, y], scope) => logical_xor(x, y, { name: scope }));

// Comparisons are the gen ops themselves: named by their type.
m.lt = (a, b) => binary('Less', a, b, undefined);
m.le = (a, b) => binary('LessEqual', a, b, undefined);
m.gt = (a, b) => binary('Greater', a, b, undefined);
m.ge = (a, b) => binary('GreaterEqual', a, b, undefined);

m.neg = (a) => unary('Neg', a, undefined);
m.abs = (a) => abs(a);
m.invert = (a) => unary('LogicalNot', a, undefined);
