// Builder functions of the array ops, as the tf namespace exports them (TF1 names); installs Tensor indexing.
import './indexing.ts';

export { reshape } from './reshape.ts';
export { transpose } from './transpose.ts';
export { concat } from './concat.ts';
export { stack } from './stack.ts';
export { unstack } from './unstack.ts';
export { split } from './split.ts';
export { slice } from './slice.ts';
export { strided_slice } from './strided_slice.ts';
export { gather } from './gather.ts';
export { one_hot } from './one_hot.ts';
export { expand_dims } from './expand_dims.ts';
export { squeeze } from './squeeze.ts';
export { tile } from './tile.ts';
export { pad } from './pad.ts';
export { shape } from './shape.ts';
export { size } from './size.ts';
export { rank } from './rank.ts';
export { where } from './where.ts';
export { zeros_like } from './zeros_like.ts';
export { ones_like } from './ones_like.ts';
export { fill } from './fill.ts';
export { range } from './range.ts';
export { reverse } from './reverse.ts';
export { zeros, ones } from './zeros_ones.ts';
export { sequence_mask } from './sequence_mask.ts';
