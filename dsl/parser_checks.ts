// Parser actions with Python's syntax rules that a context-free grammar cannot say: targets, arguments, displays.
import { TfpyError, type BinaryOp, type CompareOp, type Comprehension, type Expr, type Loc, type Param } from './ast.ts';

export const syntaxError = (message: string, at: Loc, file: string) => new TfpyError(message, at, file, 'SyntaxError');

/** A call argument as parsed: positional, `*xs`, `**kw`, or `name=value` (`name` is the parsed left side). */
export interface ArgItem { mark: '' | '*' | '**' | '='; value: Expr; loc: Loc; comp: Comprehension[] | null; name?: Expr }
/** A display element as parsed: `x`, `*xs`, `**d`, or `key: value`. */
export interface DisplayItem { mark: '' | '*' | '**' | ':'; value: Expr; key: Expr | null; loc: Loc }
/** A parameter as parsed; `/` and bare `*` are markers. */
export interface RawParam { mark: '' | '*' | '**' | '/'; name: string | null; loc: Loc; default: Expr | null }

/** Python's noun for an expression that cannot be assigned to or deleted. */
function noun(e: Expr): string {
  switch (e.kind) {
    case 'Call': return 'function call';
    case 'Num': case 'Str': case 'FString': return 'literal';
    case 'Const': return String(e.value === null ? 'None' : e.value ? 'True' : 'False');
    case 'BinOp': case 'UnaryOp': case 'BoolOp': return 'operator';
    case 'Compare': return 'comparison';
    case 'Lambda': return 'lambda';
    case 'IfExp': return 'conditional expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'GeneratorExp': return 'generator expression';
    case 'Dict': return 'dict display';
    case 'Set': return 'set display';
    case 'Tuple': return 'tuple';
    case 'List': return 'list';
    case 'Starred': return 'starred';
    default: return e.kind === 'Ellipsis' ? 'Ellipsis' : 'expression';
  }
}

