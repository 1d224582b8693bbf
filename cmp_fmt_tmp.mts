import { readFileSync } from 'node:fs';
import { NDArray, allocData } from './src/runtime/ndarray.ts';
const cases = JSON.parse(readFileSync('/tmp/fmt/cases.json', 'utf8'));
let bad = 0;
for (const c of cases) {
  const d = allocData(c.dtype, c.data.length);
  c.data.forEach((x: any, i: number) => { d[i] = x === null ? Number(c.special[i]) : +x; });
  const s = new NDArray(c.dtype, c.shape, d).toString();
  if (s !== c.s) { bad++; console.log('MISMATCH', c.dtype, c.shape, '\n--ours--\n' + s + '\n--numpy--\n' + c.s); }
}
console.log('bad', bad, 'of', cases.length);
