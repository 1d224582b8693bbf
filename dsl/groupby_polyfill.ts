// Object.groupBy for Node 20: chevrotain 13 calls it in performSelfAnalysis; import this module before chevrotain.
type GroupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => Partial<Record<PropertyKey, T[]>>;
const O = Object as unknown as { groupBy?: GroupBy };
if (typeof O.groupBy !== 'function') {
  // Same contract as the standard: a null-prototype object of arrays, keys in first-seen order.
  O.groupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => {
    const out = Object.create(null) as Record<PropertyKey, T[]>;
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      (out[k] ??= []).push(item);
    }
    return out;
  };
}
export {};
