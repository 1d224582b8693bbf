// Figure -> vega-lite spec: one layer per series (line and/or point marks), subplots as a wrapped concat.
import type { Axes, Figure, Series } from './figure.ts';
import type { LineStyle } from './data.ts';

/** The family the bundled font file declares; render.ts hands that file to resvg so the name resolves everywhere. */
export const FONT_FAMILY = 'DejaVu Sans';

type Spec = Record<string, unknown>;

const DASHES: Record<LineStyle, number[] | undefined> = {
  solid: undefined, none: undefined, dashed: [6, 4], dashdot: [6, 3, 1.5, 3], dotted: [1.5, 3],
};

/** matplotlib marker -> vega symbol shape (vega has no 'x' or star glyph: SVG paths in a unit box stand in). */
const SHAPES: Record<string, string> = {
  '.': 'circle', ',': 'square', o: 'circle', '8': 'circle', s: 'square', D: 'diamond', d: 'diamond',
  '^': 'triangle-up', v: 'triangle-down', '<': 'triangle-left', '>': 'triangle-right', '+': 'cross', P: 'cross',
  x: 'M-1,-1L1,1M-1,1L1,-1', X: 'M-1,-1L1,1M-1,1L1,-1', '|': 'M0,-1L0,1', _: 'M-1,0L1,0',
  '*': 'M0,-1L0.22,-0.31L0.95,-0.31L0.36,0.12L0.59,0.81L0,0.38L-0.59,0.81L-0.36,0.12L-0.95,-0.31L-0.22,-0.31Z',
  p: 'M0,-1L0.95,-0.31L0.59,0.81L-0.59,0.81L-0.95,-0.31Z', h: 'M0,-1L0.87,-0.5L0.87,0.5L0,1L-0.87,0.5L-0.87,-0.5Z',
  H: 'M0,-1L0.87,-0.5L0.87,0.5L0,1L-0.87,0.5L-0.87,-0.5Z',
  '1': 'M0,0L0,1M0,0L-0.87,-0.5M0,0L0.87,-0.5', '2': 'M0,0L0,-1M0,0L-0.87,0.5M0,0L0.87,0.5',
  '3': 'M0,0L-1,0M0,0L0.5,-0.87M0,0L0.5,0.87', '4': 'M0,0L1,0M0,0L-0.5,-0.87M0,0L-0.5,0.87',
};
/** Markers drawn as strokes (open glyphs) rather than filled shapes. */
const STROKED = new Set(['x', 'X', '+', 'P', '|', '_', '1', '2', '3', '4']);

/** matplotlib legend locations -> vega legend orients ('best' has no layout search here: upper right). */
const LEGEND_ORIENT: Record<string, string> = {
  best: 'top-right', 'upper right': 'top-right', 'upper left': 'top-left', 'lower left': 'bottom-left',
  'lower right': 'bottom-right', right: 'right', 'center right': 'right', 'center left': 'left', 'upper center': 'top',
  'lower center': 'bottom', center: 'top-right',
};

export function figureToVegaLite(fig: Figure): Spec {
  const axes = fig.axes.length ? fig.axes : [fig.gca()];
  const nrows = Math.max(...axes.map((a) => a.nrows));
  const ncols = Math.max(...axes.map((a) => a.ncols));
  // Room for tick labels, axis titles and the axes title around each plotting area.
  const w = Math.max(40, Math.floor(fig.width / ncols) - 90);
  const h = Math.max(30, Math.floor(fig.height / nrows) - (fig.suptitleText ? 100 : 80) / Math.sqrt(nrows));
  const base: Spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 10,
    config: {
      font: FONT_FAMILY,
      view: { stroke: '#444444' },
      axis: { domain: false, tickColor: '#444444', labelColor: '#222222', titleColor: '#222222', titleFontWeight: 'normal', gridColor: '#e0e0e0' },
      title: { fontSize: 14, fontWeight: 'normal', color: '#111111' },
      legend: { labelFontSize: 11 },
    },
  };
  if (fig.suptitleText) base.title = { text: fig.suptitleText, anchor: 'middle', fontSize: 16 };
  if (axes.length === 1 && nrows * ncols === 1) {
    // A single axes fills the figure exactly: 'fit' shrinks the plotting area to leave room for labels.
    return { ...base, ...axesSpec(axes[0], fig.width, fig.height), autosize: { type: 'fit', contains: 'padding' } };
  }
  // Cells in row-major order; a grid position with no axes gets an invisible spacer so the others stay put.
  const cells: Spec[] = [];
  for (let r = 0; r < nrows; r++) {
    for (let c = 0; c < ncols; c++) {
      const ax = axes.find((a) => Math.floor((a.index - 1) / a.ncols) === r && (a.index - 1) % a.ncols === c);
      cells.push(ax ? axesSpec(ax, w, Math.round(h)) : spacer(w, Math.round(h)));
    }
  }
  return {
    ...base,
    columns: ncols,
    concat: cells,
    // Each subplot has its own axes, colors and legend, as in matplotlib.
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' }, legend: { color: 'independent' } },
  };
}

