// The .tfpy program's `matplotlib.pyplot` (as plt): a current figure; show()/savefig() write SVG + PNG files.
//
// The interpreter hands calls over as plain JS calls: Python values as they are (ints are bigint, tuples are
// arrays) and keyword arguments as one trailing options object — the same convention as the tf bridge.
import { resolve as resolvePath, extname, join, relative } from 'node:path';
import * as tf from '../../src/index.ts';

type Figure = tf.plot.Figure;
type FigureOptions = tf.plot.FigureOptions;
const { Figure } = tf.plot;

export interface PltModuleOptions {
  /** Where show() writes figure_N.svg/png; default './plots' (relative to the current directory, as in Python). */
  plotsDir?: string;
  /** How the written paths are reported; default console.log. */
  print?: (line: string) => void;
}

type Kw = Record<string, unknown>;

/** A trailing keyword-options object (the interpreter builds it with a null prototype; a plain {} from TS). */
function isKw(v: unknown): v is Kw {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === null || p === Object.prototype;
}

/** Python ints arrive as bigint; options and scalars need JS numbers (data goes through toColumns, which copes). */
function num(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(num);
  return v;
}

/** Splits `args` into positional values and keyword options (bigints in options made numbers). */
function split(args: unknown[]): [unknown[], Kw] {
  const a = [...args];
  const kw: Kw = {};
  if (a.length && isKw(a[a.length - 1])) for (const [k, v] of Object.entries(a.pop() as Kw)) kw[k] = num(v);
  return [a, kw];
}

export function pltModule(opts: PltModuleOptions = {}) {
  const plotsDir = opts.plotsDir ?? 'plots';
  const print = opts.print ?? ((l: string) => console.log(l));
  let fig: Figure | null = null;
  /** Whether the current figure changed since it was last written (so show() after savefig() adds no copy). */
  let dirty = false;
  let count = 0;
  const current = (): Figure => (fig ??= new Figure());
  const touch = (): Figure => {
    dirty = true;
    return current();
  };
  const shown = (p: string) => relative(process.cwd(), p) || p;

  const writeBoth = (base: string): void => {
    const paths = current().saveBoth(base);
    dirty = false;
    print(`Saved figure: ${shown(paths.svg)}, ${shown(paths.png)}`);
  };

  return {
    figure(...args: unknown[]): null {
      const [, kw] = split(args);
      const fo: FigureOptions = {};
      if (Array.isArray(kw.figsize)) fo.figsize = [Number(kw.figsize[0]), Number(kw.figsize[1])];
      if (typeof kw.dpi === 'number') fo.dpi = kw.dpi;
      fig = new Figure(fo);
      dirty = false;
      return null;
    },
    /** plt.plot(y), plot(x, y), plot(x, y, 'ro', label=..., markerSize=...). Returns None (no Line2D objects). */
    plot(...args: unknown[]): null {
      const [a, kw] = split(args);
      touch().plot(...a, kw);
      return null;
    },
    title(text: unknown): null { touch().title(String(text)); return null; },
    xlabel(text: unknown): null { touch().xlabel(String(text)); return null; },
    ylabel(text: unknown): null { touch().ylabel(String(text)); return null; },
    suptitle(text: unknown): null { touch().suptitle(String(text)); return null; },
    /** legend(), legend(loc='upper left'), or legend(['a', 'b']) naming the series in order. */
    legend(...args: unknown[]): null {
      const [a, kw] = split(args);
      const f = touch();
      if (Array.isArray(a[0])) a[0].forEach((label, i) => { const s = f.gca().series[i]; if (s) s.label = String(label); });
      f.legend({ loc: typeof kw.loc === 'string' ? kw.loc : undefined });
      return null;
    },
    /** subplot(nrows, ncols, index) or the three-digit form subplot(211). */
    subplot(...args: unknown[]): null {
      const [a] = split(args);
      const n = a.map((v) => Number(v));
      if (n.length === 1) touch().subplot(Math.floor(n[0] / 100), Math.floor(n[0] / 10) % 10, n[0] % 10);
      else touch().subplot(n[0], n[1], n[2]);
      return null;
    },
    yscale(kind: unknown): null { touch().yscale(String(kind)); return null; },
    xscale(kind: unknown): null { touch().xscale(String(kind)); return null; },
    xlim(...args: unknown[]): null { const [a] = split(args); touch().xlim(num(a[0]) as number | [number, number], num(a[1]) as number | undefined); return null; },
    ylim(...args: unknown[]): null { const [a] = split(args); touch().ylim(num(a[0]) as number | [number, number], num(a[1]) as number | undefined); return null; },
    grid(...args: unknown[]): null {
      const [a] = split(args);
      touch().grid(a.length ? Boolean(a[0]) : undefined);
      return null;
    },
    /** The layout is computed at render time already; accepted so notebook code runs unchanged. */
    tight_layout(): null { return null; },
    /** Writes the current figure as plots/figure_N.svg and .png, prints the paths, and starts a new figure. */
    show(): null {
      if (fig && dirty && fig.axes.some((ax) => ax.series.length)) {
        count += 1;
        writeBoth(join(plotsDir, `figure_${count}`));
      }
      fig = null;
      dirty = false;
      return null;
    },
    /** Writes the given path (.svg or .png; no extension means .png) and its twin in the other format. */
    savefig(path: unknown): null {
      const p = resolvePath(String(path));
      const ext = extname(p).toLowerCase();
      if (ext && ext !== '.svg' && ext !== '.png') throw new Error(`ValueError: savefig: format '${ext.slice(1)}' is not supported (use .png or .svg)`);
      writeBoth(ext ? p.slice(0, -ext.length) : p);
      return null;
    },
    /** Discards the current figure (plt.close() / plt.clf()). */
    close(): null { fig = null; dirty = false; return null; },
    clf(): null { fig = null; dirty = false; return null; },
  };
}

export type PltModule = ReturnType<typeof pltModule>;
