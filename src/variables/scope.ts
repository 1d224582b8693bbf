// Variable scopes and tf.get_variable: the per-graph variable store, reuse rules and default-name counters of TF1.
import { get_default_graph } from '../graph/default.ts';
import { rootGraph } from '../graph/func_graph.ts';
import { GraphKeys, type Graph } from '../graph/graph.ts';
import { asDType, isFloating, isInteger, type DType } from '../graph/dtypes.ts';
import { asShape, formatShape, isFullyDefined, shapesCompatible } from '../graph/shape.ts';
import { isTensorValue, toTensor } from '../ops/convert.ts';
import { createVariable, Variable } from './variable.ts';
import { glorot_uniform_initializer, zeros_initializer, type Initializer } from './initializers.ts';

/** tf.AUTO_REUSE */
export const AUTO_REUSE = Symbol.for('tfgraph.AUTO_REUSE');
export type Reuse = boolean | typeof AUTO_REUSE;
type Regularizer = (v: Variable) => unknown;

export class VariableScope {
  constructor(
    readonly name: string,
    public reuse: Reuse,
    public initializer: Initializer | null,
    public regularizer: Regularizer | null,
    public dtype: DType,
    readonly original_name_scope: string,
  ) {}
  /** `scope.reuse_variables()`: reuse=True for the rest of the block and later sub-scopes. */
  reuse_variables(): void { this.reuse = true; }
  set_initializer(init: Initializer | null): void { this.initializer = init; }
  set_regularizer(r: Regularizer | null): void { this.regularizer = r; }
  set_dtype(d: DType | string): void { this.dtype = asDType(d); }
  toString(): string { return `<VariableScope '${this.name}'>`; }
}

interface ScopeState {
  store: Map<string, Variable>;
  counts: Map<string, number>;
  current: VariableScope;
}

function state(graph: Graph): ScopeState {
  // Loop bodies share the variable store and scopes of the outermost graph.
  const g = rootGraph(graph);
  let s = g._state.get('variable_scope') as ScopeState | undefined;
  if (!s) {
    s = { store: new Map(), counts: new Map(), current: new VariableScope('', false, null, null, 'float32', '') };
    g._state.set('variable_scope', s);
  }
  return s;
}

export function get_variable_scope(): VariableScope { return state(get_default_graph()).current; }

export interface VariableScopeOptions {
  default_name?: string;
  values?: unknown;
  initializer?: Initializer | null;
  regularizer?: Regularizer | null;
  reuse?: Reuse | null;
  dtype?: DType | string;
  auxiliary_name_scope?: boolean;
  custom_getter?: unknown;
}

/** tf.variable_scope(name_or_scope, opts?, fn): fn receives the VariableScope (Python's `as`). */
export function variable_scope<T>(nameOrScope: string | VariableScope | null | undefined,
                                  optsOrFn: VariableScopeOptions | ((s: VariableScope) => T),
                                  maybeFn?: (s: VariableScope) => T): T {
  const [opts, fn] = typeof optsOrFn === 'function' ? [{}, optsOrFn] : [optsOrFn, maybeFn!];
  const reuseArg = opts.reuse;
  if (reuseArg !== undefined && reuseArg !== null && reuseArg !== true && reuseArg !== false && reuseArg !== AUTO_REUSE) {
    throw new Error(`ValueError: The reuse parameter must be True or False or None, or tf.AUTO_REUSE, got ${String(reuseArg)}`);
  }
  if (reuseArg === true && (nameOrScope === null || nameOrScope === undefined)) {
    throw new Error('ValueError: reuse=True cannot be used without a name_or_scope');
  }
  const g = get_default_graph();
  const st = state(g);
  const parent = st.current;
  const reuseGiven = reuseArg === true || reuseArg === AUTO_REUSE ? reuseArg : null;
  const dtype = opts.dtype === undefined ? undefined : asDType(opts.dtype);

  // With auxiliary_name_scope=false the current name scope is re-entered (TF1 records it as original_name_scope).
  const currentNs = () => (g._nameStack ? `${g._nameStack}/` : '');

  if (nameOrScope instanceof VariableScope) {
    const captured = nameOrScope;
    // TF1 counts the entry, then snapshots the counts and restores that snapshot on exit.
    st.counts.set(captured.name, (st.counts.get(captured.name) ?? 0) + 1);
    const savedCounts = new Map(st.counts);
    const enter = () => {
      // A re-entered scope keeps the name scope it was created in (original_name_scope).
      const scope = new VariableScope(captured.name, reuseGiven ?? captured.reuse, opts.initializer ?? captured.initializer,
        opts.regularizer ?? captured.regularizer, dtype ?? captured.dtype, captured.original_name_scope);
      return withScope(st, scope, fn);
    };
    try {
      const last = captured.name.split('/').pop()!;
      return opts.auxiliary_name_scope === false || !last ? enter() : g.name_scope(last, enter);
    } finally {
      st.counts.clear();
      for (const [k, v] of savedCounts) st.counts.set(k, v);
    }
  }

  let relName: string | null;
  let nsName: string;
  if (nameOrScope === null || nameOrScope === undefined) {
    if (!opts.default_name) throw new Error('TypeError: If default_name is None then name_or_scope is required');
    relName = null;
    nsName = opts.default_name;
  } else {
    if (typeof nameOrScope !== 'string') throw new TypeError('VariableScope: name_or_scope must be a string or VariableScope.');
    relName = nameOrScope;
    nsName = nameOrScope;
  }
  let full: string | null = null;
  const enter = (ns: string) => {
    // The default name is made unique by the variable-scope counters, after the name scope is open (as TF1).
    if (relName === null) relName = uniqueScopeName(st, parent, opts.default_name!);
    full = parent.name ? `${parent.name}/${relName}` : relName;
    st.counts.set(full, (st.counts.get(full) ?? 0) + 1);
    const reuse = reuseGiven ?? parent.reuse;
    const scope = new VariableScope(full, reuse, opts.initializer ?? parent.initializer, opts.regularizer ?? parent.regularizer,
      dtype ?? parent.dtype, ns);
    return withScope(st, scope, fn);
  };
  try {
    // variable_scope('') opens no name scope (it must not reset the name scope to the root).
    return opts.auxiliary_name_scope === false || !nsName ? enter(currentNs()) : g.name_scope(nsName, enter);
  } finally {
    if (full !== null) for (const k of st.counts.keys()) if (k.startsWith(`${full}/`)) st.counts.set(k, 0);
  }
}

