// Literal decoding for the parser: number images, string prefixes and escapes, f-string fields (split, not parsed).
import type { IToken } from 'chevrotain';
import { TfpyError, type Expr, type FStringPart, type Loc } from './ast.ts';

const syntaxError = (message: string, at: Loc, file: string) => new TfpyError(message, at, file, 'SyntaxError');

/** A NumberLit image as a Num node's value; Python's leading-zero and 2**53 rules checked here. */
export function decodeNumber(image: string, at: Loc, file: string): { value: number; isInt: boolean } {
  const s = image.replace(/_/g, '');
  const radix = /^0[xX]/.test(s) ? 16 : /^0[oO]/.test(s) ? 8 : /^0[bB]/.test(s) ? 2 : 10;
  if (radix === 10 && /[.eE]/.test(s)) return { value: Number(s), isInt: false };
  if (radix === 10 && /^0+[1-9]/.test(s)) {
    throw syntaxError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', at, file);
  }
  const digits = radix === 10 ? s : s.slice(2);
  const big = BigInt(radix === 10 ? digits : '0' + s[1]!.toLowerCase() + digits);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw syntaxError('integer literals beyond 2**53 are not supported', at, file);
  return { value: Number(big), isInt: true };
}

/** A string token split into prefix flags and body, with the body's start position (for f-string fields). */
export interface StringToken { raw: boolean; f: boolean; body: string; at: Loc }
export function splitString(t: IToken): StringToken {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(t.image)!;
  const prefix = m[1]!.toLowerCase();
  const q = m[2]!;
  return {
    raw: prefix.includes('r'), f: prefix.includes('f'),
    body: t.image.slice(prefix.length + q.length, t.image.length - q.length),
    at: { line: t.startLine ?? 1, col: (t.startColumn ?? 1) + prefix.length + q.length },
  };
}

/** Position of `body[index]`, counting lines and columns from the body's start. */
export function posIn(s: StringToken, index: number): Loc {
  let { line, col } = s.at;
  for (let i = 0; i < index; i++) {
    const ch = s.body[i];
    if (ch === '\n' || (ch === '\r' && s.body[i + 1] !== '\n')) { line++; col = 1; } else col++;
  }
  return { line, col };
}

const simpleEscapes: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** Decodes backslash escapes of `text` (a slice of `s.body` starting at `start`), as Python does for str. */
export function decodeEscapes(s: StringToken, text: string, start: number, file: string): string {
  // Python normalises newlines inside literals to \n.
  if (s.raw) return text.replace(/\r\n?/g, '\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\r') { out += '\n'; if (text[i + 1] === '\n') i++; continue; }
    if (ch !== '\\') { out += ch; continue; }
    const next = text[i + 1] ?? '';
    const bad = (what: string) => syntaxError(`(unicode error) 'unicodeescape' codec can't decode bytes: ${what}`, posIn(s, start + i), file);
    if (next === '\n') { i++; continue; }
    if (next === '\r') { i += text[i + 2] === '\n' ? 2 : 1; continue; }
    if (next in simpleEscapes) { out += simpleEscapes[next]; i++; continue; }
    if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length;
      continue;
    }
    const hexLen = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = text.slice(i + 2, i + 2 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) throw bad(`truncated \\${next}${'X'.repeat(hexLen)} escape`);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw bad('illegal Unicode character');
      out += String.fromCodePoint(code);
      i += 1 + hexLen;
      continue;
    }
    if (next === 'N') throw syntaxError('\\N{...} escapes are not supported', posIn(s, start + i), file);
    out += ch; // unknown escapes keep their backslash
  }
  return out;
}

/** Parses an f-string field's expression text; `at` is the position of its first character. */
export type ParseFieldExpr = (text: string, at: Loc) => Expr;

/** Splits an f-string body into text and fields; `{{`/`}}` are literal braces, fields may nest in the spec. */
export function fstringParts(s: StringToken, file: string, parseExpr: ParseFieldExpr): FStringPart[] {
  const body = s.body;
  const fail = (message: string, index: number): never => { throw syntaxError(`f-string: ${message}`, posIn(s, index), file); };

  /** Literal text and fields from `i` up to a top-level `}` (spec) or the end (body). */
  function parts(i: number, inSpec: boolean): [FStringPart[], number] {
    const out: FStringPart[] = [];
    let text = '';
    let textStart = i;
    const flush = () => {
      if (text) out.push({ kind: 'text', value: decodeEscapes(s, text, textStart, file) });
      text = '';
    };
    while (i < body.length) {
      const ch = body[i]!;
      if (ch === '{' && body[i + 1] === '{' && !inSpec) { text += '{'; i += 2; continue; }
      if (ch === '}' && body[i + 1] === '}' && !inSpec) { text += '}'; i += 2; continue; }
      if (ch === '}') {
        if (inSpec) break;
        fail("single '}' is not allowed", i);
      }
      if (ch === '{') {
        flush();
        const [part, end] = field(i);
        out.push(part);
        i = end;
        textStart = i;
        continue;
      }
      if (text === '') textStart = i;
      text += ch;
      if (ch === '\\' && i + 1 < body.length) text += body[++i];
      i++;
    }
    flush();
    return [out, i];
  }

  /** One `{expr!c:spec}` field starting at the `{` at `open`; returns the part and the index after its `}`. */
  function field(open: number): [FStringPart, number] {
    let i = open + 1;
    let depth = 0;
    let quote: string | null = null;
    for (; i < body.length; i++) {
      const ch = body[i]!;
      if (quote) { if (body.startsWith(quote, i)) { i += quote.length - 1; quote = null; } continue; }
      if (ch === "'" || ch === '"') { quote = body.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch; i += quote.length - 1; continue; }
      if (ch === '\\') fail('expression part cannot include a backslash', i);
      if (ch === '#') fail("expression part cannot include '#'", i);
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
      else if (depth === 0 && (ch === '}' || ch === ':' || (ch === '!' && body[i + 1] !== '='))) break;
    }
    if (quote) fail('unterminated string', open);
    const exprText = body.slice(open + 1, i);
    if (exprText.trim() === '') fail('empty expression not allowed', open);
    if (i >= body.length) fail("expecting '}'", open);
    const value = parseExpr(exprText, posIn(s, open + 1));
    let conversion: 'r' | 's' | 'a' | null = null;
    if (body[i] === '!') {
      const c = body[i + 1];
      if (c !== 'r' && c !== 's' && c !== 'a') return fail("invalid conversion character: expected 's', 'r', or 'a'", i + 1);
      conversion = c;
      i += 2;
    }
    let spec: FStringPart[] | null = null;
    if (body[i] === ':') [spec, i] = parts(i + 1, true);
    if (body[i] !== '}') fail("expecting '}'", open);
    return [{ kind: 'expr', value, conversion, spec }, i + 1];
  }

  return parts(0, false)[0];
}
