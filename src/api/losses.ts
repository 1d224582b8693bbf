// The tf.losses namespace (TF1 losses_impl.py and its collection helpers).
export {
  Reduction, compute_weighted_loss, add_loss, get_losses, get_regularization_losses, get_regularization_loss, get_total_loss,
} from '../losses/reduction.ts';
export {
  mean_squared_error, absolute_difference, log_loss, huber_loss, softmax_cross_entropy, sparse_softmax_cross_entropy,
  sigmoid_cross_entropy, hinge_loss,
} from '../losses/losses.ts';
