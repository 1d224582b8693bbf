// The tf.contrib namespace (the parts TF1 notebooks use).
import { sequence_loss } from '../nn/sequence_loss.ts';
import { rnn_cell, static_rnn, static_bidirectional_rnn } from './rnn.ts';
import { contrib_layers } from './layers.ts';

export const seq2seq = { sequence_loss };

/** tf.contrib.rnn: the cells and wrappers (same classes as tf.nn.rnn_cell) and static_rnn. */
export const rnn = { ...rnn_cell, static_rnn, static_bidirectional_rnn };

/** tf.contrib.layers: fully_connected, xavier_initializer, l2_regularizer. */
export const layers = contrib_layers;
