// RNN cells and the unrolled RNNs, for the lead to wire into tf.nn.rnn_cell, tf.contrib.rnn and tf.nn.static_rnn.
import { RNNCell } from '../rnn/cell.ts';
import { BasicRNNCell, GRUCell } from '../rnn/basic.ts';
import { BasicLSTMCell, LSTMCell } from '../rnn/lstm.ts';
import { MultiRNNCell } from '../rnn/multi.ts';
import { InputProjectionWrapper, OutputProjectionWrapper, ResidualWrapper } from '../rnn/wrappers.ts';
import { DropoutWrapper } from '../rnn/dropout_wrapper.ts';
import { LSTMStateTuple } from '../rnn/state_tuple.ts';

export { static_rnn, static_bidirectional_rnn } from '../rnn/static_rnn.ts';
export {
  RNNCell, BasicRNNCell, GRUCell, BasicLSTMCell, LSTMCell, MultiRNNCell,
  InputProjectionWrapper, OutputProjectionWrapper, ResidualWrapper, DropoutWrapper, LSTMStateTuple,
};

/** The contents of tf.nn.rnn_cell (tf.contrib.rnn has these too, plus static_rnn). */
export const rnn_cell = {
  BasicRNNCell, BasicLSTMCell, LSTMCell, GRUCell, MultiRNNCell, OutputProjectionWrapper,
  InputProjectionWrapper, DropoutWrapper, ResidualWrapper, LSTMStateTuple, RNNCell,
};
