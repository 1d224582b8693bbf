// Graph-level functions of the tf namespace: scopes, collections, control flow grouping, seeds.
import { get_default_graph } from '../graph/default.ts';

export { no_op, group, control_dependencies } from '../ops/state/no_op.ts';
export { set_random_seed } from '../ops/random/prng.ts';

/** tf.name_scope(name, fn) / tf.name_scope(name, default_name, fn): fn receives the scope string ('foo_1/'). */
export function name_scope<T>(name: string | null | undefined, defaultOrFn: string | null | ((scope: string) => T),
                              maybeFn?: (scope: string) => T): T {
  if (typeof defaultOrFn === 'function') return get_default_graph().name_scope(name, defaultOrFn);
  const n = name ?? defaultOrFn ?? null;
  return get_default_graph().name_scope(n, maybeFn!);
}

export function add_to_collection(name: string, value: unknown): void { get_default_graph().add_to_collection(name, value); }
export function get_collection<T = unknown>(key: string, scope?: string | null): T[] { return get_default_graph().get_collection<T>(key, scope); }
export function get_collection_ref<T = unknown>(key: string): T[] { return get_default_graph().get_collection_ref<T>(key); }
