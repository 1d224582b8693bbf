// Builder functions of the neural-network ops exported at the top of the tf namespace (tf.sigmoid, tf.nn.* is in src/api/nn.ts).
export { sigmoid } from './sigmoid.ts';
export { stop_gradient } from './stop_gradient.ts';
