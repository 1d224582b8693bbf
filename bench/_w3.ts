// temp
import { buildTfgraph } from './impl_tfgraph.ts';
for (const opts of [{}, { optimize: false }]) {
  const m = buildTfgraph('W3', 'wasm', opts);
  const ls: number[] = [];
  for (let i = 0; i < 30; i++) ls.push(m.step());
  console.log(JSON.stringify(opts), ls.filter((_, i) => i % 5 === 0 || i === 29).map((l) => l.toFixed(3)).join(' '));
  m.sess.close();
}
