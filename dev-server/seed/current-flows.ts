// Dev server seed: current-generation flows in GraphQL form, written for this project.
import type { GqlFlow } from '../types.js';
import { action, agentSubFlow, argNode, edge, flow, port, reactive, returnNode } from './build.js';

/** The spec 3.2 worked example shape: arg -> middle -> returns (ids as in the spec table). */
export function workedExampleFlow(): GqlFlow {
  return flow(
    'worked-example',
    'Add one (worked example)',
    'One action between the inputs and the outputs; the run reproduces the table of spec 3.2.',
    [
      argNode({ id: 'arg', title: 'Inputs', x: 0, y: 0, outs: [[port('x', 'INT')]] }),
      action({ id: 'middle', title: 'Add one', x: 300, y: 0, hash: 'dev-add-one', ins: [[port('x', 'INT')]], outs: [[port('return0', 'INT')]] }),
      returnNode({ id: 'returns', title: 'Outputs', x: 600, y: 0, ins: [[port('out', 'INT')]] }),
    ],
    [edge('e-arg-middle', 'arg', 0, 'middle', 0), edge('e-middle-returns', 'middle', 0, 'returns', 0)],
  );
}

const image = (key: string, label = key) => port(key, 'STRUCTURE', { identifier: '@mikro/image', label });

/**
 * An image-analysis pipeline: a generator acquiring tiles, CHUNK, a denoise map, an in-focus
 * filter, a segmentation group (AgentSubFlowNode) and a ZIP joining masks with statistics.
 */
export function imageAnalysisFlow(): GqlFlow {
  return flow(
    'image-analysis',
    'Tile segmentation pipeline',
    'Acquires tiles from a stage scan, keeps the sharp ones and segments them on a GPU agent.',
    [
      argNode({ id: 'inputs', title: 'Inputs', x: 0, y: 160, outs: [[image('dataset', 'Dataset'), port('tiles', 'INT', { label: 'Tiles per position' })]] }),
      action({
        id: 'acquire',
        title: 'Acquire tiles',
        description: 'Streams one image per stage position.',
        x: 280,
        y: 160,
        hash: 'dev-acquire-tiles',
        actionKind: 'GENERATOR',
        ins: [[image('dataset'), port('tiles', 'INT')]],
        outs: [[image('tile', 'Tile')]],
        constants: [port('exposure', 'FLOAT', { nullable: true, default: 12.5, label: 'Exposure (ms)' })],
        constantsMap: { exposure: 12.5 },
      }),
      reactive({ id: 'chunk', title: 'Chunk', x: 540, y: 160, implementation: 'CHUNK', ins: [[image('tile')]], outs: [[image('tile')]] }),
      action({ id: 'denoise', title: 'Denoise', x: 780, y: 160, hash: 'dev-denoise', ins: [[image('tile')]], outs: [[image('denoised', 'Denoised')]], retries: 2 }),
      action({ id: 'in-focus', title: 'Keep in-focus tiles', x: 1020, y: 160, hash: 'dev-in-focus', filter: true, ins: [[image('tile')]], outs: [[image('tile')], [image('tile')]] }),
      agentSubFlow({ id: 'gpu-group', title: 'GPU agent', x: 1260, y: 40, appFilter: 'dev-gpu-agent', ins: [[image('tile')]], outs: [[image('mask')]] }),
      action({ id: 'segment', title: 'Segment nuclei', parent: 'gpu-group', x: 30, y: 60, hash: 'dev-segment', ins: [[image('tile')]], outs: [[image('mask', 'Mask')]] }),
      action({ id: 'measure', title: 'Measure', parent: 'gpu-group', x: 30, y: 200, hash: 'dev-measure', ins: [[image('tile')]], outs: [[port('area', 'FLOAT'), port('count', 'INT')]] }),
      reactive({
        id: 'zip',
        title: 'Zip',
        x: 1660,
        y: 160,
        implementation: 'ZIP',
        ins: [[image('mask')], [port('area', 'FLOAT'), port('count', 'INT')]],
        outs: [[image('mask'), port('area', 'FLOAT'), port('count', 'INT')]],
      }),
      returnNode({ id: 'outputs', title: 'Outputs', x: 1900, y: 160, ins: [[image('mask'), port('area', 'FLOAT'), port('count', 'INT')]] }),
    ],
    [
      edge('e1', 'inputs', 0, 'acquire', 0),
      edge('e2', 'acquire', 0, 'chunk', 0),
      edge('e3', 'chunk', 0, 'denoise', 0),
      edge('e4', 'denoise', 0, 'in-focus', 0, 'INFO'),
      edge('e5', 'in-focus', 0, 'segment', 0),
      edge('e6', 'in-focus', 0, 'measure', 0),
      edge('e7', 'segment', 0, 'zip', 0),
      edge('e8', 'measure', 0, 'zip', 1),
      edge('e9', 'zip', 0, 'outputs', 0),
    ],
    [{ key: 'exposure', port: port('exposure', 'FLOAT', { nullable: true, label: 'Exposure (ms)' }) }],
  );
}

/** A long streaming flow: a generator feeding a map; the stream scenario sets how many it yields. */
export function streamFlow(): GqlFlow {
  return flow(
    'stream',
    'Timelapse stream',
    'A generator streams frames through a per-frame measurement.',
    [
      argNode({ id: 'start', title: 'Inputs', x: 0, y: 0, outs: [[port('frames', 'INT', { label: 'Frames' })]] }),
      action({ id: 'frames', title: 'Stream frames', x: 280, y: 0, hash: 'dev-stream-frames', actionKind: 'GENERATOR', ins: [[port('frames', 'INT')]], outs: [[image('frame', 'Frame')]] }),
      action({ id: 'intensity', title: 'Mean intensity', x: 560, y: 0, hash: 'dev-mean-intensity', ins: [[image('frame')]], outs: [[port('mean', 'FLOAT')]] }),
      returnNode({ id: 'end', title: 'Outputs', x: 840, y: 0, ins: [[port('mean', 'FLOAT')]] }),
    ],
    [edge('s1', 'start', 0, 'frames', 0), edge('s2', 'frames', 0, 'intensity', 0), edge('s3', 'intensity', 0, 'end', 0)],
  );
}
