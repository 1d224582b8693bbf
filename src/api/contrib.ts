// The tf.contrib namespace (the parts TF1 notebooks use).
import { sequence_loss } from '../nn/sequence_loss.ts';

export const seq2seq = { sequence_loss };
