// Public entry of the numpy subset: NpArray, the `np` namespace object, and the interpreter's hooks.
export { NpArray } from './array.ts';
export { numpyModule, allclose } from './module.ts';
export { configurePyScalars, pyScalar, toNp, toList, type PyScalarHooks } from './convert.ts';
export { NpDTypeObj, toNpDType, type NpDType, type PyKind } from './dtype.ts';
export { pyFloatRepr } from './format.ts';
