// tf.layers base Layer (TF1 layers/base.py): the variable scope is fixed on the first call and re-entered on every call.
import { get_default_graph } from '../graph/default.ts';
import { asDType, type DType } from '../graph/dtypes.ts';
import type { Shape } from '../graph/shape.ts';
import type { Tensor } from '../graph/tensor.ts';
import { toTensor } from '../ops/convert.ts';
import { get_variable, variable_scope, VariableScope, type Reuse } from '../variables/scope.ts';
import type { Variable } from '../variables/variable.ts';
import type { Initializer } from '../variables/initializers.ts';

export interface LayerOptions {
  name?: string | null;
  trainable?: boolean;
  dtype?: DType | string | null;
  /** Internal (TF1's `_scope`): the functional forms pass their `name` (or a captured scope) here. */
  _scope?: string | VariableScope | null;
  /** Internal (TF1's `_reuse`): reuse of the first call. */
  _reuse?: Reuse | null;
}

export interface WeightOptions {
  initializer?: Initializer | unknown;
  regularizer?: ((v: Variable) => unknown) | null;
  trainable?: boolean;
  dtype?: DType;
}

export abstract class Layer {
  /** The layer's variable scope, set on the first call. */
  scope: VariableScope | null = null;
  built = false;
  readonly trainable: boolean;
  dtype: DType | null;
  private readonly baseName: string;
  private readonly givenName: string | null;
  private readonly scopeArg: string | VariableScope | null;
  private readonly reuse: Reuse | null;
  private readonly weightsList: Variable[] = [];

  constructor(defaultName: string, opts: LayerOptions = {}) {
    this.givenName = opts.name ?? null;
    this.baseName = opts.name ?? defaultName;
    this.trainable = opts.trainable ?? true;
    this.dtype = opts.dtype === undefined || opts.dtype === null ? null : asDType(opts.dtype);
    this.scopeArg = opts._scope ?? null;
    this.reuse = opts._reuse ?? null;
  }

  /** The name given, else the name of the variable scope the first call chose (`dense_1`). */
  get name(): string { return this.givenName ?? this.scope?.name.split('/').pop() ?? this.baseName; }

  protected abstract build(inputs: Tensor): void;
  protected abstract call(inputs: Tensor, kwargs: Record<string, unknown>): Tensor;

  /** `layer(inputs)` / `layer.apply(inputs)`: variables on the first call, reused on later calls. */
  apply(inputs: unknown, kwargs: Record<string, unknown> = {}): Tensor { return this.__call__(inputs, kwargs); }

  __call__(inputs: unknown, kwargs: Record<string, unknown> = {}): Tensor {
    const scope = this.setScope();
    const g = get_default_graph();
    // A built layer always reuses (TF1: `_always_reuse_variable_scope`); ops go into the first call's name scope.
    const reuse = this.built ? true : this.reuse;
    return variable_scope(scope, { reuse, auxiliary_name_scope: false }, () =>
      g.name_scope(scope.original_name_scope || null, () => {
        const x = toTensor(inputs, { what: 'inputs' });
        if (!this.built) {
          if (this.dtype === null) this.dtype = x.dtype;
          this.build(x);
          this.built = true;
        }
        return this.call(x, kwargs);
      }));
  }

  /** TF1's _set_scope: a given scope as is (reused by name when `reuse`), else a unique `default_name` scope. */
  private setScope(): VariableScope {
    if (this.scope) return this.scope;
    const capture = (s: VariableScope) => { this.scope = s; };
    if (this.scopeArg instanceof VariableScope || (this.reuse !== null && this.reuse !== false)) {
      variable_scope(this.scopeArg ?? this.baseName, capture);
    } else {
      variable_scope(this.scopeArg, { default_name: this.baseName }, capture);
    }
    return this.scope!;
  }

  /** A variable in the layer's scope (get_variable: creates or reuses by the scope's reuse). */
  protected add_weight(name: string, shape: Shape, opts: WeightOptions = {}): Variable {
    const v = get_variable(name, shape, {
      initializer: opts.initializer ?? undefined, regularizer: opts.regularizer ?? undefined,
      trainable: (opts.trainable ?? true) && this.trainable, dtype: opts.dtype ?? this.dtype ?? 'float32',
    });
    if (!this.weightsList.includes(v)) this.weightsList.push(v);
    return v;
  }

  get variables(): Variable[] { return [...this.weightsList]; }
  get weights(): Variable[] { return this.variables; }
  get trainable_variables(): Variable[] { return this.trainable ? this.variables : []; }
  get trainable_weights(): Variable[] { return this.trainable_variables; }
  get non_trainable_variables(): Variable[] { return this.trainable ? [] : this.variables; }
}
