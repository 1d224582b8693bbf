// TF1 dtypes as labels on the graph, and how each maps onto the dtype tfjs computes in.
import type { DataType } from '@tensorflow/tfjs-core';

export type DType =
  | 'float16' | 'float32' | 'float64'
  | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'bool' | 'string';

const ALIASES: Record<string, DType> = {
  float16: 'float16', half: 'float16',
  float32: 'float32', float: 'float32',
  float64: 'float64', double: 'float64',
  int8: 'int8', int16: 'int16', int32: 'int32', int64: 'int64',
  uint8: 'uint8', uint16: 'uint16', uint32: 'uint32', uint64: 'uint64',
  bool: 'bool', string: 'string',
};

/** Accepts a DType or any of TF1's dtype strings (`'float'`, `'double'`, ...). */
export function asDType(d: unknown, what = 'dtype'): DType {
  if (typeof d === 'string' && Object.hasOwn(ALIASES, d)) return ALIASES[d];
  throw new TypeError(`${what} ${JSON.stringify(d)} is not a valid TF dtype (expected e.g. tf.float32, 'float32', 'int32', 'bool')`);
}

export function isFloating(d: DType): boolean {
  return d === 'float16' || d === 'float32' || d === 'float64';
}

export function isInteger(d: DType): boolean {
  return d.startsWith('int') || d.startsWith('uint');
}

/** The dtype tfjs stores and computes a TF1 dtype in. */
export function computeDType(d: DType): DataType {
  if (isFloating(d)) return 'float32';
  if (isInteger(d)) return 'int32';
  if (d === 'bool') return 'bool';
  return 'string';
}

/** TF's short dtype names as used in its error messages (`float`, `int32`, ...). */
export function tfDTypeName(d: DType): string {
  if (d === 'float32') return 'float';
  if (d === 'float64') return 'double';
  if (d === 'float16') return 'half';
  return d;
}

/** Representable range of an integer dtype (for feed and constant checks). */
export function intRange(d: DType): [number, number] | null {
  switch (d) {
    case 'int8': return [-128, 127];
    case 'int16': return [-32768, 32767];
    case 'int32': return [-2147483648, 2147483647];
    case 'uint8': return [0, 255];
    case 'uint16': return [0, 65535];
    case 'uint32': return [0, 4294967295];
    case 'int64': return [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    case 'uint64': return [0, Number.MAX_SAFE_INTEGER];
    default: return null;
  }
}
