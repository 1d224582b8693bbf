// tf.Variable: a VariableV2 op whose value lives in the Session, with its Assign initializer and `read` snapshot.
import { Operation, GraphKeys } from '../graph/graph.ts';
import { get_default_graph } from '../graph/default.ts';
import { rootGraph } from '../graph/func_graph.ts';
import { Tensor } from '../graph/tensor.ts';
import { asDType, type DType } from '../graph/dtypes.ts';
import { formatShape, isFullyDefined, type Shape } from '../graph/shape.ts';
import { makeOp } from '../ops/registry.ts';
import { toTensor } from '../ops/convert.ts';
import { identity } from '../ops/state/identity.ts';
import { tensorMethods } from '../graph/tensor.ts';

export interface VariableOptions {
  trainable?: boolean;
  collections?: string[] | null;
  validate_shape?: boolean;
  name?: string;
  dtype?: DType | string;
}

export class Variable extends Tensor {
  /** The Assign op that writes the initial value (`W/Assign`). */
  readonly initializer: Operation;
  readonly initial_value: Tensor;
  readonly trainable: boolean;
  private readonly snapshot: Tensor;

  /** Built by createVariable; users call tf.Variable(...) or tf.get_variable(...). */
  constructor(op: Operation, initialValue: Tensor, initializer: Operation, snapshot: Tensor, trainable: boolean) {
    super(op, 0, op.outputs[0].dtype, op.outputs[0].staticShape);
    this.initial_value = initialValue;
    this.initializer = initializer;
    this.snapshot = snapshot;
    this.trainable = trainable;
  }

  /** Ops read a variable through its `read` snapshot, as TF1's ref variables convert. */
  _asTensor(): Tensor { return this.snapshot; }
  value(): Tensor { return this.snapshot; }
  /** A new read of the variable, ordered by the control dependencies in effect where it is called. */
  read_value(): Tensor { return makeOp('Identity', [this.ref], {}, { name: 'read' }).outputs[0]; }

  /** The VariableV2 op's output tensor itself (the graph edge consumers of the reference use). */
  get ref(): Tensor { return this.op.outputs[0]; }
  initialized_value(): Tensor { return this.initial_value; }

  assign(value: unknown, opts: { name?: string; validate_shape?: boolean } = {}): Tensor {
    return assignOp('Assign', this, value, opts);
  }
  assign_add(delta: unknown, opts: { name?: string } = {}): Tensor { return assignOp('AssignAdd', this, delta, opts); }
  assign_sub(delta: unknown, opts: { name?: string } = {}): Tensor { return assignOp('AssignSub', this, delta, opts); }

  override eval(feed_dict?: unknown, session?: unknown): any { return tensorMethods.eval(this.snapshot, feed_dict, session); }

  /** Assigns a host value in `session` (default session when omitted), TF1's var.load. */
  load(value: unknown, session?: unknown): void { tensorMethods.load(this, value, session); }

  override toString(): string {
    return `<tf.Variable '${this.name}' shape=${formatShape(this.staticShape)} dtype=${this.dtype}_ref>`;
  }
}

export function assignOp(type: 'Assign' | 'AssignAdd' | 'AssignSub', ref: unknown, value: unknown,
                         opts: { name?: string; validate_shape?: boolean } = {}): Tensor {
  if (!(ref instanceof Variable)) throw new TypeError(`tf.${type === 'Assign' ? 'assign' : type === 'AssignAdd' ? 'assign_add' : 'assign_sub'}: 'ref' must be a tf.Variable, got ${String(ref)}`);
  const v = toTensor(value, { dtype: ref.dtype });
  const attrs = type === 'Assign' ? { validate_shape: opts.validate_shape ?? true } : {};
  return makeOp(type, [ref.ref, v], attrs, { name: opts.name, defaultName: type }).outputs[0];
}

export interface CreateVariableArgs extends VariableOptions {
  /** A value, or a function building it (called in the `Initializer` name scope). */
  initial_value: unknown;
  /** Create with the name scope reset to the root (tf.get_variable). */
  rootScope?: boolean;
}

/** Creates the VariableV2 / Assign / read ops and registers the variable in its collections. */
export function createVariable(args: CreateVariableArgs): Variable {
  // Variables created while building a loop body belong to the outermost graph (TF1 lifts them out).
  const g = rootGraph(get_default_graph());
  if (g !== get_default_graph()) return g.as_default(() => createVariable(args));
  const build = () => g.name_scope(args.name ?? 'Variable', (ns) => {
    const dtype = args.dtype === undefined ? undefined : asDType(args.dtype);
    const init = typeof args.initial_value === 'function'
      ? g.name_scope('Initializer', () => toTensor((args.initial_value as () => unknown)(), { dtype }))
      : toTensor(args.initial_value, { dtype, name: 'initial_value' });
    const validate = args.validate_shape ?? true;
    const shape: Shape = validate ? init.staticShape : null;
    if (validate && !isFullyDefined(shape)) {
      throw new Error(`ValueError: initial_value must have a shape specified: ${init.toString()}`);
    }
    const varOp = makeOp('VariableV2', [], { dtype: init.dtype, shape }, { name: ns });
    const ref = varOp.outputs[0];
    const assign = makeOp('Assign', [ref, init], { validate_shape: validate }, { name: 'Assign' });
    const snapshot = identity(ref, { name: 'read' });
    const trainable = args.trainable ?? true;
    const v = new Variable(varOp, init, assign, snapshot, trainable);
    for (const key of args.collections ?? [GraphKeys.GLOBAL_VARIABLES]) g.add_to_collection(key, v);
    if (trainable && !(args.collections ?? []).includes(GraphKeys.TRAINABLE_VARIABLES)) {
      g.add_to_collection(GraphKeys.TRAINABLE_VARIABLES, v);
    }
    return v;
  });
  // Variables ignore surrounding control dependencies (TF1's init_scope).
  return g.control_dependencies(null, () => (args.rootScope ? g.name_scope(null, build) : build()));
}

/** tf.Variable(initial_value, {name, trainable, dtype, ...}); `new` is optional. */
export function makeVariable(initial_value: unknown, opts: VariableOptions = {}): Variable {
  return createVariable({ ...opts, initial_value });
}
