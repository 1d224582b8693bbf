// The plot module's surface: line charts, terminal charts, progress bars and graph pictures.
export { Figure, Axes, type PlotOptions, type Series, type FigureOptions, type LegendOptions } from './figure.ts';
export { terminalChart, type TerminalChartOptions } from './terminal.ts';
export { progress, type Progress, type ProgressOptions, type TickInfo } from './progress.ts';
export { graphToDot, type DotOptions } from './graph_dot.ts';
export { dotToSvg, renderGraphSvg, renderGraphPng, saveGraphPicture } from './graphviz.ts';
export { svgToPng, vegaLiteToSvg, vegaLiteToSvgAsync, fontFile } from './render.ts';
export { toColumns, toVector, parseFmt } from './data.ts';
