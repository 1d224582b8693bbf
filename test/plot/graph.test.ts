// Graph pictures: DOT with name scopes as nested clusters and shape-labelled edges; SVG/PNG through Graphviz.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../src/index.ts';
import { graphToDot } from '../../src/plot/graph_dot.ts';
import { renderGraphPng, renderGraphSvg, saveGraphPicture } from '../../src/plot/graphviz.ts';
import { decodePng, inkFraction, isPng } from './png.ts';

function build(): tf.Graph {
  tf.reset_default_graph();
  const X = tf.placeholder(tf.float32, [null, 3], { name: 'X' });
  tf.name_scope('layer1', () => {
    const W = tf.Variable(tf.ones([3, 4]), { name: 'W' });
    return tf.name_scope('act', () => tf.nn.relu(tf.matmul(X, W)));
  });
  return tf.get_default_graph();
}

test('DOT: nested clusters per name scope, ops inside them, edge labels with static shapes', () => {
  const g = build();
  const dot = graphToDot(g, { title: 'tiny' });
  assert.ok(dot.startsWith('digraph G {') && dot.trimEnd().endsWith('}'));
  assert.ok(dot.includes('label="tiny"'));
  assert.ok(dot.includes('subgraph "cluster_layer1" {'));
  assert.ok(dot.includes('subgraph "cluster_layer1/act" {'));
  // act is nested inside layer1 (its subgraph opens before layer1's closes, indented one level deeper).
  const l1 = dot.indexOf('subgraph "cluster_layer1" {');
  const act = dot.indexOf('subgraph "cluster_layer1/act" {');
  assert.ok(act > l1 && /\n {4}subgraph "cluster_layer1\/act"/.test(dot));
  // The variable op W sits inside its own scope cluster with W/Assign and W/read (TensorBoard groups them so).
  assert.ok(dot.includes('subgraph "cluster_layer1/W" {'));
  const relu = g.get_operations().find((o) => o.type === 'Relu')!;
  assert.ok(relu.name.startsWith('layer1/act/'));
  assert.ok(dot.includes(`"${relu.name}" [label=`));
  assert.ok(dot.includes('[label="[?,3]"]'), 'the placeholder edge shows its unknown batch dim');
  assert.ok(dot.includes('[label="[?,4]"]'));
  assert.ok(dot.includes('shape=ellipse'), 'placeholders are drawn as ellipses');
});

test('DOT: `ops` restricts the picture to the given ops', () => {
  const g = build();
  const some = g.get_operations().filter((o) => o.name.startsWith('layer1/act'));
  const dot = graphToDot(g, { ops: some });
  assert.not.ok(dot.includes('"X"'));
  assert.ok(dot.includes('cluster_layer1/act'));
});

test('DOT: loop bodies are drawn inside the loop\'s scope', () => {
  tf.reset_default_graph();
  const X = tf.placeholder(tf.float32, [1, 4, 2]);
  const cell = new tf.contrib.rnn.BasicRNNCell(3);
  tf.nn.dynamic_rnn(cell, X, { dtype: tf.float32 });
  const dot = graphToDot(tf.get_default_graph());
  assert.ok(dot.includes('subgraph "cluster_rnn" {'));
  assert.ok(dot.includes('subgraph "cluster_rnn/while" {'), 'the loop scope is a cluster');
  assert.ok(/"rnn\/while\/[^"]+" \[label=/.test(dot), 'body ops are drawn');
});

test('Graphviz SVG and PNG of a graph', async () => {
  const g = build();
  const svg = await renderGraphSvg(g, { title: 'tiny' });
  assert.ok(svg.includes('<svg'));
  assert.ok(svg.includes('>layer1<') && svg.includes('>act<'), 'cluster labels are drawn');
  const png = await renderGraphPng(g);
  assert.ok(isPng(png));
  const img = decodePng(png);
  assert.ok(img.width > 100 && img.height > 100);
  assert.ok(inkFraction(img) > 0.02, 'not blank');
  const dir = mkdtempSync(join(tmpdir(), 'tfgraph-graph-'));
  await saveGraphPicture(g, join(dir, 'g.dot'));
  assert.ok(readFileSync(join(dir, 'g.dot'), 'utf8').startsWith('digraph'));
  await saveGraphPicture(g, join(dir, 'g.png'));
  assert.ok(isPng(readFileSync(join(dir, 'g.png'))));
});

test.run();
