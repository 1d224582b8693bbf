// Figure and Axes: matplotlib's line-chart model (series, labels, scales), rendered through spec.ts and render.ts.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { COLOR_CYCLE, parseFmt, resolveColor, resolveLineStyle, toColumns, type LineStyle, type PlotData } from './data.ts';
import { figureToVegaLite } from './spec.ts';
import { fitSvg, svgToPng, vegaLiteToSvg, vegaLiteToSvgAsync } from './render.ts';

/** plot()'s keyword options (matplotlib's names; the short aliases are accepted too). */
export interface PlotOptions {
  label?: string;
  fmt?: string;
  color?: string; c?: string;
  marker?: string | null;
  linestyle?: string; ls?: string;
  linewidth?: number; lw?: number;
  markersize?: number; markerSize?: number; ms?: number;
  alpha?: number;
}

/** One drawn series, fully resolved (defaults applied) so the spec builder needs no matplotlib knowledge. */
export interface Series {
  x: number[];
  y: number[];
  label: string | null;
  color: string;
  marker: string | null;
  linestyle: LineStyle;
  linewidth: number;
  markersize: number;
  alpha: number;
}

export interface LegendOptions { loc?: string }

export class Axes {
  readonly series: Series[] = [];
  titleText: string | null = null;
  xlabelText: string | null = null;
  ylabelText: string | null = null;
  xscaleType: 'linear' | 'log' = 'linear';
  yscaleType: 'linear' | 'log' = 'linear';
  xlimRange: [number, number] | null = null;
  ylimRange: [number, number] | null = null;
  gridOn = false;
  legendLoc: string | null = null;

  constructor(readonly nrows: number, readonly ncols: number, readonly index: number) {}

  /**
   * matplotlib's plot: `plot(y)`, `plot(x, y)`, `plot(x, y, 'ro')`, several `x, y, fmt` groups in one call,
   * and a trailing options object (`{label, color, ...}`) applied to every series of the call.
   */
  plot(...args: unknown[]): Series[] {
    let opts: PlotOptions = {};
    if (args.length && isOptions(args[args.length - 1])) opts = args.pop() as PlotOptions;
    const added: Series[] = [];
    let i = 0;
    while (i < args.length) {
      const a = args[i];
      const b = args[i + 1];
      let x: PlotData | undefined;
      let y: PlotData;
      if (b !== undefined && typeof b !== 'string') {
        x = a;
        y = b;
        i += 2;
      } else {
        y = a;
        i += 1;
      }
      let fmt = opts.fmt;
      if (typeof args[i] === 'string') fmt = args[i++] as string;
      added.push(...this.addSeries(x, y, fmt, opts));
    }
    if (!added.length) throw new TypeError('plot() needs at least the y values');
    return added;
  }

  private addSeries(x: PlotData | undefined, y: PlotData, fmt: string | undefined, opts: PlotOptions): Series[] {
    const ycols = toColumns(y, 'plot y');
    const xcols = x === undefined ? [ycols[0].map((_, j) => j)] : toColumns(x, 'plot x');
    const style = fmt ? parseFmt(fmt) : {};
    const out: Series[] = [];
    ycols.forEach((ycol, k) => {
      const xcol = xcols.length === 1 ? xcols[0] : xcols[k];
      if (!xcol || xcol.length !== ycol.length) {
        throw new Error(`ValueError: x and y must have same first dimension, but have shapes (${xcol?.length ?? 0},) and (${ycol.length},)`);
      }
      const color = opts.color ?? opts.c;
      const ls = opts.linestyle ?? opts.ls;
      const s: Series = {
        x: xcol,
        y: ycol,
        label: opts.label ?? null,
        color: color !== undefined ? resolveColor(color) : style.color ?? COLOR_CYCLE[this.series.length % COLOR_CYCLE.length],
        marker: opts.marker !== undefined ? (opts.marker || null) : style.marker ?? null,
        linestyle: ls !== undefined ? resolveLineStyle(ls) : style.linestyle ?? 'solid',
        linewidth: opts.linewidth ?? opts.lw ?? 1.5,
        markersize: opts.markersize ?? opts.markerSize ?? opts.ms ?? 6,
        alpha: opts.alpha ?? 1,
      };
      this.series.push(s);
      out.push(s);
    });
    return out;
  }

  title(text: string): void { this.titleText = String(text); }
  xlabel(text: string): void { this.xlabelText = String(text); }
  ylabel(text: string): void { this.ylabelText = String(text); }
  /** Shows a legend of the labelled series (matplotlib draws none until legend() is called). */
  legend(opts: LegendOptions = {}): void { this.legendLoc = opts.loc ?? 'best'; }
  xscale(kind: string): void { this.xscaleType = scaleKind(kind); }
  yscale(kind: string): void { this.yscaleType = scaleKind(kind); }
  xlim(lo: number | [number, number], hi?: number): [number, number] { return (this.xlimRange = range(lo, hi, 'xlim')); }
  ylim(lo: number | [number, number], hi?: number): [number, number] { return (this.ylimRange = range(lo, hi, 'ylim')); }
  /** grid() toggles, grid(true/false) sets — as matplotlib. */
  grid(on?: boolean): void { this.gridOn = on ?? !this.gridOn; }
}

