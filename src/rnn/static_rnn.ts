// tf.nn.static_rnn / static_bidirectional_rnn: a Python-level unrolled loop over a list of [batch, depth] tensors.
import type { DType } from '../graph/dtypes.ts';
import { Tensor } from '../graph/tensor.ts';
import { formatShape } from '../graph/shape.ts';
import { isTensorValue, toTensor } from '../ops/convert.ts';
import { shape as tfShape } from '../ops/array/shape.ts';
import { concat } from '../ops/array/concat.ts';
import { cast } from '../ops/math/cast.ts';
import { variable_scope, type VariableScope } from '../variables/scope.ts';
import type { RNNCell } from './cell.ts';
import { flatten, isSequence, packSequenceAs } from '../control/nest.ts';
import { rnnStep, reverseSeq, zeroOutput } from './rnn_step.ts';

export interface StaticRNNOptions {
  initial_state?: unknown; dtype?: DType | string | null; sequence_length?: unknown;
  scope?: string | VariableScope | null;
}

function checkInputs(inputs: unknown): asserts inputs is unknown[] {
  if (!isSequence(inputs)) throw new TypeError('inputs must be a sequence');
  if (inputs.length === 0) throw new Error('ValueError: inputs must not be empty');
}

/** JS numbers become int32 (they stand for Python ints here); tensors keep their dtype. */
function seqLengthTensor(v: unknown): Tensor {
  return toTensor(v, { dtype: isTensorValue(v) ? undefined : 'int32', name: 'sequence_length' });
}

/** Returns [outputs (one per step), final state]. */
export function static_rnn(cell: RNNCell, inputs: unknown[], opts: StaticRNNOptions = {}): [any[], any] {
  checkInputs(inputs);
  return variable_scope(opts.scope || 'rnn', (varscope) => {
    let first: unknown = inputs;
    while (isSequence(first)) first = first[0];
    const firstInput = toTensor(first);
    const fs = firstInput.staticShape;
    let fixedBatch: number | null = fs === null || fs.length === 0 ? null : fs[0];
    if (fs !== null && fs.length !== 1) {
      for (const t of flatten<Tensor>(inputs)) {
        const s = toTensor(t).staticShape;
        if (s !== null && s.length < 2) throw new Error(`ValueError: Shape ${formatShape(s)} must have rank at least 2`);
        if (s === null) continue;
        if (fixedBatch !== null && s[0] !== null && s[0] !== fixedBatch) {
          throw new Error(`ValueError: Dimensions ${fixedBatch} and ${s[0]} are not compatible`);
        }
        fixedBatch = fixedBatch ?? s[0];
        s.slice(1).forEach((d, i) => {
          if (d === null) throw new Error(`ValueError: Input size (dimension ${i} of inputs) must be accessible via shape inference, but saw value None.`);
        });
      }
    }
    const batchSize: number | Tensor = fixedBatch ?? tfShape(firstInput).get(0);

    let state: any;
    if (opts.initial_state !== undefined && opts.initial_state !== null) state = opts.initial_state;
    else {
      if (!opts.dtype) throw new Error('ValueError: If there is no initial_state, you must give a dtype.');
      state = cell.zero_state(batchSize, opts.dtype);
    }

    let seqLen: Tensor | null = null;
    let zero: unknown = null;
    if (opts.sequence_length !== undefined && opts.sequence_length !== null) {
      let sl = seqLengthTensor(opts.sequence_length);
      if (sl.staticShape !== null && sl.staticShape.length !== 1) throw new Error('ValueError: sequence_length must be a vector of length batch_size');
      if (sl.dtype !== 'int32') sl = cast(sl, 'int32', { name: 'ToInt32' });
      seqLen = sl;
      const dtype = (opts.dtype ?? flatten<Tensor>(state)[0].dtype) as DType;
      zero = packSequenceAs(cell.output_size, flatten<number>(cell.output_size).map((n) => zeroOutput(batchSize, fixedBatch, n, dtype)));
    }

    const outputs: unknown[] = [];
    inputs.forEach((input, time) => {
      if (time > 0) varscope.reuse_variables();
      const callCell = (): [any, any] => cell.apply(input, state);
      let output: unknown;
      if (seqLen !== null) [output, state] = rnnStep(time, seqLen, zero, state, callCell);
      else [output, state] = callCell();
      outputs.push(output);
    });
    return [outputs, state];
  });
}

export interface StaticBidirectionalOptions {
  initial_state_fw?: unknown; initial_state_bw?: unknown; dtype?: DType | string | null; sequence_length?: unknown;
  scope?: string | VariableScope | null;
}

/** Returns [outputs (fw and bw concatenated on depth), state_fw, state_bw]; variables under `<scope>/fw`, `<scope>/bw`. */
export function static_bidirectional_rnn(cell_fw: RNNCell, cell_bw: RNNCell, inputs: unknown[],
                                         opts: StaticBidirectionalOptions = {}): [any[], any, any] {
  checkInputs(inputs);
  const sequence_length = opts.sequence_length === undefined || opts.sequence_length === null ? null : seqLengthTensor(opts.sequence_length);
  const [outFw, stateFw, tmp, stateBw] = variable_scope(opts.scope || 'bidirectional_rnn', () => {
    const [of, sf] = variable_scope('fw', (fwScope) =>
      static_rnn(cell_fw, inputs, { initial_state: opts.initial_state_fw, dtype: opts.dtype, sequence_length, scope: fwScope }));
    const [ob, sb] = variable_scope('bw', (bwScope) => {
      const reversed = reverseSeq(inputs, sequence_length);
      return static_rnn(cell_bw, reversed, { initial_state: opts.initial_state_bw, dtype: opts.dtype, sequence_length, scope: bwScope });
    });
    return [of, sf, ob, sb];
  });
  const outBw = reverseSeq(tmp, sequence_length);
  const outputs = outFw.map((fw, t) => {
    const f = flatten<Tensor>(fw);
    const b = flatten<Tensor>(outBw[t]);
    return packSequenceAs(fw, f.map((x, i) => concat([x, b[i]], 1)));
  });
  return [outputs, stateFw, stateBw];
}
