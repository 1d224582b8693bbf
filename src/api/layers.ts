// The tf.layers namespace, and contrib_layers (tf.contrib.layers.fully_connected / xavier_initializer) for tf.contrib.
import { fully_connected, l2_regularizer, xavier_initializer } from '../layers/contrib.ts';

export { Layer } from '../layers/base.ts';
export { Dense, dense } from '../layers/dense.ts';
export { Dropout, dropout, Flatten, flatten } from '../layers/core.ts';

export const contrib_layers = { fully_connected, xavier_initializer, xavier_initializer_conv2d: xavier_initializer, l2_regularizer };
