// The `tfgraph` command line: `tfgraph run <file.ts> [--backend b]` runs a builder-API program.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const USAGE = `usage: tfgraph run <program.ts> [--backend wasm|cpu|tensorflow] [args...]
       tfgraph --version

Runs a TypeScript program written against tfgraph's builder API. Programs in the .tfpy DSL
(TF1 Python as notebooks write it) are not supported yet: see the README's status table.`;

async function main(argv: string[]): Promise<number> {
  const [cmd, file, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(pkg.version);
    return 0;
  }
  if (cmd !== 'run' || !file) {
    console.error(USAGE);
    return cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  if (/\.(tfpy|py)$/.test(file)) {
    console.error(`tfgraph: ${file}: the .tfpy DSL is not available yet in this version (run a .ts program instead).`);
    return 2;
  }
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { main?: (args: string[]) => unknown };
  if (typeof mod.main === 'function') await mod.main(rest);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