function spacer(width: number, height: number): Spec {
  return { width, height, view: { stroke: null }, data: { values: [{}] }, mark: { type: 'text' }, encoding: { text: { value: '' } } };
}

function axesSpec(ax: Axes, width: number, height: number): Spec {
  const enc: Spec = {
    x: { field: 'x', type: 'quantitative', scale: scale(ax.xscaleType, ax.xlimRange), axis: axis(ax.xlabelText, ax.gridOn) },
    y: { field: 'y', type: 'quantitative', scale: scale(ax.yscaleType, ax.ylimRange), axis: axis(ax.ylabelText, ax.gridOn) },
  };
  const layer: Spec[] = [];
  for (const s of ax.series) {
    const values = points(s, ax);
    if (s.linestyle !== 'none') {
      layer.push({
        data: { values },
        mark: { type: 'line', color: s.color, strokeWidth: s.linewidth, strokeDash: DASHES[s.linestyle], opacity: s.alpha, clip: true },
        encoding: enc,
      });
    }
    if (s.marker) layer.push({ data: { values }, mark: pointMark(s), encoding: enc });
  }
  // An axes with no series still draws its frame and axes, as matplotlib's empty subplot does.
  if (!layer.length) layer.push({ data: { values: [] }, mark: { type: 'point' }, encoding: enc });
  if (ax.legendLoc !== null) layer.push(...legendLayers(ax, width, height));
  const spec: Spec = { width, height, layer };
  if (ax.titleText !== null) spec.title = ax.titleText;
  return spec;
}

/**
 * matplotlib's legend drawn as pixel-positioned marks in the axes (a box, a line sample and/or marker, the label).
 * vega-lite's own legends cannot show one entry per series with its own color *and* line-or-marker glyph (color
 * and shape legends of datum encodings are not merged), so the legend is laid out here.
 */
function legendLayers(ax: Axes, width: number, height: number): Spec[] {
  const entries: Series[] = [];
  for (const s of ax.series) if (s.label !== null && !s.label.startsWith('_') && !entries.some((e) => e.label === s.label)) entries.push(s);
  if (!entries.length) return [];
  const fs = 11;
  const row = 18;
  const pad = 6;
  const sample = 26;
  const textW = Math.max(...entries.map((e) => textWidth(e.label as string, fs)));
  const boxW = pad + sample + 6 + textW + pad;
  const boxH = pad * 2 + row * entries.length - 4;
  const orient = ax.legendLoc === 'best' ? bestCorner(ax, width, height, boxW, boxH) : LEGEND_ORIENT[ax.legendLoc as string] ?? 'top-right';
  // Positions are expressions of the plot area's real size: with autosize 'fit' it is smaller than the figure.
  const fromRight = !orient.endsWith('left');
  const fromBottom = orient.startsWith('bottom');
  const one = { data: { values: [{}] } };
  const xAt = (dx: number) => ({ value: fromRight ? { expr: `width - ${8 + boxW - dx}` } : 8 + dx });
  const yAt = (dy: number) => ({ value: fromBottom ? { expr: `height - ${8 + boxH - dy}` } : 8 + dy });
  const out: Spec[] = [{
    ...one, mark: { type: 'rect', fill: 'white', stroke: '#cccccc', cornerRadius: 2, opacity: 0.9 },
    encoding: { x: xAt(0), x2: xAt(boxW), y: yAt(0), y2: yAt(boxH) },
  }];
  entries.forEach((s, i) => {
    const cy = pad + row * i + row / 2 - 2;
    const x0 = pad;
    if (s.linestyle !== 'none') {
      out.push({
        ...one, mark: { type: 'rule', color: s.color, strokeWidth: s.linewidth, strokeDash: DASHES[s.linestyle], opacity: s.alpha },
        encoding: { x: xAt(x0), x2: xAt(x0 + sample), y: yAt(cy), y2: yAt(cy) },
      });
    }
    if (s.marker) out.push({ ...one, mark: pointMark({ ...s, markersize: Math.min(s.markersize, 8) }), encoding: { x: xAt(x0 + sample / 2), y: yAt(cy) } });
    out.push({
      ...one, mark: { type: 'text', text: s.label, align: 'left', baseline: 'middle', fontSize: fs, color: '#222222' },
      encoding: { x: xAt(x0 + sample + 6), y: yAt(cy) },
    });
  });
  return out;
}

