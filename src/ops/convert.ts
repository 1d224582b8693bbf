// Converting user values (tensors, variables, numbers, nested arrays, NDArrays) into graph tensors.
import { asDType, type DType } from '../graph/dtypes.ts';
import { Tensor } from '../graph/tensor.ts';
import { NDArray, fillData } from '../runtime/ndarray.ts';
import { constant } from './constant.ts';
import { makeOp } from './registry.ts';
import { get_default_graph } from '../graph/default.ts';

/** Objects that stand for a tensor in ops (tf.Variable → its `read` snapshot). */
export interface TensorLike { _asTensor(): Tensor }

export function isTensorLike(v: unknown): v is TensorLike {
  return typeof v === 'object' && v !== null && typeof (v as TensorLike)._asTensor === 'function';
}

export function isTensorValue(v: unknown): boolean {
  return v instanceof Tensor || isTensorLike(v);
}

export interface ConvertOptions { dtype?: DType | string; name?: string; what?: string }

/** tf.convert_to_tensor: tensors pass (dtype-checked), anything else becomes a Const. */
export function toTensor(v: unknown, opts: ConvertOptions = {}): Tensor {
  const want = opts.dtype === undefined ? undefined : asDType(opts.dtype);
  if (isTensorLike(v)) v = v._asTensor();
  if (v instanceof Tensor) {
    if (want && v.dtype !== want) {
      throw new TypeError(`Tensor conversion requested dtype ${want} for Tensor with dtype ${v.dtype}: ${v.toString()}`);
    }
    return v;
  }
  if (v === null || v === undefined) {
    throw new TypeError(`${opts.what ?? 'Value'} ${v === null ? 'null (None)' : 'undefined'} cannot be converted to a Tensor`);
  }
  if (Array.isArray(v) && containsTensor(v)) return autopack(v, want);
  if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof NDArray) && !ArrayBuffer.isView(v)) {
    throw new TypeError(`Failed to convert object of type ${(v as object).constructor?.name ?? 'Object'} to Tensor.`);
  }
  return constant(v, { dtype: want, name: opts.name });
}

/**
 * Converts the operands of a binary op: tensors keep their dtype; a JS value takes the other operand's
 * dtype (TF1's rule for Python scalars); two tensors must agree.
 */
export function binaryOperands(a: unknown, b: unknown, opType: string): [Tensor, Tensor] {
  const at = isTensorValue(a) ? toTensor(a) : null;
  const bt = isTensorValue(b) ? toTensor(b) : null;
  if (at && bt) {
    if (at.dtype !== bt.dtype) {
      throw new TypeError(`Input 'y' of '${opType}' Op has type ${bt.dtype} that does not match type ${at.dtype} of argument 'x'.`);
    }
    return [at, bt];
  }
  if (at) return [at, hostOperand(b, at.dtype)];
  if (bt) return [hostOperand(a, bt.dtype), bt];
  const x = toTensor(a);
  return [x, hostOperand(b, x.dtype)];
}

function hostOperand(v: unknown, dtype: DType): Tensor {
  if (v instanceof NDArray) return constant(v.dtype === dtype ? v : new NDArray(dtype, [...v.shape], fillData(dtype, v.data)));
  return constant(v, { dtype });
}

function containsTensor(v: unknown[]): boolean {
  return v.some((x) => isTensorValue(x) || (Array.isArray(x) && containsTensor(x)));
}

/**
 * TF1's autopacking: a (nested) list mixing tensors and values converts to a Pack op named 'packed', so
 * `tf.reduce_mean([loss0, loss1])` works as in Python.
 */
function autopack(v: unknown[], dtype: DType | undefined): Tensor {
  const graph = get_default_graph();
  return graph.name_scope('packed', (ns) => {
    const parts = v.map((x) => (Array.isArray(x) && containsTensor(x) ? autopack(x, dtype) : x));
    const first = parts.find(isTensorValue);
    const dt = dtype ?? (first === undefined ? undefined : toTensor(first).dtype);
    const ts = parts.map((x) => toTensor(x, { dtype: dt }));
    return makeOp('Pack', ts, { axis: 0, N: ts.length }, { name: ns }).outputs[0];
  });
}
