// .tfpy tokens: the chevrotain lexer (whitespace and comments skipped), keyword and virtual layout token types.
import './groupby_polyfill.ts';
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { TfpyError } from './ast.ts';

const tokens: TokenType[] = [];
/** Tokens the lexer matches, in priority order (chevrotain takes the first pattern that matches). */
function tok(name: string, pattern: RegExp | string, extra: Record<string, unknown> = {}): TokenType {
  const t = createToken({ name, pattern, ...extra });
  tokens.push(t);
  return t;
}
/** Token types the lexer never matches: keywords (retyped from identifiers) and layout tokens. */
function virtual(name: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: Lexer.NA, categories });
}

tok('Whitespace', /[ \t\f]+/, { group: Lexer.SKIPPED });
tok('Comment', /#[^\r\n]*/, { group: Lexer.SKIPPED });
tok('LineBreak', /\r\n|\r|\n/, { group: Lexer.SKIPPED, line_breaks: true });
/** `\` + newline joins physical lines; the layout pass consumes it. */
export const Continuation = tok('Continuation', /\\(?:\r\n|\r|\n)/, { line_breaks: true });
/** A `\` not followed by a newline is an error, reported by the layout pass. */
export const StrayBackslash = tok('StrayBackslash', /\\/);

/** Disabled while re-lexing the text of a magic line that turned out to be inside brackets. */
let magicEnabled = true;
/** Jupyter `%magic` and `!shell` lines: `%` or `!` first on a physical line, up to the end of the line. */
export const Magic = tok('Magic', {
  exec: (text: string, offset: number): RegExpExecArray | null => {
    if (!magicEnabled || (text[offset] !== '%' && text[offset] !== '!')) return null;
    let i = offset - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i >= 0 && text[i] !== '\n' && text[i] !== '\r') return null;
    const re = /[^\r\n]*/y;
    re.lastIndex = offset;
    return re.exec(text);
  },
} as unknown as RegExp, { start_chars_hint: ['%', '!'], line_breaks: false });

const PREFIX = `(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])?`;
const ESC = `\\\\(?:\\r\\n|[\\s\\S])`;
/** Every complete string literal; the parser decodes prefixes, escapes and f-string fields. */
export const StringLit = tok('StringLit', new RegExp(PREFIX + '(?:' + [
  `'''(?:[^'\\\\]|${ESC}|'(?!''))*'''`,
  `"""(?:[^"\\\\]|${ESC}|"(?!""))*"""`,
  `'(?!'')(?:[^'\\\\\\r\\n]|${ESC})*'`,
  `"(?!"")(?:[^"\\\\\\r\\n]|${ESC})*"`,
].join('|') + ')'), { line_breaks: true });
/** Unterminated literals: tokens of their own so that the error names the right problem and place. */
export const BadTriple = tok('BadTriple', new RegExp(PREFIX + `(?:'''|""")[\\s\\S]*`), { line_breaks: true });
export const BadString = tok('BadString', new RegExp(PREFIX + `['"](?:[^'"\\\\\\r\\n]|${ESC})*`), { line_breaks: true });

const D = `\\d(?:_?\\d)*`;
const EXP = `[eE][+-]?${D}`;
/** Numbers; a trailing `j` (imaginary) is kept in the image so that the parser can refuse it by name. */
export const NumberLit = tok('NumberLit', new RegExp([
  `0[xX](?:_?[0-9a-fA-F])+`, `0[oO](?:_?[0-7])+`, `0[bB](?:_?[01])+`,
  `(?:(?:${D})?\\.${D}(?:${EXP})?|${D}\\.(?:${EXP})?|${D}${EXP}|${D})[jJ]?`,
].join('|')));
/** Identifiers with unicode letters: a custom matcher, because chevrotain drops a regex's `u` flag. */
const IDENT = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
export const Identifier = tok('Identifier', {
  exec: (text: string, offset: number): RegExpExecArray | null => {
    IDENT.lastIndex = offset;
    return IDENT.exec(text);
  },
} as unknown as RegExp, { line_breaks: false });

