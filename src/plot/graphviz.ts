// Graph pictures: DOT -> SVG with Graphviz compiled to WebAssembly (no native install), SVG -> PNG with resvg.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Graph } from '../graph/graph.ts';
import { graphToDot, type DotOptions } from './graph_dot.ts';
import { svgToPng } from './render.ts';

/** Graphviz.load() instantiates the wasm module (async, once); later calls reuse it. */
let loading: Promise<Graphviz> | null = null;
function graphviz(): Promise<Graphviz> {
  return (loading ??= Graphviz.load());
}

/** DOT source -> SVG text (layout with `dot`). */
export async function dotToSvg(dot: string): Promise<string> {
  return (await graphviz()).dot(dot, 'svg');
}

export async function renderGraphSvg(graph: Graph, opts: DotOptions = {}): Promise<string> {
  return dotToSvg(graphToDot(graph, opts));
}

/** PNG bytes of the graph picture (rasterized with the bundled font, like the charts). */
export async function renderGraphPng(graph: Graph, opts: DotOptions & { scale?: number } = {}): Promise<Buffer> {
  return svgToPng(await renderGraphSvg(graph, opts), { scale: opts.scale });
}

/** Writes the picture as .svg, .png or .dot by the path's extension; returns the path. */
export async function saveGraphPicture(graph: Graph, path: string, opts: DotOptions = {}): Promise<string> {
  const ext = extname(path).toLowerCase();
  const dot = graphToDot(graph, opts);
  let data: string | Buffer;
  if (ext === '.dot' || ext === '.gv') data = dot;
  else if (ext === '.svg') data = await dotToSvg(dot);
  else if (ext === '.png') data = svgToPng(await dotToSvg(dot));
  else throw new Error(`graph picture: '${path}' must end in .svg, .png or .dot`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}
