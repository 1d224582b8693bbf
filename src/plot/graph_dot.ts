// A graph as Graphviz DOT, drawn like TensorBoard: name scopes as nested clusters, edges labelled with shapes.
import type { Graph, Operation } from '../graph/graph.ts';
import { formatDims } from '../graph/shape.ts';

export interface DotOptions {
  /** Only these ops (e.g. what a plan kept); edges from ops not listed are left out. Default: all ops. */
  ops?: readonly Operation[];
  /** A caption drawn above the graph. */
  title?: string;
  /** Draw loop bodies (their ops are named under the loop's scope, e.g. rnn/while/...). Default true. */
  loops?: boolean;
  /** Layout direction; TensorBoard draws inputs at the bottom ('BT'), reading top-down is 'TB' (default). */
  rankdir?: 'TB' | 'BT' | 'LR' | 'RL';
}

/** A scope in the cluster tree: the ops directly in it, and its sub-scopes. */
interface Scope { path: string; ops: Operation[]; children: Map<string, Scope> }

/** Node styles by op kind, so inputs, state and constants stand out as in TensorBoard. */
function nodeStyle(op: Operation): string {
  const t = op.type;
  if (t === 'Placeholder' || t === 'PlaceholderWithDefault') return 'shape=ellipse, style=filled, fillcolor="#fff2b3"';
  if (/^(Variable|VariableV2|VarHandleOp)$/.test(t)) return 'shape=box, style="rounded,filled", fillcolor="#c6e2ff"';
  if (t === 'Const') return 'shape=box, style="filled", fillcolor="#eeeeee", fontsize=9';
  if (t === 'Loop' || t === 'While') return 'shape=box3d, style=filled, fillcolor="#e3d7ff"';
  if (t === 'NoOp' || /^(Assign|ApplyGradientDescent|Apply\w+)$/.test(t)) return 'shape=box, style="filled", fillcolor="#ffe0cc"';
  return 'shape=box, style="rounded,filled", fillcolor="#ffffff"';
}

export function graphToDot(graph: Graph, opts: DotOptions = {}): string {
  const ops = collect(opts.ops ?? graph.get_operations(), opts.loops ?? true);
  const included = new Set(ops);
  // Ids are op names; a loop body's op could reuse an outer name (separate namespaces), so those get a suffix.
  const ids = new Map<Operation, string>();
  const used = new Set<string>();
  for (const op of ops) {
    let id = op.name;
    for (let i = 1; used.has(id); i++) id = `${op.name}#${i}`;
    used.add(id);
    ids.set(op, id);
  }
  const idOf = (op: Operation) => ids.get(op) as string;

  // An op whose name is also a scope (variable `w` with `w/Assign`, `w/read`) is drawn inside that scope.
  const scopeNames = new Set<string>();
  for (const op of ops) {
    const parts = op.name.split('/');
    for (let i = 1; i < parts.length; i++) scopeNames.add(parts.slice(0, i).join('/'));
  }
  const root: Scope = { path: '', ops: [], children: new Map() };
  for (const op of ops) {
    const parts = op.name.split('/');
    const depth = scopeNames.has(op.name) ? parts.length : parts.length - 1;
    let s = root;
    for (let i = 0; i < depth; i++) {
      const key = parts[i];
      let c = s.children.get(key);
      if (!c) s.children.set(key, (c = { path: parts.slice(0, i + 1).join('/'), ops: [], children: new Map() }));
      s = c;
    }
    s.ops.push(op);
  }

  const lines: string[] = [
    'digraph G {',
    `  graph [rankdir=${opts.rankdir ?? 'TB'}, fontname="DejaVu Sans", fontsize=11, compound=true, newrank=true${opts.title ? `, label=${q(opts.title)}, labelloc=t, fontsize=14` : ''}];`,
    '  node [fontname="DejaVu Sans", fontsize=10, height=0.3];',
    '  edge [fontname="DejaVu Sans", fontsize=8, color="#666666", fontcolor="#444444", arrowsize=0.6];',
  ];
  const emit = (s: Scope, indent: string) => {
    for (const op of s.ops) {
      const leaf = op.name.slice(op.name.lastIndexOf('/') + 1);
      const label = leaf === op.type ? leaf : `${leaf}\n${op.type}`;
      lines.push(`${indent}${q(idOf(op))} [label=${q(label)}, tooltip=${q(op.name)}, ${nodeStyle(op)}];`);
    }
    for (const c of s.children.values()) {
      lines.push(`${indent}subgraph ${q(`cluster_${c.path}`)} {`);
      lines.push(`${indent}  label=${q(c.path.slice(c.path.lastIndexOf('/') + 1))}; style="rounded,filled"; fillcolor="#f4f7fb"; color="#9aa7b8";`);
      emit(c, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  emit(root, '  ');

  for (const op of ops) {
    for (const t of op.inputs) {
      if (!included.has(t.op)) continue;
      const shape = formatDims(t.staticShape);
      const label = t.value_index > 0 || t.op.outputs.length > 1 ? `:${t.value_index} ${shape}` : shape;
      lines.push(`  ${q(idOf(t.op))} -> ${q(idOf(op))} [label=${q(label)}];`);
    }
    for (const c of op.control_inputs) {
      if (included.has(c)) lines.push(`  ${q(idOf(c))} -> ${q(idOf(op))} [style=dashed, color="#aaaaaa"];`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}

/** The ops to draw: the given ones plus, when asked, the ops of each loop's body graph (recursively). */
function collect(ops: readonly Operation[], loops: boolean): Operation[] {
  const out: Operation[] = [];
  const seen = new Set<Operation>();
  const add = (op: Operation) => {
    if (seen.has(op)) return;
    seen.add(op);
    out.push(op);
    const body = op.attrs.body as Graph | undefined;
    if (loops && body && typeof body.get_operations === 'function') for (const b of body.get_operations()) add(b);
  };
  for (const op of ops) add(op);
  return out;
}

/** A DOT double-quoted string (newlines become DOT's centered line breaks). */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
