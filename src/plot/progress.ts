// Progress for long loops: a cli-progress bar (loss, steps/s) on a terminal, plain lines elsewhere (CI, pipes).
import cliProgress from 'cli-progress';

export interface ProgressOptions {
  label?: string;
  /** Force terminal (bar) or plain mode; default: whether stderr is a TTY (cli-progress prints nothing otherwise). */
  tty?: boolean;
  /** Plain mode: also print a line automatically every `every` ticks (e.g. the steps of one epoch). */
  every?: number;
  /** Where plain lines go; default stderr, so a program's own stdout (its results) stays clean. */
  print?: (line: string) => void;
  /** Bar mode's stream; default process.stderr. */
  stream?: NodeJS.WritableStream;
}

/** Extra numbers a tick reports; `loss` is shown by name, the rest as `key value`. */
export interface TickInfo { loss?: number; [key: string]: number | undefined }

export interface Progress {
  /** One step done (or `n` steps); `info.loss` becomes the shown loss. */
  tick(info?: TickInfo, n?: number): void;
  /** One plain line now (an epoch summary); in bar mode it is printed above the bar. */
  line(text?: string): void;
  /** Ends the bar; in plain mode prints a final summary line. */
  done(): void;
}

export function progress(total: number, opts: ProgressOptions = {}): Progress {
  const label = opts.label ?? 'train';
  const tty = opts.tty ?? Boolean(process.stderr.isTTY);
  const print = opts.print ?? ((l: string) => process.stderr.write(`${l}\n`));
  const start = performance.now();
  let step = 0;
  let info: TickInfo = {};
  let finished = false;
  const rate = () => step / Math.max(1e-9, (performance.now() - start) / 1000);
  const extras = () => Object.entries(info)
    .filter(([k, v]) => k !== 'loss' && typeof v === 'number')
    .map(([k, v]) => ` ${k} ${fmt(v as number)}`).join('');
  const summary = () => `${label} ${step}/${total}${info.loss !== undefined ? ` loss ${fmt(info.loss)}` : ''}${extras()} (${rate().toFixed(1)} steps/s)`;

  let bar: InstanceType<typeof cliProgress.SingleBar> | null = null;
  const payload = () => ({ loss: info.loss !== undefined ? fmt(info.loss) : '-', rate: rate().toFixed(1), extras: extras() });
  if (tty) {
    bar = new cliProgress.SingleBar({
      format: `${label} [{bar}] {value}/{total} | loss {loss}{extras} | {rate} steps/s | ETA {eta}s`,
      stream: opts.stream ?? process.stderr,
      hideCursor: true,
      barsize: 24,
      fps: 10,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, payload());
  }

  return {
    tick(next?: TickInfo, n = 1) {
      step += n;
      if (next) info = { ...info, ...next };
      if (bar) bar.update(step, payload());
      else if (opts.every && step % opts.every === 0) print(summary());
    },
    line(text?: string) {
      const l = text ?? summary();
      if (bar) {
        // Clear the bar's line, print, and let the next update redraw the bar below.
        (opts.stream ?? process.stderr).write(`\r\x1b[K${l}\n`);
        bar.update(step, payload());
      } else print(l);
    },
    done() {
      if (finished) return;
      finished = true;
      if (bar) {
        bar.update(step, payload());
        bar.stop();
      } else print(`${summary()} done in ${((performance.now() - start) / 1000).toFixed(1)}s`);
    },
  };
}

/** Loss-like numbers: 4 significant digits, exponent form when tiny. */
function fmt(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && a < 1e-3 ? v.toExponential(3) : Number(v.toPrecision(4)).toString();
}
