// Ops in the tf namespace (builder functions), grouped as TF1 groups them.
export { constant } from '../ops/constant.ts';
export { placeholder, placeholder_with_default } from '../ops/placeholder.ts';
export { identity } from '../ops/state/identity.ts';
export { toTensor as convert_to_tensor } from '../ops/convert.ts';
export { random_normal, random_uniform, truncated_normal } from '../ops/random/random.ts';
export { add } from '../ops/math/add.ts';
export { sub as subtract } from '../ops/math/sub.ts';
export { multiply } from '../ops/math/mul.ts';
export { tanh } from '../ops/math/tanh.ts';
export { matmul } from '../ops/math/matmul.ts';
