// BasicLSTMCell and LSTMCell: gate order i, j, f, o; forget_bias added at run time; state LSTMStateTuple(c, h).
import type { Tensor } from '../graph/tensor.ts';
import type { Shape } from '../graph/shape.ts';
import { constant } from '../ops/constant.ts';
import { concat } from '../ops/array/concat.ts';
import { split } from '../ops/array/split.ts';
import { slice } from '../ops/array/slice.ts';
import { matmul } from '../ops/math/matmul.ts';
import { add } from '../ops/math/add.ts';
import { multiply } from '../ops/math/mul.ts';
import { tanh } from '../ops/math/tanh.ts';
import { clip_by_value } from '../ops/math/clip_by_value.ts';
import { sigmoid } from '../ops/nn/sigmoid.ts';
import { bias_add } from '../ops/nn/bias_add.ts';
import { get_variable } from '../variables/scope.ts';
import { zeros_initializer, type Initializer } from '../variables/initializers.ts';
import type { Variable } from '../variables/variable.ts';
import { inputDepth, RNNCell, type Activation, type CellOptions, type StateSize } from './cell.ts';
import { LSTMStateTuple } from './state_tuple.ts';

export interface BasicLSTMOptions extends CellOptions {
  forget_bias?: number; state_is_tuple?: boolean; activation?: Activation | null;
}

export class BasicLSTMCell extends RNNCell {
  readonly _num_units: number;
  readonly _forget_bias: number;
  readonly _state_is_tuple: boolean;
  readonly _activation: Activation;
  _kernel!: Variable;
  _bias!: Variable;

  constructor(num_units: number, opts: BasicLSTMOptions = {}) {
    super(opts);
    this._num_units = num_units;
    this._forget_bias = opts.forget_bias ?? 1.0;
    this._state_is_tuple = opts.state_is_tuple ?? true;
    this._activation = opts.activation || tanh;
  }

  get state_size(): StateSize {
    return this._state_is_tuple ? new LSTMStateTuple(this._num_units, this._num_units) : 2 * this._num_units;
  }
  get output_size(): StateSize { return this._num_units; }

  protected override build(shape: Shape): void {
    const depth = inputDepth(shape);
    const n = this._num_units;
    this._kernel = get_variable('kernel', [depth + n, 4 * n], { dtype: this.dtype ?? undefined });
    this._bias = get_variable('bias', [4 * n], { initializer: zeros_initializer(), dtype: this.dtype ?? undefined });
  }

  call(inputs: Tensor, state: LSTMStateTuple<Tensor> | Tensor): [Tensor, LSTMStateTuple<Tensor> | Tensor] {
    const one = constant(1, { dtype: 'int32' });
    const [c, h] = this._state_is_tuple ? state as LSTMStateTuple<Tensor> : split(state, 2, { axis: one });
    const z = bias_add(matmul(concat([inputs, h], 1), this._kernel), this._bias);
    const [i, j, f, o] = split(z, 4, { axis: one });
    const forget = constant(this._forget_bias, { dtype: f.dtype });
    const act = this._activation;
    const newC = add(multiply(c, sigmoid(add(f, forget))), multiply(sigmoid(i), act(j)));
    const newH = multiply(act(newC), sigmoid(o));
    return [newH, this._state_is_tuple ? new LSTMStateTuple(newC, newH) : concat([newC, newH], 1)];
  }
}

export interface LSTMOptions extends BasicLSTMOptions {
  use_peepholes?: boolean; cell_clip?: number | null; initializer?: Initializer | null;
  num_proj?: number | null; proj_clip?: number | null;
}