/**
 * matplotlib's loc='best', simplified: the corner whose legend box covers the fewest data points (sampled along
 * each line too), trying upper right, upper left, lower left, lower right in that order.
 */
function bestCorner(ax: Axes, width: number, height: number, boxW: number, boxH: number): string {
  const pts = ax.series.flatMap((s) => {
    const p = points(s, ax);
    const out: { x: number; y: number }[] = [];
    p.forEach((q, i) => {
      out.push(q);
      const n = p[i + 1];
      if (n && s.linestyle !== 'none') for (let k = 1; k < 4; k++) out.push({ x: q.x + ((n.x - q.x) * k) / 4, y: q.y + ((n.y - q.y) * k) / 4 });
    });
    return out;
  });
  if (!pts.length) return 'top-right';
  const tx = axisMap(pts.map((p) => p.x), ax.xscaleType, ax.xlimRange, width, false);
  const ty = axisMap(pts.map((p) => p.y), ax.yscaleType, ax.ylimRange, height, true);
  let best = 'top-right';
  let fewest = Infinity;
  for (const corner of ['top-right', 'top-left', 'bottom-left', 'bottom-right']) {
    const left = corner.endsWith('left') ? 8 : width - 8 - boxW;
    const top = corner.startsWith('bottom') ? height - 8 - boxH : 8;
    let n = 0;
    for (const p of pts) {
      const px = tx(p.x);
      const py = ty(p.y);
      if (px >= left - 4 && px <= left + boxW + 4 && py >= top - 4 && py <= top + boxH + 4) n++;
    }
    if (n < fewest) [best, fewest] = [corner, n];
  }
  return best;
}

/** Approximate data -> pixel mapping of one axis (ignores vega's padding and nice rounding; good enough to pick a corner). */
function axisMap(vals: number[], type: 'linear' | 'log', lim: [number, number] | null, size: number, flip: boolean): (v: number) => number {
  const f = type === 'log' ? Math.log10 : (v: number) => v;
  const lo = f(lim ? lim[0] : Math.min(...vals));
  const hi = f(lim ? lim[1] : Math.max(...vals));
  const span = hi - lo || 1;
  return (v) => {
    const t = (f(v) - lo) / span;
    return (flip ? 1 - t : t) * size;
  };
}

/** DejaVu Sans advance widths, roughly (wide capitals, narrow i/l/punctuation): enough to size the legend box. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[ilj.,:;'|!]/.test(ch) ? 0.3 : /[A-Z]|[mwMW]/.test(ch) ? 0.75 : 0.6;
  return em * fontSize;
}

/** Finite points only; on a log axis non-positive values are dropped too (matplotlib masks them). */
function points(s: Series, ax: Axes): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < s.y.length; i++) {
    const x = s.x[i];
    const y = s.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if ((ax.xscaleType === 'log' && x <= 0) || (ax.yscaleType === 'log' && y <= 0)) continue;
    out.push({ x, y });
  }
  return out;
}

function pointMark(s: Series): Spec {
  const m = s.marker as string;
  // matplotlib's markersize is a diameter in points; vega's size is the symbol's area in pixels (100 dpi).
  const d = (s.markersize * 100) / 72 * (m === '.' ? 0.5 : m === ',' ? 0.2 : 1);
  const stroked = STROKED.has(m);
  return {
    type: 'point', shape: SHAPES[m] ?? 'circle', size: Math.max(1, d * d), opacity: s.alpha, clip: true,
    filled: !stroked, color: s.color, strokeWidth: stroked ? 1.5 : 0,
  };
}

function scale(type: 'linear' | 'log', lim: [number, number] | null): Spec {
  // zero: false and a few pixels of padding give matplotlib's data-hugging limits with markers not cut in half.
  // (A log axis keeps vega's nice decade limits: padding there would widen them to the next decades.)
  const s: Spec = type === 'log' ? { type } : { type, zero: false, nice: false, padding: 8 };
  if (lim) {
    s.domain = lim;
    s.nice = false;
    s.padding = 0;
  }
  return s;
}

function axis(title: string | null, grid: boolean): Spec {
  return { title, grid };
}