/** The pixel size of a figure: matplotlib's figsize (inches, default 6.4 x 4.8) at `dpi` (default 100). */
export interface FigureOptions { figsize?: [number, number]; dpi?: number }

/** Largest side in pixels: a notebook's figsize=[100, 30] would otherwise ask for a 10000-pixel PNG. */
const MAX_SIDE = 4000;

export class Figure {
  readonly axes: Axes[] = [];
  private current: Axes | null = null;
  suptitleText: string | null = null;
  readonly width: number;
  readonly height: number;

  constructor(opts: FigureOptions = {}) {
    const [w, h] = opts.figsize ?? [6.4, 4.8];
    const dpi = opts.dpi ?? 100;
    this.width = Math.min(MAX_SIDE, Math.max(100, Math.round(w * dpi)));
    this.height = Math.min(MAX_SIDE, Math.max(80, Math.round(h * dpi)));
  }

  /** Selects (creating on first use) the axes at 1-based `index` of an nrows x ncols grid. */
  subplot(nrows: number, ncols: number, index: number): Axes {
    if (!(nrows >= 1 && ncols >= 1 && index >= 1 && index <= nrows * ncols)) {
      throw new Error(`ValueError: num must be 1 <= num <= ${nrows * ncols}, not ${index}`);
    }
    let ax = this.axes.find((a) => a.nrows === nrows && a.ncols === ncols && a.index === index);
    if (!ax) this.axes.push((ax = new Axes(nrows, ncols, index)));
    return (this.current = ax);
  }

  /** The current axes (a single full-figure axes when none was selected yet), as plt.gca(). */
  gca(): Axes { return this.current ?? this.subplot(1, 1, 1); }

  plot(...args: unknown[]): Series[] { return this.gca().plot(...args); }
  title(text: string): void { this.gca().title(text); }
  xlabel(text: string): void { this.gca().xlabel(text); }
  ylabel(text: string): void { this.gca().ylabel(text); }
  legend(opts?: LegendOptions): void { this.gca().legend(opts); }
  xscale(kind: string): void { this.gca().xscale(kind); }
  yscale(kind: string): void { this.gca().yscale(kind); }
  xlim(lo: number | [number, number], hi?: number): [number, number] { return this.gca().xlim(lo, hi); }
  ylim(lo: number | [number, number], hi?: number): [number, number] { return this.gca().ylim(lo, hi); }
  grid(on?: boolean): void { this.gca().grid(on); }
  suptitle(text: string): void { this.suptitleText = String(text); }

  /** The vega-lite spec this figure renders as (useful to inspect or to render elsewhere). */
  toVegaLite(): Record<string, unknown> { return figureToVegaLite(this); }
  /** SVG text, synchronously (see render.ts for why this is safe). */
  toSVG(): string { return fitSvg(vegaLiteToSvg(this.toVegaLite()), this.width, this.height); }
  /** SVG text through vega's own asynchronous View.toSVG(). */
  async toSVGAsync(): Promise<string> { return fitSvg(await vegaLiteToSvgAsync(this.toVegaLite()), this.width, this.height); }
  /** PNG bytes (the SVG rasterized by resvg with the bundled DejaVu Sans font). */
  toPNG(): Buffer { return svgToPng(this.toSVG()); }

  /** Writes `.svg` or `.png` by the path's extension (creating the folder); returns the path. */
  savefig(path: string): string {
    const ext = extname(path).toLowerCase();
    if (ext !== '.svg' && ext !== '.png') throw new Error(`savefig: '${path}' must end in .svg or .png`);
    const svg = this.toSVG();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, ext === '.svg' ? svg : svgToPng(svg));
    return path;
  }

  /** savefig with vega's asynchronous renderer, for callers that prefer the library's documented path. */
  async savefigAsync(path: string): Promise<string> {
    const ext = extname(path).toLowerCase();
    if (ext !== '.svg' && ext !== '.png') throw new Error(`savefig: '${path}' must end in .svg or .png`);
    const svg = await this.toSVGAsync();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, ext === '.svg' ? svg : svgToPng(svg));
    return path;
  }

  /** Writes `<base>.svg` and `<base>.png` from one rendering; returns both paths. */
  saveBoth(base: string): { svg: string; png: string } {
    const svg = this.toSVG();
    mkdirSync(dirname(base), { recursive: true });
    const paths = { svg: `${base}.svg`, png: `${base}.png` };
    writeFileSync(paths.svg, svg);
    writeFileSync(paths.png, svgToPng(svg));
    return paths;
  }
}

/** A trailing keyword-options object (a plain object, not data). */
export function isOptions(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function scaleKind(kind: string): 'linear' | 'log' {
  if (kind === 'linear' || kind === 'log') return kind;
  throw new Error(`ValueError: scale '${kind}' is not supported (use 'linear' or 'log')`);
}

function range(lo: number | [number, number], hi: number | undefined, what: string): [number, number] {
  const r: [number, number] = Array.isArray(lo) ? [lo[0], lo[1]] : [lo, hi as number];
  if (!r.every((v) => typeof v === 'number' && Number.isFinite(v))) throw new TypeError(`${what} needs two finite numbers`);
  return r;
}
