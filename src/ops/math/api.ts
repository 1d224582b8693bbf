// Builder functions of the math ops, as the tf namespace exports them.
export { add } from './add.ts';
export { sub as subtract, sub } from './sub.ts';
export { multiply } from './mul.ts';
export { tanh } from './tanh.ts';
export { matmul } from './matmul.ts';
