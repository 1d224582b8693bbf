// DropoutWrapper: dropout on inputs, outputs and new state (never an LSTMStateTuple's c); adds no variable-scope level.
import type { Tensor } from '../graph/tensor.ts';
import { get_default_graph } from '../graph/default.ts';
import { toTensor } from '../ops/convert.ts';
import { dropout } from '../nn/dropout.ts';
import { RNNCell, type CallOptions, type StateSize } from './cell.ts';
import { isSequence } from '../control/nest.ts';
import { LSTMStateTuple } from './state_tuple.ts';

export interface DropoutWrapperOptions {
  input_keep_prob?: number | Tensor; output_keep_prob?: number | Tensor; state_keep_prob?: number | Tensor;
  variational_recurrent?: boolean; input_size?: unknown; dtype?: unknown; seed?: number | null;
  dropout_state_filter_visitor?: ((s: unknown) => boolean) | null;
}

/** One dropout per leaf, with a fresh mask each call (tf.nn.dropout handles run-time shapes and tensor keep_probs). */
function drop(x: Tensor, keep: number | Tensor, seed: number | null): Tensor {
  return dropout(x, keep, { seed });
}

/** A constant probability of exactly 1 adds nothing; a tensor always adds a dropout op (TF1's _should_dropout). */
function shouldDropout(p: number | Tensor): boolean {
  return typeof p !== 'number' || p < 1;
}

export class DropoutWrapper extends RNNCell {
  readonly _input_keep_prob: number | Tensor;
  readonly _output_keep_prob: number | Tensor;
  readonly _state_keep_prob: number | Tensor;
  readonly _seed: number | null;
  readonly _filter: (s: unknown) => boolean;

  constructor(readonly _cell: RNNCell, opts: DropoutWrapperOptions = {}) {
    super();
    const check = (v: number | Tensor | undefined, name: string): number | Tensor => {
      const p = v ?? 1.0;
      if (typeof p === 'number' && !(p >= 0 && p <= 1)) throw new Error(`ValueError: Parameter ${name} must be between 0 and 1: ${p}`);
      return typeof p === 'number' ? p : toTensor(p);
    };
    this._input_keep_prob = check(opts.input_keep_prob, 'input_keep_prob');
    this._output_keep_prob = check(opts.output_keep_prob, 'output_keep_prob');
    this._state_keep_prob = check(opts.state_keep_prob, 'state_keep_prob');
    if (opts.variational_recurrent) throw new Error('NotImplementedError: DropoutWrapper(variational_recurrent=True) is not supported by tfgraph');
    this._seed = opts.seed ?? null;
    this._filter = opts.dropout_state_filter_visitor ?? (() => true);
  }

  get state_size(): StateSize { return this._cell.state_size; }
  get output_size(): StateSize { return this._cell.output_size; }
  override zero_state(batch_size: number | Tensor, dtype = 'float32'): any {
    return get_default_graph().name_scope(`${this.constructor.name}ZeroState`, () => this._cell.zero_state(batch_size, dtype));
  }

  /** TF1 overrides __call__: the wrapped cell is called with the caller's scope, so variables keep its names. */
  override apply(inputs: unknown, state: unknown, opts: CallOptions = {}): [any, any] {
    let x = inputs;
    if (shouldDropout(this._input_keep_prob)) x = this.dropAll(x, this._input_keep_prob);
    let [output, newState] = this._cell.apply(x, state, opts);
    if (shouldDropout(this._state_keep_prob)) newState = this.dropState(newState);
    if (shouldDropout(this._output_keep_prob)) output = this.dropAll(output, this._output_keep_prob);
    return [output, newState];
  }

  call(inputs: Tensor, state: any): [any, any] { return this.apply(inputs, state); }

  private dropAll(v: unknown, keep: number | Tensor): any {
    if (isSequence(v)) {
      const parts = v.map((e) => this.dropAll(e, keep));
      return v instanceof LSTMStateTuple ? new LSTMStateTuple(parts[0], parts[1]) : parts;
    }
    return drop(toTensor(v), keep, this._seed);
  }

  /** The default state filter: every leaf except an LSTMStateTuple's memory cell `c`. */
  private dropState(s: unknown): any {
    if (s instanceof LSTMStateTuple) return new LSTMStateTuple(s.c, this.dropState(s.h));
    if (isSequence(s)) return s.map((e) => this.dropState(e));
    return this._filter(s) ? drop(toTensor(s), this._state_keep_prob, this._seed) : s;
  }
}
