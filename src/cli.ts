// The `tfgraph` command line: `tfgraph run <file>` runs a .tfpy/.py DSL program or a builder-API .ts program.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const USAGE = `usage: tfgraph run <program.tfpy|program.py|program.ts> [--backend wasm|cpu|tensorflow] [--plots DIR] [--explain] [args...]
       tfgraph --version

Runs a TF1 program written in the .tfpy DSL (TF1 Python as notebooks write it; .py works too) or a
TypeScript program written against tfgraph's builder API (its exported main(args) is called).
  --backend B   default backend of tf.Session() (DSL programs)
  --plots DIR   folder for figures from plt.show()/savefig (default ./plots)
  --explain     print what the compiler did for each distinct sess.run`;

interface Flags { backend?: string; plots?: string; explain: boolean; rest: string[] }

function parseFlags(args: string[]): Flags | string {
  const f: Flags = { explain: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--backend' || a === '--plots') {
      const v = args[++i];
      if (v === undefined) return `tfgraph: ${a} needs a value`;
      if (a === '--backend') f.backend = v; else f.plots = v;
    } else if (a.startsWith('--backend=')) f.backend = a.slice(10);
    else if (a.startsWith('--plots=')) f.plots = a.slice(8);
    else if (a === '--explain') f.explain = true;
    else f.rest.push(a);
  }
  return f;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, file, ...more] = argv;
  if (cmd === '--version' || cmd === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  if (cmd !== 'run' || !file) {
    console.error(USAGE);
    return cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  const flags = parseFlags(more);
  if (typeof flags === 'string') {
    console.error(flags);
    return 2;
  }
  if (/\.(tfpy|py)$/.test(file)) {
    const { runFile } = await import('../dsl/run.ts');
    const r = runFile(file, { backend: flags.backend, plotsDir: flags.plots, explain: flags.explain });
    if (!r.ok) {
      console.error(r.message);
      return r.exitCode;
    }
    return 0;
  }
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { main?: (args: string[]) => unknown };
  const args = [...(flags.backend ? ['--backend', flags.backend] : []), ...flags.rest];
  if (typeof mod.main === 'function') await mod.main(args);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
