// `npm run example -- <name> [--backend cpu|wasm] [--quick] [--no-plots] [--out DIR]`: runs one of the examples
// (default: two_step_rnn).
const EXAMPLES: Record<string, () => Promise<{ main(args: string[]): unknown }>> = {
  two_step_rnn: () => import('./two_step_rnn.ts'),
  hihello: () => import('./hihello.ts'),
  rnn_scratch: () => import('./rnn_scratch.ts'),
  binary_rnn: () => import('./binary_rnn.ts'),
  rnn_lstm_lab: () => import('./rnn_lstm_lab.ts'),
  mnist_rnn: () => import('./mnist_rnn.ts'),
};

const args = process.argv.slice(2);
const name = args[0] && !args[0].startsWith('--') ? args.shift()! : 'two_step_rnn';
const load = EXAMPLES[name];
if (!load) {
  console.error(`unknown example '${name}'; available: ${Object.keys(EXAMPLES).join(', ')}`);
  process.exit(2);
}
(await load()).main(args);
