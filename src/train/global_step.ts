// The global step: tf.train.get_or_create_global_step / get_global_step (an int64 scalar in the GLOBAL_STEP collection).
import { get_default_graph } from '../graph/default.ts';
import { GraphKeys } from '../graph/graph.ts';
import { constant } from '../ops/constant.ts';
import { createVariable, type Variable } from '../variables/variable.ts';

export function get_global_step(): Variable | null {
  const list = get_default_graph().get_collection<Variable>(GraphKeys.GLOBAL_STEP);
  if (list.length > 1) throw new TypeError('Multiple tensors in global_step collection.');
  return list[0] ?? null;
}

export function get_or_create_global_step(): Variable {
  const existing = get_global_step();
  if (existing) return existing;
  const g = get_default_graph();
  return g.name_scope(null, () => createVariable({
    initial_value: () => constant(0, { dtype: 'int64', shape: [], name: 'zeros' }),
    name: 'global_step', trainable: false, rootScope: true,
    collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
  }));
}

/** tf.train.create_global_step(): like get_or_create, but an error when one exists. */
export function create_global_step(): Variable {
  if (get_global_step()) throw new Error('ValueError: "global_step" already exists.');
  return get_or_create_global_step();
}
