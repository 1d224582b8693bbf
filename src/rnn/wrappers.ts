// Projection and residual wrappers (TF1 core_rnn_cell / rnn_cell_impl): `_linear` kernel/bias in the wrapper's scope.
import type { Tensor } from '../graph/tensor.ts';
import { get_default_graph } from '../graph/default.ts';
import { matmul } from '../ops/math/matmul.ts';
import { bias_add } from '../ops/nn/bias_add.ts';
import { toTensor } from '../ops/convert.ts';
import { formatShape, shapesCompatible } from '../graph/shape.ts';
import { get_variable } from '../variables/scope.ts';
import { constant_initializer } from '../variables/initializers.ts';
import type { Reuse } from '../variables/scope.ts';
import { RNNCell, inputDepth, type Activation, type CallOptions, type StateSize } from './cell.ts';
import { assertSameStructure, mapStructure } from '../control/nest.ts';

/** TF1's rnn_cell_impl._linear for one argument: `kernel` then `bias` (constant 0) in the current variable scope. */
export function linear(x: Tensor, outputSize: number): Tensor {
  const depth = inputDepth(x.staticShape);
  const kernel = get_variable('kernel', [depth, outputSize], { dtype: x.dtype });
  const res = matmul(x, kernel);
  const bias = get_variable('bias', [outputSize], { dtype: x.dtype, initializer: constant_initializer(0.0) });
  return bias_add(res, bias);
}

/** Zero state of the wrapped cell, nested in `<WrapperClass>ZeroState/`. */
function wrappedZeroState(self: RNNCell, cell: RNNCell, batch_size: number | Tensor, dtype: string): any {
  return get_default_graph().name_scope(`${self.constructor.name}ZeroState`, () => cell.zero_state(batch_size, dtype));
}

export class OutputProjectionWrapper extends RNNCell {
  constructor(readonly _cell: RNNCell, readonly _output_size: number,
              opts: { activation?: Activation | null; reuse?: Reuse | null } = {}) {
    super({ reuse: opts.reuse });
    if (!(_output_size >= 1)) throw new Error(`ValueError: Parameter output_size must be > 0: ${_output_size}.`);
    this._activation = opts.activation ?? null;
  }
  readonly _activation: Activation | null;
  get state_size(): StateSize { return this._cell.state_size; }
  get output_size(): StateSize { return this._output_size; }
  override zero_state(batch_size: number | Tensor, dtype = 'float32'): any { return wrappedZeroState(this, this._cell, batch_size, dtype); }

  call(inputs: Tensor, state: any): [any, any] {
    const [output, resState] = this._cell.apply(inputs, state);
    const projected = linear(output, this._output_size);
    return [this._activation ? this._activation(projected) : projected, resState];
  }
}

export class InputProjectionWrapper extends RNNCell {
  constructor(readonly _cell: RNNCell, readonly _num_proj: number,
              opts: { activation?: Activation | null; input_size?: number | null; reuse?: Reuse | null } = {}) {
    super({ reuse: opts.reuse });
    this._activation = opts.activation ?? null;
  }
  readonly _activation: Activation | null;
  get state_size(): StateSize { return this._cell.state_size; }
  get output_size(): StateSize { return this._cell.output_size; }
  override zero_state(batch_size: number | Tensor, dtype = 'float32'): any { return wrappedZeroState(this, this._cell, batch_size, dtype); }

  call(inputs: Tensor, state: any): [any, any] {
    let projected = linear(inputs, this._num_proj);
    if (this._activation) projected = this._activation(projected);
    return this._cell.apply(projected, state);
  }
}

/** output = inputs + cell(inputs, state).output; adds no variable-scope level (TF1 overrides __call__). */
export class ResidualWrapper extends RNNCell {
  constructor(readonly _cell: RNNCell, readonly _residual_fn: ((inputs: any, outputs: any) => any) | null = null) {
    super();
  }
  get state_size(): StateSize { return this._cell.state_size; }
  get output_size(): StateSize { return this._cell.output_size; }
  override zero_state(batch_size: number | Tensor, dtype = 'float32'): any { return wrappedZeroState(this, this._cell, batch_size, dtype); }

  override apply(inputs: unknown, state: unknown, opts: CallOptions = {}): [any, any] {
    const [outputs, newState] = this._cell.apply(inputs, state, opts);
    assertSameStructure(inputs, outputs);
    const fn = this._residual_fn ?? ((i: unknown, o: unknown) => mapStructure((a: unknown, b: Tensor) => residualAdd(a, b), i, o));
    return [fn(inputs, outputs), newState];
  }
  call(inputs: Tensor, state: any): [any, any] { return this.apply(inputs, state); }
}

/** TF1's default residual_fn: shapes must be compatible, then `inp + out` (the lowercase `add` op). */
function residualAdd(inp: unknown, out: Tensor): Tensor {
  const x = toTensor(inp);
  if (!shapesCompatible(x.staticShape, out.staticShape)) {
    throw new Error(`ValueError: Shapes ${formatShape(x.staticShape)} and ${formatShape(out.staticShape)} are incompatible`);
  }
  return x.add(out);
}