function withScope<T>(st: ScopeState, scope: VariableScope, fn: (s: VariableScope) => T): T {
  const saved = st.current;
  st.current = scope;
  try {
    return fn(scope);
  } finally {
    st.current = saved;
  }
}

function uniqueScopeName(st: ScopeState, parent: VariableScope, prefix: string): string {
  const base = parent.name ? `${parent.name}/${prefix}` : prefix;
  if ((st.counts.get(base) ?? 0) === 0) return prefix;
  let i = 1;
  while ((st.counts.get(`${base}_${i}`) ?? 0) > 0) i++;
  return `${prefix}_${i}`;
}

export interface GetVariableOptions {
  dtype?: DType | string;
  initializer?: Initializer | unknown;
  regularizer?: Regularizer | null;
  trainable?: boolean;
  collections?: string[];
  validate_shape?: boolean;
}

/** tf.get_variable(name, shape?, opts?): create or reuse by the current variable scope's reuse setting. */
export function get_variable(name: string, shapeOrOpts?: unknown, maybeOpts: GetVariableOptions = {}): Variable {
  const plainOpts = typeof shapeOrOpts === 'object' && shapeOrOpts !== null && !Array.isArray(shapeOrOpts);
  const opts: GetVariableOptions = plainOpts ? (shapeOrOpts as GetVariableOptions) : maybeOpts;
  const rawShape = plainOpts ? (opts as { shape?: unknown }).shape : shapeOrOpts;
  const g = rootGraph(get_default_graph());
  const st = state(g);
  const scope = st.current;
  const full = scope.name ? `${scope.name}/${name}` : name;
  const shape = rawShape === undefined ? undefined : asShape(rawShape);
  const dtype = opts.dtype === undefined ? undefined : asDType(opts.dtype);
  // TF1 checks these before looking the name up, so they apply when reusing as well.
  const init = opts.initializer ?? scope.initializer;
  const fromValue = init !== null && init !== undefined && typeof init !== 'function';
  if (fromValue && shape !== undefined && shape !== null) throw new Error('ValueError: If initializer is a constant, do not specify shape.');
  if (fromValue && dtype !== undefined && isTensorValue(opts.initializer)) {
    const initDtype = toTensor(opts.initializer).dtype;
    if (initDtype !== dtype) throw new Error(`ValueError: Initializer type '${initDtype}' and explicit dtype '${dtype}' don't match.`);
  }
  const existing = st.store.get(full);
  if (existing) {
    if (scope.reuse === false) {
      throw new Error(`ValueError: Variable ${full} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope?`);
    }
    if (shape !== undefined && !shapesCompatible(shape, existing.staticShape)) {
      throw new Error(`ValueError: Trying to share variable ${full}, but specified shape ${formatShape(shape)} and found shape ${formatShape(existing.staticShape)}.`);
    }
    if (dtype !== undefined && dtype !== existing.dtype) {
      throw new Error(`ValueError: Trying to share variable ${full}, but specified dtype ${dtype} and found dtype ${existing.dtype}.`);
    }
    return existing;
  }
  if (scope.reuse === true) {
    throw new Error(`ValueError: Variable ${full} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`);
  }
  const v = createNew(full, shape, dtype ?? scope.dtype, opts, scope, dtype !== undefined);
  st.store.set(full, v);
  const reg = opts.regularizer ?? scope.regularizer;
  if (reg) {
    const loss = g.name_scope(`${v.op.name}/Regularizer/`, () => reg(v));
    if (loss !== null && loss !== undefined) g.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss);
  }
  return v;
}

function createNew(full: string, shape: ReturnType<typeof asShape> | undefined, dtype: DType, opts: GetVariableOptions,
                   scope: VariableScope, dtypeGiven: boolean): Variable {
  const init = opts.initializer ?? scope.initializer ?? defaultInitializer(full, dtype);
  const common = { name: full, trainable: opts.trainable, collections: opts.collections, validate_shape: opts.validate_shape, rootScope: true };
  if (typeof init !== 'function') {
    if (isTensorValue(init) || !dtypeGiven) return createVariable({ ...common, initial_value: init, dtype: dtypeGiven ? dtype : undefined });
    return createVariable({ ...common, initial_value: init, dtype });
  }
  if (shape === undefined || shape === null || !isFullyDefined(shape)) {
    throw new Error(`ValueError: Shape of a new variable (${full}) must be fully defined, but instead was ${formatShape(shape ?? null)}.`);
  }
  return createVariable({ ...common, initial_value: () => (init as Initializer)([...shape], dtype), dtype });
}

function defaultInitializer(full: string, dtype: DType): Initializer {
  if (isFloating(dtype)) return glorot_uniform_initializer();
  if (isInteger(dtype) || dtype === 'bool' || dtype === 'string') return zeros_initializer({ dtype });
  throw new Error(`ValueError: An initializer for variable ${full} of ${dtype} is required`);
}