/** Augmented assignment operators share a category; the op is the image minus its `=`. */
export const AugAssign = virtual('AugAssign');
/** Comparison operators spelled with symbols share a category; `in`, `not in`, `is`, `is not` are keywords. */
export const CompOp = virtual('CompOp');
/** Binary operator symbols share a category, so that the parser reads `a op b op c` in one loop. */
export const BinOpTok = virtual('BinOp');
const binop = { categories: [BinOpTok] };
for (const op of ['**=', '//=', '>>=', '<<=', '+=', '-=', '*=', '/=', '%=', '@=', '&=', '|=', '^=']) {
  tok('Aug' + op, op, { categories: [AugAssign] });
}
export const Ellipsis = tok('Ellipsis', '...');
export const Pow = tok('Pow', '**');
export const FloorDiv = tok('FloorDiv', '//', binop);
export const LShift = tok('LShift', '<<', binop);
export const RShift = tok('RShift', '>>', binop);
for (const op of ['<=', '>=', '==', '!=']) tok('Cmp' + op, op, { categories: [CompOp] });
export const Arrow = tok('Arrow', '->');
export const Walrus = tok('Walrus', ':=');
for (const op of ['<', '>']) tok('Cmp' + op, op, { categories: [CompOp] });
export const Plus = tok('Plus', '+', binop);
export const Minus = tok('Minus', '-', binop);
export const Star = tok('Star', '*', binop);
export const Slash = tok('Slash', '/', binop);
export const Percent = tok('Percent', '%', binop);
export const At = tok('At', '@', binop);
export const Amp = tok('Amp', '&', binop);
export const Pipe = tok('Pipe', '|', binop);
export const Caret = tok('Caret', '^', binop);
export const Tilde = tok('Tilde', '~');
export const LParen = tok('LParen', '(');
export const RParen = tok('RParen', ')');
export const LBracket = tok('LBracket', '[');
export const RBracket = tok('RBracket', ']');
export const LBrace = tok('LBrace', '{');
export const RBrace = tok('RBrace', '}');
export const Comma = tok('Comma', ',');
export const Colon = tok('Colon', ':');
export const Dot = tok('Dot', '.');
export const Semi = tok('Semi', ';');
export const Assign = tok('Assign', '=');

/** Python's keywords; the layout pass retypes identifiers with these images. */
export const keywords = new Map<string, TokenType>();
function kw(word: string): TokenType {
  const t = virtual('Kw_' + word);
  keywords.set(word, t);
  return t;
}
export const K = {
  False: kw('False'), None: kw('None'), True: kw('True'), and: kw('and'), as: kw('as'), assert: kw('assert'),
  async: kw('async'), await: kw('await'), break: kw('break'), class: kw('class'), continue: kw('continue'),
  def: kw('def'), del: kw('del'), elif: kw('elif'), else: kw('else'), except: kw('except'),
  finally: kw('finally'), for: kw('for'), from: kw('from'), global: kw('global'), if: kw('if'),
  import: kw('import'), in: kw('in'), is: kw('is'), lambda: kw('lambda'), nonlocal: kw('nonlocal'),
  not: kw('not'), or: kw('or'), pass: kw('pass'), raise: kw('raise'), return: kw('return'), try: kw('try'),
  while: kw('while'), with: kw('with'), yield: kw('yield'),
};

export const NEWLINE = virtual('NEWLINE');
export const INDENT = virtual('INDENT');
export const DEDENT = virtual('DEDENT');

/** The parser's vocabulary: everything a token can be typed as. */
export const vocabulary: TokenType[] = [...tokens, AugAssign, CompOp, BinOpTok, ...keywords.values(), NEWLINE, INDENT, DEDENT];

const lexer = new Lexer(tokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true });

/** Splits source text into tokens (no layout yet); throws a TfpyError at the first unknown character. */
export function lex(source: string, file: string, allowMagic = true): IToken[] {
  magicEnabled = allowMagic;
  try {
    const result = lexer.tokenize(source);
    const err = result.errors[0];
    if (err) {
      const ch = String.fromCodePoint(source.codePointAt(err.offset) ?? 0);
      const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      const what = ch === '!' || ch === '$' || ch === '?' || ch === '`' ? 'invalid syntax'
        : `invalid character '${ch}' (U+${code})`;
      throw new TfpyError(what, { line: err.line ?? 1, col: err.column ?? 1 }, file, 'SyntaxError');
    }
    return result.tokens;
  } finally {
    magicEnabled = true;
  }
}
