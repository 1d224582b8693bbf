// TF's strided-slice canonicalisation (sparse spec with masks → dense per-dim begin/end/stride → shapes), shared by inference and kernel.
import type { Dim } from '../../graph/shape.ts';

export interface SliceMasks {
  begin_mask: number; end_mask: number; ellipsis_mask: number; new_axis_mask: number; shrink_axis_mask: number;
}

export interface DenseSlice {
  /** Per input dim (null where unknown): canonical begin, end (end -1 = before index 0), stride. */
  begin: (number | null)[];
  end: (number | null)[];
  strides: number[];
  /** Shape after slicing every input dim (shrunk dims count 1). */
  processing: Dim[];
  /** Output shape (shrunk dims dropped, new axes inserted). */
  final: Dim[];
}

const NEW_AXIS = -1;
const SHRINK = -2;

/** Canonicalises a strided slice; `fail` throws the op's error. Unknown values (null) give unknown dims. */
export function denseSlice(inShape: Dim[], begin: (number | null)[], end: (number | null)[], strides: (number | null)[],
                           m: SliceMasks, fail: (msg: string) => never): DenseSlice | null {
  const n = strides.length;
  let ellipsis = m.ellipsis_mask;
  let sparseDims = n;
  let ellipsisAt = -1;
  for (let i = 0; i < n; i++) {
    if (ellipsis & (1 << i)) {
      if (ellipsisAt >= 0) fail('Multiple ellipses in slice spec not allowed');
      ellipsisAt = i;
    }
  }
  if (ellipsisAt < 0) { ellipsis |= 1 << n; sparseDims = n + 1; ellipsisAt = n; }
  let newAfter = 0;
  for (let i = ellipsisAt + 1; i < n; i++) if (m.new_axis_mask & (1 << i)) newAfter++;
  const dense = inShape.length;
  const dB: (number | null)[] = new Array(dense).fill(0);
  const dE: (number | null)[] = new Array(dense).fill(0);
  const dS: (number | null)[] = new Array(dense).fill(1);
  const bm: boolean[] = new Array(dense).fill(false);
  const em: boolean[] = new Array(dense).fill(false);
  const sh: boolean[] = new Array(dense).fill(false);
  const gather: number[] = [];
  let full = 0;
  for (let i = 0; i < sparseDims; i++) {
    if (ellipsis & (1 << i)) {
      const next = Math.min(dense - (sparseDims - i) + 1 + newAfter, dense);
      for (; full < next; full++) { bm[full] = true; em[full] = true; gather.push(full); }
    } else if (m.new_axis_mask & (1 << i)) {
      gather.push(NEW_AXIS);
    } else {
      if (full >= dense) fail(`Index out of range using input dim ${full}; input has only ${dense} dims`);
      dB[full] = begin[i]; dE[full] = end[i]; dS[full] = strides[i];
      bm[full] = !!(m.begin_mask & (1 << i)); em[full] = !!(m.end_mask & (1 << i));
      sh[full] = !!(m.shrink_axis_mask & (1 << i));
      gather.push(sh[full] ? SHRINK : full);
      full++;
    }
  }
  if (dS.some((s) => s === null)) return null;
  const strideV = dS as number[];
  const processing: Dim[] = [];
  const outB: (number | null)[] = [];
  const outE: (number | null)[] = [];
  for (let i = 0; i < dense; i++) {
    const dim = inShape[i];
    const s = strideV[i];
    if (s === 0) fail(`strides[${i}] must be non-zero`);
    if (sh[i] && s <= 0) fail('only stride 1 allowed on non-range indexing.');
    if (sh[i]) {
      const b = dB[i];
      if (b === null || dim === null) { outB.push(null); outE.push(null); processing.push(1); continue; }
      const x = b < 0 ? dim + b : b;
      if (x < 0 || x >= dim) fail(`slice index ${b} of dimension ${i} out of bounds.`);
      outB.push(x); outE.push(x + 1); processing.push(1);
      continue;
    }
    if (dim === null) { outB.push(null); outE.push(null); processing.push(null); continue; }
    const canon = (x: number) => {
      const f = x < 0 ? dim + x : x;
      return s > 0 ? Math.min(Math.max(f, 0), dim) : Math.min(Math.max(f, -1), dim - 1);
    };
    const b = bm[i] ? (s > 0 ? 0 : dim - 1) : dB[i] === null ? null : canon(dB[i]!);
    const e = em[i] ? (s > 0 ? dim : -1) : dE[i] === null ? null : canon(dE[i]!);
    outB.push(b); outE.push(e);
    if (b === null || e === null) { processing.push(null); continue; }
    const len = e - b;
    processing.push(len === 0 || (len < 0) !== (s < 0) ? 0 : Math.trunc(len / s) + (len % s !== 0 ? 1 : 0));
  }
  const final: Dim[] = [];
  for (const g of gather) {
    if (g === NEW_AXIS) final.push(1);
    else if (g !== SHRINK) final.push(processing[g]);
  }
  return { begin: outB, end: outE, strides: strideV, processing, final };
}
