// NoOp: does nothing; with control inputs it groups ops (tf.no_op, tf.group, tf.control_dependencies).
import { defineOp, makeOp } from '../registry.ts';
import { get_default_graph } from '../../graph/default.ts';
import { Operation } from '../../graph/graph.ts';
import { Tensor } from '../../graph/tensor.ts';
import { isTensorLike } from '../convert.ts';

export const NoOp = defineOp({
  type: 'NoOp',
  nondiff: true,
  infer: () => [],
  kernel: () => [],
});

export function no_op(opts: { name?: string } = {}): Operation {
  return makeOp('NoOp', [], {}, { name: opts.name, defaultName: 'NoOp' });
}

/** The op behind a tensor, variable or op (what control dependencies and groups depend on). */
export function asOperation(x: unknown, what = 'input'): Operation {
  if (x instanceof Operation) return x;
  if (isTensorLike(x)) return x._asTensor().op;
  if (x instanceof Tensor) return x.op;
  throw new TypeError(`${what} must be an Operation, Tensor or Variable, got ${x === null ? 'null' : typeof x}`);
}

/** tf.group(...inputs, {name}): an op that runs all inputs. */
export function group(...args: unknown[]): Operation {
  let name: string | undefined;
  const last = args[args.length - 1];
  if (typeof last === 'object' && last !== null && !(last instanceof Operation) && !(last instanceof Tensor) &&
      !isTensorLike(last) && !Array.isArray(last)) {
    name = (args.pop() as { name?: string }).name;
  }
  const ops = args.flat(Infinity).map((x) => asOperation(x, 'tf.group input'));
  const graph = ops[0]?.graph ?? get_default_graph();
  return graph.control_dependencies(ops, () => makeOp('NoOp', [], {}, { name, defaultName: 'group_deps', graph }));
}

/** tf.control_dependencies(ops, fn): ops created in fn run after `ops` (null clears outer dependencies). */
export function control_dependencies<T>(ops: unknown[] | null, fn: () => T): T {
  const list = ops === null ? null : ops.map((x) => asOperation(x, 'control input'));
  return get_default_graph().control_dependencies(list, fn);
}
