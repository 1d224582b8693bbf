// The graph layer's public surface.
import { Graph } from './graph.ts';
import { _setGraphFactory } from './default.ts';

_setGraphFactory(() => new Graph());

export { Graph, Operation, GraphKeys, graphHooks, type Attrs } from './graph.ts';
export { Tensor, TensorShape, tensorMethods } from './tensor.ts';
export { get_default_graph, reset_default_graph, withGraph, pushGraph } from './default.ts';
export * from './dtypes.ts';
export * from './shape.ts';
