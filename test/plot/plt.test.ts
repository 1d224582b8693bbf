// The DSL's plt: show() writes numbered SVG+PNG files into the plots folder and prints their paths.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pltModule } from '../../dsl/modules/plt.ts';
import { NDArray } from '../../src/runtime/ndarray.ts';
import { decodePng, isPng } from './png.ts';

/** Keyword arguments as the interpreter passes them: a trailing null-prototype object. */
function kw(o: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, o);
}

test('show() writes figure_N.svg/png, prints both paths, and starts a new figure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfgraph-plt-'));
  const printed: string[] = [];
  const plt = pltModule({ plotsDir: dir, print: (l) => printed.push(l) });
  const x = [0, 1, 2, 3, 4].map((v) => v / 2);
  plt.title('Model Testing');
  plt.plot(x, x.map(Math.sin), 'bo', kw({ markerSize: 15n, alpha: 0.5, label: 'Training Instance' }));
  plt.plot(x, new NDArray('float32', [5, 1], new Float32Array([0, 0.4, 0.8, 1, 0.9])), 'r.', kw({ markerSize: 10n, label: 'Predictions' }));
  plt.xlabel('TIME');
  plt.legend();
  plt.tight_layout();
  plt.show();
  assert.equal(printed.length, 1);
  assert.match(printed[0], /figure_1\.svg, .*figure_1\.png$/);
  const svg = readFileSync(join(dir, 'figure_1.svg'), 'utf8');
  for (const t of ['Model Testing', 'TIME', 'Training Instance', 'Predictions']) assert.ok(svg.includes(`>${t}<`), t);
  assert.ok(isPng(readFileSync(join(dir, 'figure_1.png'))));
  plt.show();
  assert.is(printed.length, 1, 'an empty figure is not written');
  plt.plot([1n, 2n, 3n]);
  plt.show();
  assert.ok(existsSync(join(dir, 'figure_2.png')));
});

test('figure(figsize), subplot forms, yscale, grid, limits; savefig writes the path and its twin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfgraph-plt-'));
  const printed: string[] = [];
  const plt = pltModule({ plotsDir: dir, print: (l) => printed.push(l) });
  plt.figure(kw({ figsize: [5n, 4n] }));
  plt.subplot(2n, 1n, 1n);
  plt.plot([3, 2, 1], kw({ label: 'loss' }));
  plt.yscale('log');
  plt.grid();
  plt.legend(kw({ loc: 'upper right' }));
  plt.subplot(212n);
  // Another module's array class (the DSL's numpy): anything with toArray().
  class Arr { toArray() { return [1, 4, 9]; } }
  plt.plot(new Arr());
  plt.plot([[1, 2], [2, 3], [3, 4]]);
  plt.legend(['a', 'b', 'c']);
  plt.xlim(0n, 3n);
  plt.ylim([0, 10]);
  plt.savefig(join(dir, 'out', 'chart.png'));
  const img = decodePng(readFileSync(join(dir, 'out', 'chart.png')));
  assert.equal([img.width, img.height], [500, 400]);
  const svg = readFileSync(join(dir, 'out', 'chart.svg'), 'utf8');
  assert.ok(svg.includes('>a<') && svg.includes('>c<') && svg.includes('>loss<'));
  assert.is(printed.length, 1);
  plt.show();
  assert.is(printed.length, 1, 'show() right after savefig() writes no duplicate');
  assert.throws(() => plt.savefig(join(dir, 'x.jpg')), /not supported/);
  assert.throws(() => plt.plot([1, 2], 'q'), /not a valid format string/);
});

test.run();
