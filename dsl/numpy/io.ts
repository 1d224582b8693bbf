// np.loadtxt / np.genfromtxt: numeric text tables read with node:fs (paths already resolved by the caller).
import { readFileSync } from 'node:fs';
import { bind } from './args.ts';
import { NpArray } from './array.ts';
import { toNp } from './convert.ts';
import { toNpDType } from './dtype.ts';

function rows(fname: unknown, o: Record<string, unknown>, lenient: boolean): number[][] {
  if (typeof fname !== 'string') throw new TypeError('loadtxt: fname must be a path string');
  const text = readFileSync(fname, 'utf8');
  const comments = o.comments === undefined ? ['#'] : o.comments === null ? [] : ([] as unknown[]).concat(o.comments).map(String);
  const delim = o.delimiter == null ? null : String(o.delimiter);
  const skip = Number(o.skiprows ?? o.skip_header ?? 0);
  const usecols = o.usecols == null ? null : ([] as unknown[]).concat(o.usecols).map(Number);
  const maxRows = o.max_rows == null ? Infinity : Number(o.max_rows);
  const out: number[][] = [];
  const lines = text.split(/\r?\n/);
  for (let ln = skip; ln < lines.length && out.length < maxRows; ln++) {
    let line = lines[ln];
    for (const c of comments) {
      const i = line.indexOf(c);
      if (i >= 0) line = line.slice(0, i);
    }
    if (!line.trim()) continue;
    let fields = delim === null ? line.trim().split(/\s+/) : line.split(delim).map((f) => f.trim());
    if (usecols) fields = usecols.map((c) => fields[c < 0 ? fields.length + c : c]);
    const vals = fields.map((f) => {
      const v = f === undefined || f === '' ? NaN : Number(f.replace(/^nan$/i, 'NaN').replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
      if (Number.isNaN(v) && !lenient && !/^nan$/i.test(f ?? '')) {
        throw new Error(`ValueError: could not convert string '${f ?? ''}' to float64 at row ${out.length}, column ${fields.indexOf(f) + 1}.`);
      }
      return v;
    });
    if (out.length && vals.length !== out[0].length) {
      throw new Error(`ValueError: the number of columns changed from ${out[0].length} to ${vals.length} at row ${ln + 1}; use \`usecols\` to select a subset and avoid this error`);
    }
    out.push(vals);
  }
  return out;
}

function shaped(data: number[][], o: Record<string, unknown>): NpArray {
  const dt = o.dtype == null ? 'float64' : toNpDType(o.dtype);
  let a = toNp(data.length ? data : [], dt);
  if (!data.length) a = new NpArray(dt, [0], a.data);
  const ndmin = Number(o.ndmin ?? 0);
  // numpy squeezes single rows/columns away unless ndmin asks to keep them.
  if (a.ndim === 2 && ndmin < 2) {
    if (a.shape[0] === 1 || a.shape[1] === 1) a = a.reshape([a.size]);
  }
  if (o.unpack) return a.T;
  return a;
}

export function loadtxt(...args: unknown[]): NpArray {
  const o = bind('loadtxt', args, ['fname', 'dtype', 'comments', 'delimiter', 'converters', 'skiprows', 'usecols', 'unpack', 'ndmin', 'encoding', 'max_rows']);
  return shaped(rows(o.fname, o, false), o);
}

/** genfromtxt: like loadtxt, but missing or bad fields become nan. */
export function genfromtxt(...args: unknown[]): NpArray {
  const o = bind('genfromtxt', args, ['fname', 'dtype', 'comments', 'delimiter', 'skip_header', 'skip_footer', 'converters', 'missing_values', 'filling_values', 'usecols', 'names', 'unpack', 'ndmin', 'max_rows']);
  return shaped(rows(o.fname, o, true), o);
}
