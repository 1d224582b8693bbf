// Line charts: the SVG carries the texts and one path per line series; the PNG is real, sized and not blank.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Figure } from '../../src/plot/figure.ts';
import { parseFmt, toColumns } from '../../src/plot/data.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import { decodePng, distinctColors, inkFraction, isPng } from './png.ts';

const xs = Array.from({ length: 30 }, (_, i) => i / 4);

function sample(): Figure {
  const f = new Figure();
  f.plot(xs, xs.map(Math.sin), 'b-', { label: 'sine' });
  f.plot(xs, xs.map(Math.cos), { fmt: 'g--', label: 'cosine' });
  f.plot(xs, xs.map((x) => Math.sin(x) / 2), 'ro', { label: 'dots', markerSize: 8, alpha: 0.5 });
  f.title('Waves');
  f.xlabel('time');
  f.ylabel('amplitude');
  f.legend();
  return f;
}

/** Paths inside vega's line-mark groups: one per line series. */
function linePaths(svg: string): number {
  const groups = svg.match(/<g class="mark-line[^"]*"[^>]*>(.*?)<\/g>/g) ?? [];
  return groups.reduce((n, g) => n + (g.match(/<path/g) ?? []).length, 0);
}

test('SVG has the title, axis labels, legend labels and one path per line series', () => {
  const svg = sample().toSVG();
  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  for (const text of ['Waves', 'time', 'amplitude', 'sine', 'cosine', 'dots']) assert.ok(svg.includes(`>${text}<`), `missing text ${text}`);
  // Two line series in the axes plus two line samples in the legend box (legend samples are rules, not paths).
  assert.is(linePaths(svg), 2);
  assert.ok(svg.includes('font-family="DejaVu Sans"'), 'text uses the bundled font family');
  assert.ok(svg.includes('stroke-dasharray'), 'the g-- series is dashed');
});

test('the synchronous renderer gives exactly vega\'s asynchronous View.toSVG() output', async () => {
  const f = sample();
  f.subplot(2, 1, 2);
  f.plot([1, 10, 100], { label: 'log' });
  f.yscale('log');
  const sync = f.toSVG();
  const asyncSvg = await f.toSVGAsync();
  assert.ok(sync.length > 1000 && sync === asyncSvg, 'sync and async SVG differ');
  assert.ok(f.toSVG() === sync, 'rendering twice gives the same text (clip ids restart)');
});

test('PNG is a valid, sized, non-blank image', () => {
  const png = sample().toPNG();
  assert.ok(isPng(png));
  assert.ok(png.length > 10_000, `PNG only ${png.length} bytes`);
  const img = decodePng(png);
  assert.is(img.width, 640);
  assert.is(img.height, 480);
  assert.ok(distinctColors(img) > 20, 'antialiased text and colored series give many colors');
  const ink = inkFraction(img);
  assert.ok(ink > 0.01 && ink < 0.6, `ink fraction ${ink}`);
});

test('text is rasterized: a figure with a long title has more ink than one without', () => {
  const a = new Figure();
  a.plot([1, 2, 3]);
  const b = new Figure();
  b.plot([1, 2, 3]);
  b.title('A rather long title to make sure glyphs are drawn WWWWWWWW');
  assert.ok(inkFraction(decodePng(b.toPNG())) > inkFraction(decodePng(a.toPNG())));
});

test('savefig writes by extension; saveBoth writes both; figsize sets the pixel size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfgraph-plot-'));
  const f = new Figure({ figsize: [4, 3] });
  f.plot([3, 1, 2]);
  assert.is(f.savefig(join(dir, 'a.svg')), join(dir, 'a.svg'));
  assert.ok(readFileSync(join(dir, 'a.svg'), 'utf8').startsWith('<svg'));
  f.savefig(join(dir, 'sub', 'a.png'));
  const img = decodePng(readFileSync(join(dir, 'sub', 'a.png')));
  assert.equal([img.width, img.height], [400, 300]);
  const both = f.saveBoth(join(dir, 'both'));
  assert.ok(existsSync(both.svg) && existsSync(both.png));
  assert.ok(isPng(readFileSync(both.png)));
  await f.savefigAsync(join(dir, 'async.png'));
  assert.ok(isPng(readFileSync(join(dir, 'async.png'))));
  assert.throws(() => f.savefig(join(dir, 'a.jpg')), /must end in \.svg or \.png/);
});

