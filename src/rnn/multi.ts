// MultiRNNCell: stacked cells, each called inside variable_scope('cell_%d'); the state is a tuple of the cells' states.
import { get_default_graph } from '../graph/default.ts';
import type { Tensor } from '../graph/tensor.ts';
import { concat } from '../ops/array/concat.ts';
import { slice } from '../ops/array/slice.ts';
import { variable_scope } from '../variables/scope.ts';
import { RNNCell, zeroStateTensors, type StateSize } from './cell.ts';
import { describe, isSequence } from '../control/nest.ts';

export class MultiRNNCell extends RNNCell {
  readonly _cells: RNNCell[];
  readonly _state_is_tuple: boolean;

  constructor(cells: RNNCell[], opts: { state_is_tuple?: boolean } = {}) {
    super();
    if (!Array.isArray(cells)) throw new TypeError(`cells must be a list or tuple, but saw: ${String(cells)}.`);
    if (cells.length === 0) throw new Error('ValueError: Must specify at least one cell for MultiRNNCell.');
    this._cells = [...cells];
    this._state_is_tuple = opts.state_is_tuple ?? true;
    if (!this._state_is_tuple && cells.some((c) => isSequence(c.state_size))) {
      throw new Error(`ValueError: Some cells return tuples of states, but the flag state_is_tuple is not set.  State sizes are: ${cells.map((c) => describe(c.state_size)).join(', ')}`);
    }
    // TF1 logs this warning; the same object really does share one set of weights across layers.
    if (new Set(cells).size !== cells.length) {
      console.warn('WARNING: At least two cells provided to MultiRNNCell are the same object and will share weights.');
    }
  }

  get state_size(): StateSize {
    if (this._state_is_tuple) return this._cells.map((c) => c.state_size);
    return this._cells.reduce((s, c) => s + (c.state_size as number), 0);
  }
  get output_size(): StateSize { return this._cells[this._cells.length - 1].output_size; }

  /** A tuple of each cell's own zero state (its ops nested in `MultiRNNCellZeroState/`). */
  override zero_state(batch_size: number | Tensor, dtype: string = 'float32'): any {
    return get_default_graph().name_scope(`${this.constructor.name}ZeroState`, () =>
      this._state_is_tuple ? this._cells.map((c) => c.zero_state(batch_size, dtype)) : zeroStateTensors(this.state_size, batch_size, dtype));
  }

  call(inputs: Tensor, state: any): [any, any] {
    let pos = 0;
    let inp: unknown = inputs;
    const newStates: unknown[] = [];
    this._cells.forEach((cell, i) => variable_scope(`cell_${i}`, () => {
      let cur: unknown;
      if (this._state_is_tuple) {
        if (!isSequence(state)) {
          throw new Error(`ValueError: Expected state to be a tuple of length ${this._cells.length}, but received: ${String(state)}`);
        }
        cur = state[i];
      } else {
        const size = cell.state_size as number;
        cur = slice(state, [0, pos], [-1, size]);
        pos += size;
      }
      const [out, s] = cell.apply(inp, cur);
      inp = out;
      newStates.push(s);
    }));
    return [inp, this._state_is_tuple ? newStates : concat(newStates, 1)];
  }
}
