// dtype constants of the tf namespace (tf.float32, ...): TF1's dtype names, accepted wherever a dtype is.
import type { DType } from '../graph/dtypes.ts';

export const float16: DType = 'float16';
export const float32: DType = 'float32';
export const float64: DType = 'float64';
export const int8: DType = 'int8';
export const int16: DType = 'int16';
export const int32: DType = 'int32';
export const int64: DType = 'int64';
export const uint8: DType = 'uint8';
export const uint16: DType = 'uint16';
export const bool: DType = 'bool';
export const string: DType = 'string';
export const half = float16;
export const double = float64;
export { asDType as as_dtype } from '../graph/dtypes.ts';
