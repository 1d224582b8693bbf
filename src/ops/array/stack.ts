// Pack (tf.stack(values, {axis})): same-shape tensors stacked along a new axis of size len(values).
import type { Dim } from '../../graph/shape.ts';
import type { Tensor } from '../../graph/tensor.ts';
import { constant } from '../constant.ts';
import { isTensorValue, toTensor } from '../convert.ts';
import { defineOp, makeOp } from '../registry.ts';
import { opScope, type NameOpt } from './util.ts';
import { unstack } from './unstack.ts';

export const Pack = defineOp({
  type: 'Pack',
  infer: (ctx) => {
    const values = ctx.inputs;
    const dtype = values[0].dtype;
    for (const v of values) {
      if (v.dtype !== dtype) throw new TypeError(`Tensors in list passed to 'values' of '${ctx.type}' Op have types [${values.map((t) => t.dtype).join(', ')}] that don't all match.`);
    }
    let shape: Dim[] | null = null;
    for (const v of values) {
      const s = v.staticShape;
      if (s === null) continue;
      if (shape === null) { shape = [...s]; continue; }
      if (s.length !== shape.length) ctx.fail(`Shapes must be equal rank, but are ${shape.length} and ${s.length}`);
      for (let i = 0; i < s.length; i++) {
        if (s[i] !== null && shape[i] !== null && s[i] !== shape[i]) {
          ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${shape[i]} and ${s[i]}`);
        }
        shape[i] = shape[i] ?? s[i];
      }
    }
    const axis = ctx.attrs.axis as number;
    if (shape === null) return [{ dtype, shape: null }];
    const r = shape.length + 1;
    if (axis < -r || axis >= r) ctx.fail(`axis = ${axis} not in [${-r}, ${r})`);
    const a = axis < 0 ? axis + r : axis;
    shape.splice(a, 0, values.length);
    return [{ dtype, shape }];
  },
  kernel: (ctx) => {
    const r = ctx.inputs[0].shape.length + 1;
    const axis = ctx.attrs.axis as number;
    return [ctx.call('Pack', ctx.inputs as never, { axis: axis < 0 ? axis + r : axis })];
  },
  // Each input gets its slice of dy along the packed axis.
  grad: (op, [dy]) => unstack(dy!, { num: op.inputs.length, axis: op.attrs.axis as number }),
});

/** tf.stack(values, {axis=0}): a list of JS constants with axis 0 becomes one Const (as TF1). */
export function stack(values: unknown[], opts: NameOpt & { axis?: number } = {}): Tensor {
  if (!Array.isArray(values) || values.length === 0) throw new TypeError('tf.stack: values must be a non-empty list');
  const axis = opts.axis ?? 0;
  if (axis === 0 && !values.some(isTensorValue)) {
    return constant(values, { name: opts.name ?? 'stack' });
  }
  return opScope(values, opts.name, 'stack', (scope) => {
    const first = values.find(isTensorValue);
    const dtype = first === undefined ? undefined : toTensor(first).dtype;
    const ts = values.map((v, i) => (isTensorValue(v) ? toTensor(v) : constant(v, { dtype, name: `values_${i}` })));
    const s = ts[0].staticShape;
    if (s !== null) {
      const r = s.length + 1;
      if (axis < -r || axis >= r) throw new Error(`ValueError: axis = ${axis} not in [${-r}, ${r})`);
    }
    return makeOp('Pack', ts, { axis, N: ts.length }, { name: scope }).outputs[0];
  });
}