/** Checks an assignment (`assign`: =, for, with, comprehension), `del` or augmented-assignment target. */
export function checkTarget(e: Expr, ctx: 'assign' | 'del' | 'aug', file: string): void {
  if (e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript') return;
  if (ctx === 'aug') throw syntaxError(`'${noun(e)}' is an illegal expression for augmented assignment`, e.loc, file);
  const verb = ctx === 'del' ? 'delete' : 'assign to';
  if (e.kind === 'Tuple' || e.kind === 'List') {
    const starred = e.elts.filter((x) => x.kind === 'Starred');
    if (ctx === 'assign' && starred.length > 1) throw syntaxError('multiple starred expressions in assignment', starred[1]!.loc, file);
    for (const x of e.elts) {
      if (x.kind === 'Starred' && ctx === 'assign') checkTarget(x.value, ctx, file);
      else checkTarget(x, ctx, file);
    }
    return;
  }
  if (e.kind === 'Starred' && ctx === 'assign') throw syntaxError('starred assignment target must be in a list or tuple', e.loc, file);
  throw syntaxError(`cannot ${verb} ${noun(e)}`, e.loc, file);
}

/** Refuses a starred expression where a single value is needed (`x = *a`, `print(*a)` is fine). */
export function checkNotStarred(e: Expr, file: string): void {
  if (e.kind === 'Starred') throw syntaxError("can't use starred expression here", e.loc, file);
}

export function buildCall(func: Expr, items: ArgItem[], file: string): Expr {
  const args: Expr[] = [];
  const keywords: { name: string | null; value: Expr; loc: Loc }[] = [];
  let sawKeyword = false;
  let sawKwUnpack = false;
  for (const item of items) {
    if (item.comp) {
      if (items.length > 1) throw syntaxError('Generator expression must be parenthesized', item.loc, file);
      args.push({ kind: 'GeneratorExp', loc: item.loc, elt: item.value, generators: item.comp });
    } else if (item.mark === '' || item.mark === '*') {
      if (sawKwUnpack) {
        const what = item.mark === '*' ? 'iterable argument unpacking' : 'positional argument';
        throw syntaxError(`${what} follows keyword argument unpacking`, item.loc, file);
      }
      if (item.mark === '' && sawKeyword) throw syntaxError('positional argument follows keyword argument', item.loc, file);
      args.push(item.mark === '*' ? { kind: 'Starred', loc: item.loc, value: item.value } : item.value);
    } else if (item.mark === '**') {
      sawKwUnpack = true;
      keywords.push({ name: null, value: item.value, loc: item.loc });
    } else {
      const name = item.name!;
      if (name.kind !== 'Name') throw syntaxError('expression cannot contain assignment, perhaps you meant "=="?', name.loc, file);
      if (keywords.some((k) => k.name === name.id)) throw syntaxError(`keyword argument repeated: ${name.id}`, name.loc, file);
      sawKeyword = true;
      keywords.push({ name: name.id, value: item.value, loc: name.loc });
    }
  }
  return { kind: 'Call', loc: func.loc, func, args, keywords };
}

export function buildParams(raw: RawParam[], file: string): Param[] {
  const params: Param[] = [];
  const seen = new Set<string>();
  let star = false; // after `*` or `*args`: keyword-only
  let bareStar: RawParam | null = null;
  let sawDefault = false;
  let sawVarkw = false;
  raw.forEach((p, i) => {
    if (sawVarkw) throw syntaxError('arguments cannot follow var-keyword argument', p.loc, file);
    if (p.name !== null) {
      if (seen.has(p.name)) throw syntaxError(`duplicate argument '${p.name}' in function definition`, p.loc, file);
      seen.add(p.name);
    }
    if (p.mark === '/') {
      // Positional-only marker: the parameters before it behave as plain positionals here.
      if (i === 0 || star || raw.slice(0, i).some((q) => q.mark === '/')) throw syntaxError('invalid syntax', p.loc, file);
    } else if (p.mark === '*') {
      if (star) throw syntaxError('* argument may appear only once', p.loc, file);
      star = true;
      if (p.name === null) bareStar = p;
      else params.push({ name: p.name, kind: 'varargs', default: null, loc: p.loc });
    } else if (p.mark === '**') {
      sawVarkw = true;
      params.push({ name: p.name!, kind: 'varkw', default: null, loc: p.loc });
    } else {
      if (!star) {
        if (p.default) sawDefault = true;
        else if (sawDefault) throw syntaxError('non-default argument follows default argument', p.loc, file);
      }
      params.push({ name: p.name!, kind: star ? 'keyword_only' : 'positional', default: p.default, loc: p.loc });
    }
  });
  if (bareStar && !params.some((p) => p.kind === 'keyword_only')) {
    throw syntaxError('named arguments must follow bare *', (bareStar as RawParam).loc, file);
  }
  return params;
}

/** Builds `( )`, `[ ]` or `{ }` contents: parenthesised expression, tuple, list, set, dict or a comprehension. */
export function buildDisplay(
  bracket: '(' | '[' | '{', loc: Loc, items: DisplayItem[], comp: Comprehension[] | null, commas: number, file: string,
): Expr {
  const bad = (at: Loc, message = 'invalid syntax'): never => { throw syntaxError(message, at, file); };
  const isDict = bracket === '{' && items.length > 0 && (items[0]!.mark === ':' || items[0]!.mark === '**');
  for (const item of items) {
    const dictItem = item.mark === ':' || item.mark === '**';
    if (dictItem !== isDict) bad(item.loc);
  }
  const elts = items.map((i): Expr => (i.mark === '*' ? { kind: 'Starred', loc: i.loc, value: i.value } : i.value));
  if (comp) {
    const first = items[0]!;
    if (items.length > 1) bad(items[1]!.loc);
    if (commas > 0) bad(first.loc);
    if (first.mark === '*') bad(first.loc, 'iterable unpacking cannot be used in comprehension');
    if (first.mark === '**') bad(first.loc, 'dict unpacking cannot be used in dict comprehension');
    if (isDict) return { kind: 'DictComp', loc, key: first.key!, value: first.value, generators: comp };
    const kind = bracket === '(' ? 'GeneratorExp' : bracket === '[' ? 'ListComp' : 'SetComp';
    return { kind, loc, elt: first.value, generators: comp };
  }
  if (isDict) return { kind: 'Dict', loc, keys: items.map((i) => i.key), values: items.map((i) => i.value) };
  if (bracket === '[') return { kind: 'List', loc, elts };
  if (bracket === '{') return items.length === 0 ? { kind: 'Dict', loc, keys: [], values: [] } : { kind: 'Set', loc, elts };
  if (items.length === 1 && commas === 0) {
    if (items[0]!.mark === '*') bad(items[0]!.loc, "can't use starred expression here");
    return elts[0]!;
  }
  return { kind: 'Tuple', loc, elts };
}

/** Python's binding strength of the binary operators (higher binds tighter); comparisons sit below all of them. */
const level: Record<string, number> = {
  '|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6, '/': 6, '//': 6, '%': 6, '@': 6,
};

/** Builds `a op b op c ...` with Python's precedence: left-associative levels, comparisons chained. */
export function buildBinary(operands: Expr[], ops: string[]): Expr {
  const segments: Expr[] = [];
  const compares: CompareOp[] = [];
  let start = 0;
  for (let i = 0; i <= ops.length; i++) {
    if (i < ops.length && level[ops[i]!] !== undefined) continue;
    segments.push(climb(operands.slice(start, i + 1), ops.slice(start, i) as BinaryOp[]));
    if (i < ops.length) compares.push(ops[i] as CompareOp);
    start = i + 1;
  }
  const left = segments[0]!;
  return compares.length === 0 ? left : { kind: 'Compare', loc: left.loc, left, ops: compares, comparators: segments.slice(1) };
}

/** Operator-precedence reduction with two stacks. */
function climb(xs: Expr[], ops: BinaryOp[]): Expr {
  const values: Expr[] = [xs[0]!];
  const pending: BinaryOp[] = [];
  const reduce = () => {
    const right = values.pop()!;
    const left = values.pop()!;
    values.push({ kind: 'BinOp', loc: left.loc, op: pending.pop()!, left, right });
  };
  ops.forEach((op, i) => {
    while (pending.length > 0 && level[pending[pending.length - 1]!]! >= level[op]!) reduce();
    pending.push(op);
    values.push(xs[i + 1]!);
  });
  while (pending.length > 0) reduce();
  return values[0]!;
}
