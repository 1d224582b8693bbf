// Rendering: vega-lite spec -> vega scenegraph -> SVG string, and SVG -> PNG with resvg and the bundled font.
//
// Why savefig can be synchronous: vega's View.toSVG() is async only because it *may* wait for data loads and
// images. Our specs carry inline data and no images, so the dataflow evaluates completely inside view.run()
// (vega's evaluate() reaches its first `await` only when something is pending). We check that it did
// (view._pulse is cleared at the end of an evaluation) and then draw the scenegraph with vega's own headless
// SVGStringRenderer, exactly as toSVG() does. A test asserts the result equals `await view.toSVG()`, so a vega
// upgrade that changes this is caught; the async path stays available as vegaLiteToSvgAsync.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from './spec.ts';

const require = createRequire(import.meta.url);

/** DejaVuSans.ttf from the dejavu-fonts-ttf package: resvg must be given the file, or text silently disappears. */
export function fontFile(): string {
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

function toView(vlSpec: Record<string, unknown>): vega.View {
  // vega-lite's spec type is a large union; our builder produces plain JSON, checked by vega-lite at compile.
  const vg = compile(vlSpec as unknown as Parameters<typeof compile>[0]).spec;
  return new vega.View(vega.parse(vg), { renderer: 'none' });
}

/** The internals of a View that vega's own headless renderer reads (see renderHeadless in vega-view). */
interface ViewInternals {
  _pulse: unknown;
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
}

interface HeadlessSvg {
  initialize(el: null, w: number, h: number, origin: [number, number], scale: number): HeadlessSvg;
  background(bg: unknown): HeadlessSvg;
  render(scene: unknown): HeadlessSvg;
  svg(): string;
}

/** Synchronous vega-lite -> SVG (same output as vega's async View.toSVG for inline-data specs). */
export function vegaLiteToSvg(vlSpec: Record<string, unknown>): string {
  const view = toView(vlSpec);
  view.run();
  const v = view as unknown as ViewInternals;
  if (v._pulse) {
    // Something in the spec made vega wait (external data, images): only the async path can finish it.
    throw new Error('plot: this chart cannot be rendered synchronously; use savefigAsync / toSVGAsync');
  }
  const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
  const w = Math.max(0, v._viewWidth + pad.left + pad.right);
  const h = Math.max(0, v._viewHeight + pad.top + pad.bottom);
  const Ctor = (vega as unknown as { SVGStringRenderer: new (loader: unknown) => HeadlessSvg }).SVGStringRenderer;
  const r = new Ctor(view.loader())
    .initialize(null, w, h, [pad.left + v._origin[0], pad.top + v._origin[1]], 1)
    .background(view.background());
  // Clip-path ids come from a global counter: restart it so the same figure always gives the same SVG text.
  vega.resetSVGDefIds();
  r.render((view.scenegraph() as unknown as { root: unknown }).root);
  const svg = r.svg();
  view.finalize();
  return svg;
}

/** vega-lite -> SVG through vega's documented asynchronous API. */
export async function vegaLiteToSvgAsync(vlSpec: Record<string, unknown>): Promise<string> {
  const view = toView(vlSpec);
  try {
    await view.runAsync();
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Places vega's SVG on a canvas of exactly `width` x `height` (the figure's size): centered when smaller, scaled
 * down to fit when larger. vega sizes a concat of subplots by its content, so this is what makes figsize exact.
 */
export function fitSvg(svg: string, width: number, height: number): string {
  const m = /^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!m) return svg;
  const w = Number(m[2]);
  const h = Number(m[3]);
  if (Math.abs(w - width) < 0.5 && Math.abs(h - height) < 0.5) return svg;
  const k = Math.min(1, width / w, height / h);
  const x = (width - w * k) / 2;
  const y = (height - h * k) / 2;
  const inner = svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, `<svg$1 x="${x}" y="${y}" width="${w * k}" height="${h * k}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="white"/>${inner}</svg>`;
}

/** Rasterizes SVG text to PNG bytes with only the bundled font, so output is identical on every machine. */
export function svgToPng(svg: string, opts: { scale?: number; background?: string } = {}): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fontFile()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: opts.scale && opts.scale !== 1 ? { mode: 'zoom', value: opts.scale } : { mode: 'original' },
    background: opts.background ?? 'white',
  });
  return resvg.render().asPng();
}
