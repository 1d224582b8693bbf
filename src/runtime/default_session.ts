// The default-session stack (with tf.Session() as sess, sess.as_default(), InteractiveSession).
import type { Session } from './session.ts';

const stack: Session[] = [];

export function pushSession(s: Session): () => void {
  stack.push(s);
  return () => {
    const i = stack.lastIndexOf(s);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** tf.get_default_session(): the innermost default session, or null. */
export function currentSession(): Session | null {
  return stack.length ? stack[stack.length - 1] : null;
}
