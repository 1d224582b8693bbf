// The tf.nn namespace.
export { sigmoid } from '../ops/nn/sigmoid.ts';
export { tanh } from '../ops/math/tanh.ts';
export { relu } from '../ops/nn/relu.ts';
export { relu6 } from '../ops/nn/relu6.ts';
export { elu } from '../ops/nn/elu.ts';
export { softplus } from '../ops/nn/softplus.ts';
export { softsign } from '../ops/nn/softsign.ts';
export { leaky_relu } from '../ops/nn/leaky_relu.ts';
export { softmax } from '../ops/nn/softmax.ts';
export { log_softmax } from '../ops/nn/log_softmax.ts';
export { bias_add } from '../ops/nn/bias_add.ts';
export { softmax_cross_entropy_with_logits, softmax_cross_entropy_with_logits_v2 } from '../ops/nn/softmax_xent.ts';
export { sparse_softmax_cross_entropy_with_logits } from '../ops/nn/sparse_softmax_xent.ts';
export { l2_loss } from '../ops/nn/l2_loss.ts';
export { sigmoid_cross_entropy_with_logits } from '../ops/nn/sigmoid_xent.ts';
