// temp: quick timing
import { buildTfgraph } from './impl_tfgraph.ts';
const [w = 'W2', backend = 'wasm', n = '300'] = process.argv.slice(2);
const m = buildTfgraph(w as never, backend as never);
for (let i = 0; i < 10; i++) m.step();
const times: number[] = [];
let loss = 0;
for (let i = 0; i < Number(n); i++) { const t0 = performance.now(); loss = m.step(); times.push(performance.now() - t0); }
times.sort((a, b) => a - b);
console.log(`${w} ${backend}: median ${times[times.length >> 1].toFixed(3)} ms, p10 ${times[Math.floor(times.length * 0.1)].toFixed(3)}, loss ${loss}`);
process.exit(0);
