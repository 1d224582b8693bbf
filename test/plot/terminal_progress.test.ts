// Terminal charts have the requested height; progress prints plain lines when not on a terminal.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Writable } from 'node:stream';
import { terminalChart } from '../../src/plot/terminal.ts';
import { progress } from '../../src/plot/progress.ts';

const loss = Array.from({ length: 500 }, (_, i) => 2 * Math.exp(-i / 80) + 0.1);

test('terminalChart: exactly `height` chart rows under the title, no color codes, bounded width', () => {
  for (const height of [5, 8, 12]) {
    const lines = terminalChart(loss, { height, title: 'loss', width: 60 }).split('\n');
    assert.is(lines[0], 'loss');
    assert.is(lines.length, height + 1);
  }
  const out = terminalChart(loss, { height: 6, width: 40 });
  assert.is(out.split('\n').length, 6);
  assert.not.ok(out.includes('\x1b['), 'no ANSI colors');
  assert.ok(Math.max(...out.split('\n').map((l) => l.length)) <= 40 + 14);
  const top = Number(out.split('\n')[0].trim().split(' ')[0]);
  assert.ok(top > 1.9 && top < 2.2, `top label ${top}`);
  assert.is(terminalChart([], { title: 't' }), 't\n(no data)');
});

test('progress (not a TTY): silent ticks, one plain line per line() call, a summary from done()', () => {
  const lines: string[] = [];
  const p = progress(100, { label: 'epoch', tty: false, print: (l) => lines.push(l) });
  for (let i = 0; i < 50; i++) p.tick({ loss: 1 / (i + 1) });
  assert.is(lines.length, 0);
  p.line();
  p.line('custom text');
  p.done();
  p.done();
  assert.is(lines.length, 3);
  assert.match(lines[0], /^epoch 50\/100 loss 0\.02 \(\d+(\.\d)? steps\/s\)$/);
  assert.is(lines[1], 'custom text');
  assert.match(lines[2], /^epoch 50\/100 loss 0\.02 .*done in \d+\.\ds$/);
});

test('progress (not a TTY) with `every`: one line per epoch of ticks, extra numbers shown by name', () => {
  const lines: string[] = [];
  const p = progress(30, { label: 'train', tty: false, every: 10, print: (l) => lines.push(l) });
  for (let i = 0; i < 30; i++) p.tick({ loss: 0.5, acc: 0.75 });
  assert.is(lines.length, 3);
  assert.match(lines[2], /^train 30\/30 loss 0\.5 acc 0\.75 \(/);
});

test('progress (TTY): draws a cli-progress bar with loss and steps/s on its stream', () => {
  let text = '';
  const stream = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = true;
  stream.columns = 120;
  (stream as unknown as { cursorTo: () => boolean }).cursorTo = () => true;
  (stream as unknown as { clearLine: () => boolean }).clearLine = () => true;
  const p = progress(10, { label: 'fit', tty: true, stream });
  for (let i = 0; i < 10; i++) p.tick({ loss: 0.25 });
  p.done();
  assert.match(text, /fit \[/);
  assert.match(text, /10\/10 \| loss 0\.25 \| [\d.]+ steps\/s/);
});

test.run();