export class LSTMCell extends RNNCell {
  readonly _num_units: number;
  readonly _use_peepholes: boolean;
  readonly _cell_clip: number | null;
  readonly _initializer: Initializer | null;
  readonly _num_proj: number | null;
  readonly _proj_clip: number | null;
  readonly _forget_bias: number;
  readonly _state_is_tuple: boolean;
  readonly _activation: Activation;
  _kernel!: Variable;
  _bias!: Variable;
  _w_f_diag?: Variable;
  _w_i_diag?: Variable;
  _w_o_diag?: Variable;
  _proj_kernel?: Variable;

  constructor(num_units: number, opts: LSTMOptions = {}) {
    super(opts);
    this._num_units = num_units;
    this._use_peepholes = opts.use_peepholes ?? false;
    this._cell_clip = opts.cell_clip ?? null;
    this._initializer = opts.initializer ?? null;
    this._num_proj = opts.num_proj ?? null;
    this._proj_clip = opts.proj_clip ?? null;
    this._forget_bias = opts.forget_bias ?? 1.0;
    this._state_is_tuple = opts.state_is_tuple ?? true;
    this._activation = opts.activation || tanh;
  }

  get state_size(): StateSize {
    const m = this._num_proj ?? this._num_units;
    return this._state_is_tuple ? new LSTMStateTuple(this._num_units, m) : this._num_units + m;
  }
  get output_size(): StateSize { return this._num_proj ?? this._num_units; }

  protected override build(shape: Shape): void {
    const depth = inputDepth(shape);
    const n = this._num_units;
    const hDepth = this._num_proj ?? n;
    const dtype = this.dtype ?? undefined;
    const init = this._initializer ?? undefined;
    this._kernel = get_variable('kernel', [depth + hDepth, 4 * n], { initializer: init, dtype });
    this._bias = get_variable('bias', [4 * n], { initializer: zeros_initializer(), dtype });
    if (this._use_peepholes) {
      this._w_f_diag = get_variable('w_f_diag', [n], { initializer: init, dtype });
      this._w_i_diag = get_variable('w_i_diag', [n], { initializer: init, dtype });
      this._w_o_diag = get_variable('w_o_diag', [n], { initializer: init, dtype });
    }
    if (this._num_proj !== null) this._proj_kernel = get_variable('projection/kernel', [n, this._num_proj], { initializer: init, dtype });
  }

  call(inputs: Tensor, state: LSTMStateTuple<Tensor> | Tensor): [Tensor, LSTMStateTuple<Tensor> | Tensor] {
    const n = this._num_units;
    const numProj = this._num_proj ?? n;
    const [cPrev, mPrev] = this._state_is_tuple
      ? state as LSTMStateTuple<Tensor>
      : [slice(state, [0, 0], [-1, n]), slice(state, [0, n], [-1, numProj])];
    const z = bias_add(matmul(concat([inputs, mPrev], 1), this._kernel), this._bias);
    const [i, j, f, o] = split(z, 4, { axis: 1 });
    const act = this._activation;
    // Python operators in TF1's source (`f + forget_bias`, `w * c`) are the lowercase-named ops: Tensor methods.
    let c: Tensor;
    if (this._use_peepholes) {
      c = sigmoid(f.add(this._forget_bias).add(this._w_f_diag!.mul(cPrev))).mul(cPrev)
        .add(sigmoid(i.add(this._w_i_diag!.mul(cPrev))).mul(act(j)));
    } else {
      c = sigmoid(f.add(this._forget_bias)).mul(cPrev).add(sigmoid(i).mul(act(j)));
    }
    if (this._cell_clip !== null) c = clip_by_value(c, -this._cell_clip, this._cell_clip);
    let m = this._use_peepholes ? sigmoid(o.add(this._w_o_diag!.mul(c))).mul(act(c)) : sigmoid(o).mul(act(c));
    if (this._num_proj !== null) {
      m = matmul(m, this._proj_kernel!);
      if (this._proj_clip !== null) m = clip_by_value(m, -this._proj_clip, this._proj_clip);
    }
    return [m, this._state_is_tuple ? new LSTMStateTuple(c, m) : concat([c, m], 1)];
  }
}
