// tf.clip_by_value(t, lo, hi): a composite, as TF1 builds it — Minimum(t, hi) then Maximum(·, lo) in scope 'clip_by_value'.
import { formatShape, shapesCompatible } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { binary, withScope, type NameOpt } from './elementwise.ts';

export function clip_by_value(t: unknown, clip_value_min: unknown, clip_value_max: unknown, opts: NameOpt = {}): Tensor {
  return withScope([t], ['t'], opts.name, 'clip_by_value', ([x], scope) => {
    const tMin = binary('Minimum', x, clip_value_max, undefined);
    checkSame(x, tMin);
    const tMax = binary('Maximum', tMin, clip_value_min, scope);
    checkSame(x, tMax);
    return tMax;
  });
}

/** TF1 refuses bounds that would broadcast t to a larger shape (t.shape.merge_with(result.shape)). */
function checkSame(t: Tensor, r: Tensor): void {
  if (!shapesCompatible(t.staticShape, r.staticShape)) {
    throw new Error(`ValueError: Shapes ${formatShape(t.staticShape)} and ${formatShape(r.staticShape)} are not compatible`);
  }
}
