// RNNCell: TF1's (Layer-based) cell protocol — state/output sizes, zero_state, and variable capture on the first call.
import { get_default_graph } from '../graph/default.ts';
import { asDType, isFloating, type DType } from '../graph/dtypes.ts';
import { formatShape, type Shape } from '../graph/shape.ts';
import { Tensor } from '../graph/tensor.ts';
import { toTensor } from '../ops/convert.ts';
import { zeros } from '../ops/array/zeros_ones.ts';
import { AUTO_REUSE, variable_scope, VariableScope, type Reuse } from '../variables/scope.ts';
import { flatten, mapStructure, type Nested } from '../control/nest.ts';
import type { LSTMStateTuple } from './state_tuple.ts';

/** A state or output size: an int, an LSTMStateTuple of ints, or a (nested) tuple of those. */
export type StateSize = number | LSTMStateTuple<number> | StateSize[];
/** A state: a tensor, an LSTMStateTuple of tensors, or a (nested) tuple of those. */
export type State = Tensor | LSTMStateTuple<Tensor> | State[];
export type Activation = (x: Tensor) => Tensor;

export interface CellOptions { name?: string; reuse?: Reuse | null; dtype?: DType | string }
export interface CallOptions { scope?: string | VariableScope | null }

/** TF1's layers `_to_snake_case`: BasicLSTMCell → basic_lstm_cell. */
export function toSnakeCase(name: string): string {
  const s = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return s.startsWith('_') ? `private${s}` : s;
}

export abstract class RNNCell {
  /** The variable scope captured on the first call; later calls re-enter it with reuse=true. */
  protected _scope: VariableScope | null = null;
  built = false;
  protected readonly _baseName: string;
  protected readonly _reuse: Reuse | null;
  readonly dtype: DType | null;

  constructor(opts: CellOptions = {}) {
    this._baseName = opts.name ?? toSnakeCase(this.constructor.name);
    this._reuse = opts.reuse ?? null;
    this.dtype = opts.dtype === undefined ? null : asDType(opts.dtype);
  }

  abstract get state_size(): StateSize;
  abstract get output_size(): StateSize;

  /** The layer's name (TF1 `cell.name`): the captured scope's last component once called, else the base name. */
  get name(): string { return this._scope ? this._scope.name.split('/').pop()! : this._baseName; }
  /** The captured variable scope (null before the first call). */
  get scope(): VariableScope | null { return this._scope; }

  /** Creates the variables; called once, inside the captured scope, with the inputs' static shape. */
  protected build(_inputsShape: Shape): void {}

  /** The step itself (TF1's `call`): no scope handling; use apply() (TF1's `__call__`) to build variables. */
  abstract call(inputs: Tensor, state: any): [any, any];

  /**
   * TF1's `cell(inputs, state, scope=None)`. The first call captures `variable_scope(scope, default_name=<name>)`
   * in the current variable scope and builds there; every later call re-enters that scope with reuse=true
   * and its original name scope, so one cell object always means one set of weights.
   */
  apply(inputs: unknown, state: unknown, opts: CallOptions = {}): [any, any] {
    const x = flatten(inputs).length === 1 && !Array.isArray(inputs) ? toTensor(inputs) : inputs;
    checkFloatingInputs(x);
    if (!this._scope) this._scope = captureScope(opts.scope ?? null, this._baseName, this._reuse);
    const scope = this._scope;
    const reuse = this.built ? true : (this._reuse ?? undefined);
    return variable_scope(scope, { reuse, auxiliary_name_scope: false }, () =>
      get_default_graph().name_scope(scope.original_name_scope || null, () => {
        if (!this.built) {
          this.build(flatten<Tensor>(x)[0].staticShape);
          this.built = true;
        }
        return this.call(x as Tensor, state);
      }));
  }

  /** Python's `cell(x, s)`. */
  __call__(inputs: unknown, state: unknown, scope?: string | VariableScope | null): [any, any] {
    return this.apply(inputs, state, { scope });
  }

  /** Zeros shaped [batch_size, ...size] for every leaf of state_size, under name scope `<ClassName>ZeroState`. */
  zero_state(batch_size: number | Tensor, dtype: DType | string = 'float32'): any {
    return get_default_graph().name_scope(`${this.constructor.name}ZeroState`, () => zeroStateTensors(this.state_size, batch_size, dtype));
  }
}

/** `_zero_state_tensors`: tf.zeros per leaf; a tensor batch size builds the shape at run time. */
export function zeroStateTensors(size: StateSize, batch_size: number | Tensor, dtype: DType | string): any {
  const dt = asDType(dtype);
  return mapStructure((s: number) => {
    if (typeof batch_size === 'number') return zeros([batch_size, s], { dtype: dt });
    const b = toTensor(batch_size);
    const z = zeros([b, s], { dtype: dt });
    z.set_shape([null, s]);
    return z;
  }, size);
}

/**
 * Layer._set_scope: enter and leave the scope once, keeping the VariableScope object. A truthy reuse
 * (True or AUTO_REUSE) takes the base name as is, so re-running notebook cells finds the same variables.
 */
function captureScope(scope: string | VariableScope | null, baseName: string, reuse: Reuse | null): VariableScope {
  if (reuse === true || reuse === AUTO_REUSE) return variable_scope(scope ?? baseName, {}, (s) => s);
  return variable_scope(scope, { default_name: baseName }, (s) => s);
}

/** TF1's `_check_supported_dtypes` over the flattened inputs. */
export function checkFloatingInputs(inputs: unknown): void {
  for (const t of flatten(inputs)) {
    const d = toTensor(t).dtype;
    if (!isFloating(d)) throw new Error(`ValueError: RNN cell only supports floating point inputs, but saw dtype: <dtype: '${d}'>`);
  }
}

/** The input depth (last dim) must be static, checked when a cell builds its variables. */
export function inputDepth(shape: Shape): number {
  const d = shape === null ? null : shape[shape.length - 1];
  if (d === null || d === undefined) throw new Error(`ValueError: Expected inputs.shape[-1] to be known, saw shape: ${formatShape(shape)}`);
  return d;
}

export type { Nested };
