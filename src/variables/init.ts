// Variable collections and initializer groups: tf.global_variables, tf.global_variables_initializer, tf.assign*.
import { get_default_graph } from '../graph/default.ts';
import { GraphKeys, type Operation } from '../graph/graph.ts';
import type { Tensor } from '../graph/tensor.ts';
import { group, no_op } from '../ops/state/no_op.ts';
import { assignOp, Variable } from './variable.ts';

export function global_variables(scope?: string | null): Variable[] {
  return get_default_graph().get_collection<Variable>(GraphKeys.GLOBAL_VARIABLES, scope);
}

export function trainable_variables(scope?: string | null): Variable[] {
  return get_default_graph().get_collection<Variable>(GraphKeys.TRAINABLE_VARIABLES, scope);
}

export function local_variables(scope?: string | null): Variable[] {
  return get_default_graph().get_collection<Variable>(GraphKeys.LOCAL_VARIABLES, scope);
}

export function model_variables(scope?: string | null): Variable[] {
  return get_default_graph().get_collection<Variable>(GraphKeys.MODEL_VARIABLES, scope);
}

/** A group of the variables' initializers (captured now), or a no_op when the list is empty. */
export function variables_initializer(var_list: Variable[], opts: { name?: string } = {}): Operation {
  const name = opts.name ?? 'init';
  if (var_list.length === 0) return no_op({ name });
  return group(var_list.map((v) => v.initializer), { name });
}

export function global_variables_initializer(): Operation {
  return variables_initializer(global_variables(), { name: 'init' });
}

export function local_variables_initializer(): Operation {
  return variables_initializer(local_variables(), { name: 'init' });
}

/** Deprecated TF1 alias of global_variables_initializer. */
export const initialize_all_variables = global_variables_initializer;

export function assign(ref: unknown, value: unknown, opts: { validate_shape?: boolean; name?: string } = {}): Tensor {
  return assignOp('Assign', ref, value, opts);
}

export function assign_add(ref: unknown, value: unknown, opts: { name?: string } = {}): Tensor {
  return assignOp('AssignAdd', ref, value, opts);
}

export function assign_sub(ref: unknown, value: unknown, opts: { name?: string } = {}): Tensor {
  return assignOp('AssignSub', ref, value, opts);
}
