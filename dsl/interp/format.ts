// Python's format-spec mini-language (`{:.6f}`, `{:>5}`, `{:,}`, `{:e}`) and `%` formatting.
import { pyError } from './errors.ts';
import { floatRepr, repr, str } from './repr.ts';
import { PyDict, PyTuple, protocol, toBigInt, toNumber, typeName, type Value } from './values.ts';

interface Spec { fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number; group: string; precision: number | null; type: string }

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s;

function parseSpec(spec: string): Spec {
  const m = SPEC.exec(spec);
  if (!m) throw pyError('ValueError', `Invalid format specifier '${spec}'`);
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '), align: m[2] ?? (m[5] ? '=' : ''), sign: m[3] ?? '-', alt: !!m[4],
    zero: !!m[5], width: m[6] ? Number(m[6]) : 0, group: m[7] ?? '', precision: m[8] !== undefined ? Number(m[8]) : null,
    type: m[9] ?? '',
  };
}

function group(intDigits: string, sep: string): string {
  if (!sep) return intDigits;
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Python's %g / {:g}: significant digits, fixed or scientific by exponent, trailing zeros removed. */
function formatG(x: number, precision: number, alt: boolean, upper: boolean, noTypeFloat: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return noTypeFloat ? '0.0' : alt ? '0.' + '0'.repeat(p - 1) : '0';
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  let s: string;
  if (exp >= -4 && exp < p) {
    s = x.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, noTypeFloat ? '.0' : '');
    else if (noTypeFloat && !s.includes('.')) s += '.0';
  } else {
    let [m, e] = x.toExponential(p - 1).split('e');
    if (!alt && m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    s = `${m}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return upper ? s.toUpperCase() : s;
}

function exponent(x: number, precision: number, upper: boolean): string {
  const [m, e] = x.toExponential(precision).split('e');
  const s = `${m}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

function special(x: number, upper: boolean): string | null {
  if (Number.isNaN(x)) return upper ? 'NAN' : 'nan';
  if (!Number.isFinite(x)) return upper ? 'INF' : 'inf';
  return null;
}

function formatNumber(v: Value, s: Spec): string {
  const isInt = typeof v === 'bigint' || typeof v === 'boolean';
  let type = s.type;
  if (type === '' && isInt) type = 'd';
  if (type === 'n') type = isInt ? 'd' : 'g';
  let body: string;
  let neg: boolean;
  if (type !== '' && 'dxXobc'.includes(type)) {
    if (!isInt) throw pyError('ValueError', `Unknown format code '${type}' for object of type 'float'`);
    const n = toBigInt(v);
    neg = n < 0n;
    const a = neg ? -n : n;
    if (type === 'c') return String.fromCodePoint(Number(n));
    const radix = type === 'd' ? 10 : type === 'o' ? 8 : type === 'b' ? 2 : 16;
    body = a.toString(radix);
    if (type === 'X') body = body.toUpperCase();
    if (type === 'd') body = group(body, s.group);
    if (s.alt && type !== 'd') body = '0' + (type === 'X' ? 'X' : type) + body;
  } else {
    const x = toNumber(v);
    neg = x < 0 || Object.is(x, -0);
    const a = Math.abs(x);
    const upper = type === 'F' || type === 'E' || type === 'G';
    const sp = special(a, upper);
    if (sp !== null) body = sp;
    // JavaScript formats at most 100 digits; beyond that a double's digits are zeros for 'f' and dropped otherwise.
    const prec = Math.min(s.precision ?? 6, 100);
    const zeros = '0'.repeat(Math.max(0, (s.precision ?? 6) - 100));
    if (type === 'f' || type === 'F') body = a.toFixed(prec) + zeros;
    else if (type === 'e' || type === 'E') body = exponent(a, prec, upper);
    else if (type === '%') body = (a * 100).toFixed(prec) + zeros + '%';
    else if (type === 'g' || type === 'G') body = formatG(a, prec, s.alt, upper, false);
    else body = s.precision === null ? (isInt ? String(a) : floatRepr(a)) : formatG(a, prec, s.alt, false, true);
    if (s.group && /^\d/.test(body)) {
      const [i, ...rest] = body.split('.');
      body = [group(i, s.group), ...rest].join('.');
    }
  }
  const sign = neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
  return pad(body, sign, s, '>');
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const len = [...sign + body].length;
  if (len >= s.width) return sign + body;
  const fill = s.fill.repeat(s.width - len);
  const align = s.align || defaultAlign;
  if (align === '<') return sign + body + fill;
  if (align === '>') return fill + sign + body;
  if (align === '=') return sign + fill + body;
  const left = Math.floor((s.width - len) / 2);
  return s.fill.repeat(left) + sign + body + s.fill.repeat(s.width - len - left);
}

/** format(value, spec): the `{:spec}` of f-strings and str.format. */
export function formatValue(v: Value, spec: string): string {
  const custom = protocol(v, '__format__');
  if (custom) return String(custom(spec));
  if (spec === '') return str(v);
  const s = parseSpec(spec);
  if (typeof v === 'bigint' || typeof v === 'number' || (typeof v === 'boolean' && s.type !== '' && s.type !== 's')) {
    return formatNumber(v, s);
  }
  // Foreign numbers (numpy scalars) format as floats when a numeric type is asked for.
  if (s.type && s.type !== 's' && protocol(v, '__float__')) return formatNumber(toNumber(v), s);
  if (s.type && s.type !== 's') throw pyError('ValueError', `Unknown format code '${s.type}' for object of type '${typeName(v)}'`);
  let body = str(v);
  if (s.precision !== null) body = [...body].slice(0, s.precision).join('');
  return pad(body, '', s, '<');
}

const PERCENT = /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;

/** `fmt % values` for strings. */
export function percentFormat(fmt: string, values: Value): string {
  const args = values instanceof PyTuple ? [...values] : [values];
  const byName = values instanceof PyDict ? values : null;
  let i = 0;
  const next = (): Value => {
    if (i >= args.length) throw pyError('TypeError', 'not enough arguments for format string');
    return args[i++];
  };
  const out = fmt.replace(PERCENT, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const w = width === '*' ? Number(toBigInt(next())) : width ? Number(width) : 0;
    const p = prec === '*' ? Number(toBigInt(next())) : prec !== undefined ? Number(prec) : null;
    let v: Value;
    if (key !== undefined) {
      if (!byName) throw pyError('TypeError', 'format requires a mapping');
      if (!byName.has(key)) throw pyError('KeyError', repr(key));
      v = byName.get(key);
    } else v = next();
    const align = flags.includes('-') ? '<' : flags.includes('0') ? '=' : '>';
    const spec: Spec = { fill: flags.includes('0') && !flags.includes('-') ? '0' : ' ', align, sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-',
      alt: flags.includes('#'), zero: false, width: w, group: '', precision: p, type: conv };
    if (conv === 's' || conv === 'r' || conv === 'a') {
      let body = conv === 's' ? str(v) : repr(v);
      if (p !== null) body = body.slice(0, p);
      return pad(body, '', { ...spec, fill: ' ' }, flags.includes('-') ? '<' : '>');
    }
    if ('diu'.includes(conv)) {
      const f = typeof v === 'number' || protocol(v, '__float__') ? toNumber(v) : null;
      if (f !== null && !Number.isFinite(f)) throw pyError(Number.isNaN(f) ? 'ValueError' : 'OverflowError', `cannot convert float ${f > 0 ? 'inf' : f < 0 ? '-inf' : 'nan'} to integer`);
      const n = f !== null ? BigInt(Math.trunc(f)) : toBigInt(v);
      return formatNumber(n, { ...spec, type: 'd', precision: null });
    }
    if (conv === 'c') return typeof v === 'string' ? v : String.fromCodePoint(Number(toBigInt(v)));
    if ('xXo'.includes(conv)) return formatNumber(toBigInt(v), spec);
    return formatNumber(toNumber(v), spec);
  });
  if (!byName && i < args.length) throw pyError('TypeError', 'not all arguments converted during string formatting');
  return out;
}
