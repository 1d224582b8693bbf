// The tf.nn namespace.
export {};
