// Describing arbitrary user values in error messages without ever throwing (functions, null-prototype objects, Maps).

/** A short, safe description of any value: numbers and strings as written, objects by their class name. */
export function describeValue(v: unknown): string {
  if (v === null) return 'None (null)';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return `a function ${v.name || '(anonymous)'}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(describeValue).join(', ')}]`;
  const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  const own = (v as { toString?: unknown }).toString;
  if (typeof own === 'function' && own !== Object.prototype.toString) {
    try {
      return String(v);
    } catch {
      // fall through to the class name
    }
  }
  return `an object of type ${name ?? 'Object'}`;
}
