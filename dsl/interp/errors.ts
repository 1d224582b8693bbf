// Python exceptions raised by the interpreter: TfpyErrors whose position is filled in by the nearest AST node.
import { TfpyError, type Loc } from '../ast.ts';

export type PyErrorKind =
  | 'NameError' | 'TypeError' | 'ValueError' | 'ZeroDivisionError' | 'IndexError' | 'KeyError' | 'AttributeError'
  | 'AssertionError' | 'ImportError' | 'ModuleNotFoundError' | 'StopIteration' | 'RecursionError'
  | 'NotImplementedError' | 'OverflowError' | 'RuntimeError' | 'SyntaxError' | 'UnboundLocalError' | 'Error';

/** A Python exception without a position yet; the evaluator attaches the node it was evaluating. */
export function pyError(kind: PyErrorKind, message: string): TfpyError {
  return new TfpyError(message ? `${kind}: ${message}` : kind, null, '<stdin>', kind);
}

/** Raised when a program hits the step limit that fuzzing and tests set (no Python equivalent). */
export class StepLimit extends Error {}

/** Library errors carry TF1's class in their text ('ValueError: ...'); keep it, or name the JS class. */
function kindOf(message: string, fallback: string): string {
  const m = /^([A-Z][A-Za-z]*(?:Error|Exception|Warning)):/.exec(message);
  return m ? m[1] : fallback;
}

/**
 * Gives any thrown value the position `loc` unless it already has one. JavaScript errors from the library
 * (shape mismatch, missing feed, ...) become TfpyErrors here; a JS stack overflow becomes RecursionError.
 */
export function locate(err: unknown, loc: Loc, file: string): TfpyError | StepLimit {
  if (err instanceof StepLimit) return err;
  if (err instanceof TfpyError) return err.loc ? err : new TfpyError(err.message, loc, file, err.kind);
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new TfpyError('RecursionError: maximum recursion depth exceeded', loc, file, 'RecursionError');
  }
  if (err instanceof Error) {
    const kind = kindOf(err.message, err.name === 'Error' ? 'Error' : err.name);
    const msg = err.message.startsWith(kind + ':') || kind === 'Error' ? err.message : `${kind}: ${err.message}`;
    return new TfpyError(msg, loc, file, kind);
  }
  return new TfpyError(`Error: ${String(err)}`, loc, file, 'Error');
}
