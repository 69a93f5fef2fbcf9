// Project-written workflows for the hardening tests (GraphQL form, built in code; never fixture
// content): a small chain, and a flow whose every text-bearing field carries a payload.
/// <reference types="mocha" />
import { chainFlow, edge, flow, node, port } from '../../workflow/samples.js';

export type Json = Record<string, unknown>;
export { chainFlow, edge, flow, node, port };

/** A deep copy of plain JSON. */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * A flow whose text fields (node title, description, kind, port key/label/description, choices,
 * logo and image URLs, validators/effects functions, edge labels and stream items, globals)
 * carry `text(i)` for a running index i; returns the flow and the texts placed in titles.
 */
export function payloadFlow(text: (i: number) => string, url: (i: number) => string = text): { flow: Json; titles: Map<string, string> } {
  let i = 0;
  const next = (): string => text(i++);
  const titles = new Map<string, string>();
  const richPort = (key: string): Json =>
    port(key, 'STRING', {
      label: next(),
      description: next(),
      identifier: next(),
      choices: [{ label: next(), value: next(), description: next(), image: url(i++) }],
      logo: url(i++),
      validators: [{ function: '() => { window.__xss = 50 }', label: next(), errorMessage: next(), dependencies: [] }],
      effects: [{ function: '() => { window.__xss = 51 }', kind: 'HIDE', dependencies: [] }],
      assignWidget: { kind: 'SEARCH', query: 'query { __xss }', ward: next() },
    });
  const nodes: Json[] = [];
  const ids = ['in', 'a', 'b', 'c', 'out'];
  for (const id of ids) {
    const title = next();
    // ArgNode and ReturnNode are labelled "Inputs" / "Outputs" by the spec, not by their title.
    if (id !== 'in' && id !== 'out') titles.set(id, title);
    const typename = id === 'in' ? 'ArgNode' : id === 'out' ? 'ReturnNode' : id === 'c' ? 'MysteryNode' : 'RekuestMapActionNode';
    nodes.push(
      node(id, typename, {
        title,
        description: next(),
        ...(id === 'c' ? { kind: next() } : {}),
        ins: id === 'in' ? [[]] : [[richPort(next())]],
        outs: id === 'out' ? [[]] : [[richPort(next())]],
        constantsMap: { value: next() },
      }),
    );
  }
  const edges: Json[] = [];
  for (let k = 0; k + 1 < ids.length; k++) {
    const e = edge(`e${k}`, ids[k]!, ids[k + 1]!);
    e.label = next();
    e.stream = [{ kind: 'STRING', label: next(), key: next(), nullable: false }];
    edges.push(e);
  }
  const f = flow(nodes, edges, next());
  f.description = next();
  return { flow: f, titles };
}