test('subplots become a grid of independent axes, each with its own title', () => {
  const f = new Figure();
  f.subplot(2, 2, 1);
  f.plot([1, 2]);
  f.title('first');
  f.subplot(2, 2, 4);
  f.plot([2, 1], 'k:');
  f.title('fourth');
  const spec = f.toVegaLite() as { concat: { title?: string }[]; columns: number };
  assert.is(spec.columns, 2);
  assert.is(spec.concat.length, 4);
  assert.is(spec.concat[0].title, 'first');
  assert.is(spec.concat[3].title, 'fourth');
  const svg = f.toSVG();
  assert.ok(svg.includes('>first<') && svg.includes('>fourth<'));
  assert.is(linePaths(svg), 2);
});

test('log scale, limits and grid reach the spec; non-positive values are dropped on a log axis', () => {
  const f = new Figure();
  f.plot([0, 1, 10, 100]);
  f.yscale('log');
  f.xlim(0, 5);
  f.grid(true);
  const layer = (f.toVegaLite() as { layer: { data: { values: unknown[] }; encoding: any }[] }).layer[0];
  assert.is(layer.encoding.y.scale.type, 'log');
  assert.equal(layer.encoding.x.scale.domain, [0, 5]);
  assert.is(layer.encoding.y.axis.grid, true);
  assert.is(layer.data.values.length, 3);
  assert.throws(() => f.yscale('symlog'), /not supported/);
});

test('data: NDArray, nested arrays (columns), typed arrays, toArray() objects and Python ints (bigint)', () => {
  assert.equal(toColumns(new NDArray('float32', [3, 1], new Float32Array([1, 2, 3]))), [[1, 2, 3]]);
  assert.equal(toColumns([[1, 2], [3, 4], [5, 6]]), [[1, 3, 5], [2, 4, 6]]);
  assert.equal(toColumns(new Int32Array([4, 5])), [[4, 5]]);
  assert.equal(toColumns({ toArray: () => [7, 8] }), [[7, 8]]);
  assert.equal(toColumns([1n, 2n]), [[1, 2]]);
  const f = new Figure();
  const lines = f.plot(new NDArray('float32', [4, 2], new Float32Array(8)));
  assert.is(lines.length, 2, 'a 2-D y plots one series per column');
  assert.equal(lines[0].x, [0, 1, 2, 3]);
  assert.throws(() => f.plot([1, 2], [1, 2, 3]), /same first dimension/);
});

test('fmt strings: marker, line and color in any order', () => {
  assert.equal(parseFmt('ro'), { color: '#ff0000', marker: 'o', linestyle: 'none' });
  assert.equal(parseFmt('b-'), { color: '#0000ff', linestyle: 'solid' });
  assert.equal(parseFmt('--g'), { color: '#008000', linestyle: 'dashed' });
  assert.equal(parseFmt('k.-'), { color: '#000000', marker: '.', linestyle: 'solid' });
  assert.throws(() => parseFmt('q'), /not a valid format string/);
  const f = new Figure();
  const [s] = f.plot([1, 2], 'r.', { markerSize: 10, label: 'Predictions' });
  assert.is(s.marker, '.');
  assert.is(s.markersize, 10);
  assert.is(s.linestyle, 'none');
  const [t] = f.plot([1, 2], { color: 'C3', linestyle: '--', linewidth: 3 });
  assert.is(t.color, '#d62728');
  assert.is(t.linestyle, 'dashed');
});

test.run();
