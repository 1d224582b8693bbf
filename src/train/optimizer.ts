// tf.train.Optimizer: compute_gradients / apply_gradients / minimize with TF1's slots, name scopes and global step.
import { get_default_graph } from '../graph/default.ts';
import { GraphKeys, type Operation } from '../graph/graph.ts';
import { Tensor } from '../graph/tensor.ts';
import { isFloating, type DType } from '../graph/dtypes.ts';
import { gradients } from '../autodiff/gradients.ts';
import { toTensor, isTensorLike } from '../ops/convert.ts';
import { group } from '../ops/state/no_op.ts';
import { Variable, createVariable, assignOp } from '../variables/variable.ts';
import { variable_scope } from '../variables/scope.ts';
import { constant } from '../ops/constant.ts';
import { cast } from '../ops/math/cast.ts';

export type GradVar = [Tensor | null, Variable];

export interface MinimizeOptions { var_list?: Variable[]; global_step?: Variable | null; name?: string; grad_loss?: unknown }

export abstract class Optimizer {
  protected readonly slots = new Map<string, Map<Variable, Variable>>();
  protected readonly nonSlots = new Map<string, Variable>();

  constructor(readonly name: string) {}

  /** Slot names in creation order (TF1: get_slot_names). */
  get_slot_names(): string[] { return [...this.slots.keys()].sort(); }

  get_slot(v: Variable, name: string): Variable | null { return this.slots.get(name)?.get(v) ?? null; }

  variables(): Variable[] {
    const out: Variable[] = [...this.nonSlots.values()];
    for (const m of this.slots.values()) out.push(...m.values());
    return out;
  }

  /** [grad, var] pairs for every variable in var_list (default: trainable variables), grads null when unconnected. */
  compute_gradients(loss: unknown, opts: { var_list?: Variable[]; grad_loss?: unknown } = {}): GradVar[] {
    const l = toTensor(loss);
    if (!isFloating(l.dtype)) throw new TypeError(`Invalid type ${l.dtype} for ${l.name}, expected: [float32, float64, float16].`);
    const varList = opts.var_list ?? l.graph.get_collection<Variable>(GraphKeys.TRAINABLE_VARIABLES);
    if (varList.length === 0) throw new Error('ValueError: No variables to optimize.');
    const grads = gradients(l, varList, opts.grad_loss === undefined ? undefined : [opts.grad_loss]);
    return varList.map((v, i) => [grads[i], v]);
  }

  /** One update op per variable (under `<name>/update_<var>/`), then _finish; returns the grouped Operation. */
  apply_gradients(pairs: GradVar[], opts: { global_step?: Variable | null; name?: string } = {}): Operation {
    const withGrads = pairs.filter(([g]) => g !== null) as [Tensor, Variable][];
    if (withGrads.length === 0) {
      throw new Error(`ValueError: No gradients provided for any variable: ${pairs.map(([, v]) => v.op.name).join(', ')}.`);
    }
    const g = get_default_graph();
    const vars = withGrads.map(([, v]) => v);
    // Slots are variables: created outside any control-dependency context, in the root name scope.
    g.control_dependencies(null, () => g.name_scope(null, () => this.create_slots(vars)));
    return g.name_scope(opts.name ?? this.name, (ns) => {
      this.prepare();
      const updates = withGrads.map(([grad, v]) =>
        g.name_scope(`update_${v.op.name}`, () => this.apply_dense(grad, v)));
      const scopeName = ns.slice(0, -1);
      if (!opts.global_step) return this.finish(updates, ns);
      const finished = this.finish(updates, 'update');
      return g.control_dependencies([finished], () =>
        assignOp('AssignAdd', opts.global_step, 1, { name: scopeName + '/' }).op);
    });
  }

  minimize(loss: unknown, opts: MinimizeOptions = {}): Operation {
    const pairs = this.compute_gradients(loss, { var_list: opts.var_list, grad_loss: opts.grad_loss });
    if (pairs.every(([grad]) => grad === null)) {
      throw new Error(`ValueError: No gradients provided for any variable, check your graph for ops that do not support gradients, between variables [${pairs.map(([, v]) => `"${v.toString()}"`).join(', ')}] and loss ${toTensor(loss).toString()}.`);
    }
    const op = this.apply_gradients(pairs, { global_step: opts.global_step, name: opts.name });
    get_default_graph().add_to_collection(GraphKeys.TRAIN_OP, op);
    return op;
  }

  /** Creates this optimizer's slots for the variables (first use only). */
  protected abstract create_slots(vars: Variable[]): void;
  /** Converts hyper-parameters to tensors (in the apply name scope), as TF1's _prepare. */
  protected abstract prepare(): void;
  /** The update op of one variable. */
  protected abstract apply_dense(grad: Tensor, v: Variable): Operation;

  /** Groups the updates into the returned op (Adam adds its beta-power updates here). */
  protected finish(updates: Operation[], name: string): Operation {
    return group(updates, { name });
  }

  /** A slot variable `<var>/<name of this optimizer>` (TF1's slot_creator), initialised to `value`. */
  protected slot(v: Variable, slotName: string, value: number): Variable {
    let m = this.slots.get(slotName);
    if (!m) this.slots.set(slotName, (m = new Map()));
    const existing = m.get(v);
    if (existing) return existing;
    const s = variable_scope(null, { default_name: `${v.op.name}/${this.name}` }, (vs) =>
      createVariable({
        initial_value: () => constant(value, { dtype: v.dtype, shape: v.staticShape as number[], name: 'Const' }),
        // The scope's name exactly ('/'): variable_scope already opened that name scope, so uniquifying would add _1.
        name: `${vs.name}/`, trainable: false, rootScope: true,
      }));
    m.set(v, s);
    return s;
  }

  /** A non-slot variable such as Adam's beta1_power (one per optimizer, created on first use). */
  protected nonSlot(name: string, value: number, dtype: DType): Variable {
    let v = this.nonSlots.get(name);
    if (!v) this.nonSlots.set(name, (v = createVariable({ initial_value: constant(value, { dtype }), name, trainable: false })));
    return v;
  }
}

/** A hyper-parameter as a tensor of `dtype`: numbers become Consts named like TF1's, tensors are cast. */
export function hyper(value: unknown, name: string, dtype: DType): Tensor {
  if (value instanceof Tensor || isTensorLike(value)) {
    const t = toTensor(value);
    return t.dtype === dtype ? t : cast(t, dtype);
  }
  return constant(value as number, { dtype, name });
}

/** A hyper-parameter tensor cast to the variable's dtype inside its update scope (TF1's _apply_dense casts). */
export function castTo(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : cast(t, dtype);
}
