// What the tf namespace exposes for pictures and progress: `tf.plot.Figure`, `tf.plot.progress`, graph pictures.
// (The lead wires it as `export * as plot from './api/plot.ts'`; examples use these, the DSL's plt builds on Figure.)
export {
  Figure, Axes, terminalChart, progress, graphToDot, dotToSvg, renderGraphSvg, renderGraphPng, saveGraphPicture, svgToPng,
} from '../plot/index.ts';
export type { PlotOptions, FigureOptions, TerminalChartOptions, Progress, ProgressOptions, TickInfo, DotOptions } from '../plot/index.ts';

import { Figure } from '../plot/index.ts';

/** One-call line chart for examples: `plot.lineChart('plots/loss', {loss: losses}, {title, yscale})` -> both paths. */
export function lineChart(
  base: string,
  series: Record<string, unknown>,
  opts: { title?: string; xlabel?: string; ylabel?: string; yscale?: 'linear' | 'log'; legend?: boolean } = {},
): { svg: string; png: string } {
  const fig = new Figure();
  for (const [label, values] of Object.entries(series)) fig.plot(values, { label });
  if (opts.title) fig.title(opts.title);
  if (opts.xlabel) fig.xlabel(opts.xlabel);
  if (opts.ylabel) fig.ylabel(opts.ylabel);
  if (opts.yscale) fig.yscale(opts.yscale);
  if (opts.legend ?? Object.keys(series).length > 1) fig.legend();
  return fig.saveBoth(base);
}
