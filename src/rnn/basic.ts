// BasicRNNCell (h' = act([x, h]·W + b)) and GRUCell (gates r then u, h' = u·h + (1−u)·c), as TF1 builds them.
import type { Tensor } from '../graph/tensor.ts';
import type { Shape } from '../graph/shape.ts';
import { concat } from '../ops/array/concat.ts';
import { split } from '../ops/array/split.ts';
import { matmul } from '../ops/math/matmul.ts';
import { tanh } from '../ops/math/tanh.ts';
import { sigmoid } from '../ops/nn/sigmoid.ts';
import { bias_add } from '../ops/nn/bias_add.ts';
import { get_variable } from '../variables/scope.ts';
import { constant_initializer, zeros_initializer, type Initializer } from '../variables/initializers.ts';
import type { Variable } from '../variables/variable.ts';
import { inputDepth, RNNCell, type Activation, type CellOptions, type StateSize } from './cell.ts';

export interface BasicRNNOptions extends CellOptions { activation?: Activation | null }

export class BasicRNNCell extends RNNCell {
  readonly _num_units: number;
  readonly _activation: Activation;
  _kernel!: Variable;
  _bias!: Variable;

  constructor(num_units: number, opts: BasicRNNOptions = {}) {
    super(opts);
    this._num_units = num_units;
    this._activation = opts.activation || tanh;
  }

  get state_size(): StateSize { return this._num_units; }
  get output_size(): StateSize { return this._num_units; }

  protected override build(shape: Shape): void {
    const depth = inputDepth(shape);
    const n = this._num_units;
    const dtype = this.dtype ?? undefined;
    this._kernel = get_variable('kernel', [depth + n, n], { dtype });
    this._bias = get_variable('bias', [n], { initializer: zeros_initializer(), dtype });
  }

  call(inputs: Tensor, state: Tensor): [Tensor, Tensor] {
    const out = this._activation(bias_add(matmul(concat([inputs, state], 1), this._kernel), this._bias));
    return [out, out];
  }
}

export interface GRUOptions extends BasicRNNOptions {
  kernel_initializer?: Initializer | null; bias_initializer?: Initializer | null;
}

export class GRUCell extends RNNCell {
  readonly _num_units: number;
  readonly _activation: Activation;
  readonly _kernel_initializer: Initializer | null;
  readonly _bias_initializer: Initializer | null;
  _gate_kernel!: Variable;
  _gate_bias!: Variable;
  _candidate_kernel!: Variable;
  _candidate_bias!: Variable;

  constructor(num_units: number, opts: GRUOptions = {}) {
    super(opts);
    this._num_units = num_units;
    this._activation = opts.activation || tanh;
    this._kernel_initializer = opts.kernel_initializer ?? null;
    this._bias_initializer = opts.bias_initializer ?? null;
  }

  get state_size(): StateSize { return this._num_units; }
  get output_size(): StateSize { return this._num_units; }

  protected override build(shape: Shape): void {
    const depth = inputDepth(shape);
    const n = this._num_units;
    const dtype = this.dtype ?? undefined;
    const kinit = this._kernel_initializer ?? undefined;
    this._gate_kernel = get_variable('gates/kernel', [depth + n, 2 * n], { initializer: kinit, dtype });
    // The gates start open-ish (bias 1.0) unless a bias initializer is given (then it serves both biases).
    this._gate_bias = get_variable('gates/bias', [2 * n], { initializer: this._bias_initializer ?? constant_initializer(1.0), dtype });
    this._candidate_kernel = get_variable('candidate/kernel', [depth + n, n], { initializer: kinit, dtype });
    this._candidate_bias = get_variable('candidate/bias', [n], { initializer: this._bias_initializer ?? zeros_initializer(), dtype });
  }

  call(inputs: Tensor, state: Tensor): [Tensor, Tensor] {
    const g = sigmoid(bias_add(matmul(concat([inputs, state], 1), this._gate_kernel), this._gate_bias));
    const [r, u] = split(g, 2, { axis: 1 });
    const rState = r.mul(state);
    const c = this._activation(bias_add(matmul(concat([inputs, rState], 1), this._candidate_kernel), this._candidate_bias));
    const newH = u.mul(state).add(u.rsub(1).mul(c));
    return [newH, newH];
  }
}
