// Terminal line charts (asciichart, no colors so CI logs stay clean), e.g. a loss curve after training.
import asciichart from 'asciichart';
import { toVector, type PlotData } from './data.ts';

export interface TerminalChartOptions {
  /** Rows of the chart itself (the title line, if any, comes on top). Default 10. */
  height?: number;
  /** At most this many columns of data; longer series are averaged into buckets. Default fits the terminal. */
  width?: number;
  title?: string;
}

/** A multi-line string: the title (if any), then exactly `height` chart rows with y labels. */
export function terminalChart(values: PlotData, opts: TerminalChartOptions = {}): string {
  const height = Math.max(2, Math.floor(opts.height ?? 10));
  const cols = process.stdout.columns ? process.stdout.columns - 14 : 70;
  const width = Math.max(4, Math.floor(opts.width ?? Math.min(100, cols)));
  const ys = downsample(toVector(values, 'terminalChart values').filter(Number.isFinite), width);
  const lines: string[] = opts.title ? [opts.title] : [];
  if (!ys.length) return [...lines, '(no data)'].join('\n');
  // asciichart draws height+1 rows for a varying series (and one for a constant one): ask for one fewer, pad after.
  const chart = asciichart.plot(ys, { height: height - 1, format: label }).split('\n');
  while (chart.length < height) chart.push('');
  return [...lines, ...chart.slice(0, height)].join('\n');
}

/** Means of equal buckets, so a 2,000-step loss curve fits the terminal's width. */
function downsample(ys: number[], width: number): number[] {
  if (ys.length <= width) return ys;
  const out: number[] = [];
  for (let b = 0; b < width; b++) {
    const lo = Math.floor((b * ys.length) / width);
    const hi = Math.floor(((b + 1) * ys.length) / width);
    let s = 0;
    for (let i = lo; i < hi; i++) s += ys[i];
    out.push(s / (hi - lo));
  }
  return out;
}

/** Fixed-width y labels: 3 significant digits, exponent form for very large or small magnitudes. */
function label(x: number): string {
  const a = Math.abs(x);
  const s = a !== 0 && (a >= 1e5 || a < 1e-3) ? x.toExponential(2) : x.toPrecision(3);
  return s.padStart(10);
}
