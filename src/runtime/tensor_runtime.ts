// Tensor methods that need a session: t.eval(feed_dict, session) and variable.load(value, session).
import { tensorMethods, type Tensor } from '../graph/tensor.ts';
import { currentSession } from './default_session.ts';
import { Session } from './session.ts';
import type { Variable } from '../variables/variable.ts';

function sessionFor(t: Tensor, session: unknown, what: string): Session {
  const s = (session as Session | undefined) ?? currentSession();
  if (!s) {
    throw new Error(what === 'eval'
      ? 'ValueError: Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`'
      : 'ValueError: Cannot load a variable using `load()`: No default session is registered. Pass an explicit session to `load(value, session)`');
  }
  if (!(s instanceof Session)) throw new TypeError(`${what}: session must be a tf.Session`);
  if (s.graph !== t.graph) {
    throw new Error(`ValueError: Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph.`);
  }
  return s;
}

tensorMethods.eval = (t: Tensor, feed_dict?: unknown, session?: unknown) =>
  sessionFor(t, session, 'eval').run(t, feed_dict === undefined ? undefined : { feed_dict });

/** TF1's load: runs the variable's initializer with its initial value fed, adding no ops to the graph. */
tensorMethods.load = (v: Tensor, value: unknown, session?: unknown) => {
  const init = (v as Variable).initializer;
  sessionFor(v, session, 'load').run(init, [[init.inputs[1], value]]);
};
