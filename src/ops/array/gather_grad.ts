// GatherV2's gradient (TF1's _GatherV2Grad): dy's rows scatter-added into zeros of params' shape.
import type { Operation } from '../../graph/graph.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { concat } from './concat.ts';
import { gather } from './gather.ts';
import { constValue, staticDims } from './grad_util.ts';
import { reshape } from './reshape.ts';
import { unsorted_segment_sum } from './segment_sum.ts';
import { shape as shapeOf } from './shape.ts';
import { slice } from './slice.ts';
import { transpose } from './transpose.ts';

export function gatherGrad(op: Operation, dy: Tensor): (Tensor | null)[] {
  const [params, indices, axisT] = op.inputs;
  const av = constValue(axisT)?.[0] ?? null;
  const rank = params.staticShape?.length ?? null;
  // TF1 also builds the permutations from run-time ranks; here the common static case is required.
  if (av === null || rank === null) throw new Error(`GatherV2 gradient of '${op.name}' needs a constant axis and a known params rank`);
  const a = av < 0 ? av + rank : av;
  const d = staticDims(params);
  let valuesShape: unknown;
  let num: unknown;
  if (d !== null) {
    valuesShape = [...d.slice(0, a), -1, ...d.slice(a + 1)];
    num = d[a];
  } else {
    const sh = shapeOf(params);
    valuesShape = concat([slice(sh, [0], [a]), constant([-1], { dtype: 'int32' }), slice(sh, [a + 1], [-1])], 0);
    num = gather(sh, a);
  }
  // dy viewed as params[:a] + [n_indices] + params[a+1:], the indices' axis moved first for the segment sum.
  const values = reshape(dy, valuesShape);
  const ids = reshape(indices, [-1]);
  if (a === 0) return [unsorted_segment_sum(values, ids, num), null, null];
  const perm = [a, ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== a)];
  const inv = Array.from({ length: rank }, (_, i) => (i < a ? i + 1 : i === a ? 0 : i));
  return [transpose(unsorted_segment_sum(transpose(values, perm), ids, num), inv), null, null];
}
