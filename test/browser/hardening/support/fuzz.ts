// Seeded structural and textual mutations of workflow documents for the fuzz test: each
// mutation is deterministic for a seed, so a failure names the seed and the mutation that broke.
import { HOSTILE_URLS, PAYLOADS } from './probes.js';
import { prng } from '../../../../dev-server/seed/prng.js';
export { prng };


type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** Every container (object or array) in a JSON value, with its path, up to a cap. */
function containers(root: unknown, cap = 4000): Array<{ node: Record<string, unknown> | unknown[]; path: string }> {
  const out: Array<{ node: Record<string, unknown> | unknown[]; path: string }> = [];
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: root, path: '$', depth: 0 }];
  while (stack.length && out.length < cap) {
    const { v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object' || depth > 40) continue;
    out.push({ node: v as Record<string, unknown>, path });
    for (const [k, child] of Object.entries(v)) stack.push({ v: child, path: `${path}.${k}`, depth: depth + 1 });
  }
  return out;
}

const HANDLES = ['return_0', 'arg_0', 'return_-1', 'return_01', 'return_1e1', 'arg_', 'return_NaN', 'RETURN_0', 'return_0 ', 'arg_9999', 'return_5', ''];
const IDS = ['__proto__', 'constructor', 'toString', '0', '', ' ', 'a', 'in', 'out', 'ghost'];

function randomValue(r: Rand): unknown {
  switch (Math.floor(r() * 18)) {
    case 0: return null;
    case 1: return 0;
    case 2: return -1;
    case 3: return 1e308;
    case 4: return Number.NaN;
    case 5: return Number.POSITIVE_INFINITY;
    case 6: return '';
    case 7: return pick(r, PAYLOADS);
    case 8: return pick(r, HOSTILE_URLS);
    case 9: return 'x'.repeat(Math.floor(r() * 20_000));
    case 10: return [];
    case 11: return {};
    case 12: return true;
    case 13: return pick(r, HANDLES);
    case 14: return pick(r, IDS);
    case 15: return { __proto__: { polluted: 1 } };
    case 16: return JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown;
    default: return '\ud800\u202E\u0000' + pick(r, PAYLOADS);
  }
}

export type MutationName = 'delete' | 'set' | 'duplicate' | 'swap' | 'retype' | 'rename' | 'handle' | 'id' | 'truncate-text' | 'garble-text';

/** Applies one random mutation; returns the new input (object or JSON text) and what was done. */
export function mutate(doc: unknown, r: Rand): { input: unknown; what: string } {
  const kinds: MutationName[] = ['delete', 'set', 'set', 'duplicate', 'swap', 'retype', 'rename', 'handle', 'handle', 'id', 'id', 'truncate-text', 'garble-text'];
  const kind = pick(r, kinds);
  if (kind === 'truncate-text' || kind === 'garble-text') {
    const text = JSON.stringify(doc);
    const at = Math.floor(r() * text.length);
    if (kind === 'truncate-text') return { input: text.slice(0, at), what: `truncate text at ${at}` };
    const ch = pick(r, ['"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', 'e', '-', '1e400']);
    return { input: text.slice(0, at) + ch + text.slice(at + 1), what: `garble text at ${at} with ${JSON.stringify(ch)}` };
  }
  const all = containers(doc);
  const target = pick(r, all);
  const node = target.node;
  const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
  const key = keys.length ? pick(r, keys) : '0';
  const rec = node as Record<string, unknown>;
  switch (kind) {
    case 'delete':
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete rec[key];
      return { input: doc, what: `delete ${target.path}.${key}` };
    case 'set': {
      const v = randomValue(r);
      rec[key] = v;
      return { input: doc, what: `set ${target.path}.${key}` };
    }
    case 'duplicate':
      if (Array.isArray(node) && node.length) node.push(JSON.parse(JSON.stringify(node[Number(key)] ?? null)) as unknown);
      else rec[`${key}_dup`] = rec[key];
      return { input: doc, what: `duplicate ${target.path}.${key}` };
    case 'swap': {
      if (Array.isArray(node) && node.length > 1) {
        const j = Math.floor(r() * node.length);
        [node[Number(key)], node[j]] = [node[j], node[Number(key)]];
      }
      return { input: doc, what: `swap in ${target.path}` };
    }
    case 'retype': {
      const v = rec[key];
      rec[key] = typeof v === 'string' ? Number(v) || [v] : typeof v === 'number' ? String(v) : Array.isArray(v) ? { ...v } : typeof v === 'object' && v ? Object.values(v) : String(v);
      return { input: doc, what: `retype ${target.path}.${key}` };
    }
    case 'rename': {
      const renames: Record<string, string> = { ins: 'instream', outs: 'outstream', children: 'child', instream: 'ins', outstream: 'outs', child: 'children', nodes: 'elements', parentNode: 'parent_node', sourceHandle: 'source_handle', __typename: 'typename' };
      if (!Array.isArray(node) && renames[key]) {
        rec[renames[key]!] = rec[key];
        delete rec[key];
      }
      return { input: doc, what: `rename ${target.path}.${key}` };
    }
    case 'handle': {
      const edges = all.filter((c) => !Array.isArray(c.node) && ('sourceHandle' in c.node || 'targetHandle' in c.node || 'source_handle' in c.node));
      if (edges.length) {
        const e = pick(r, edges).node as Record<string, unknown>;
        e[pick(r, ['sourceHandle', 'targetHandle', 'source', 'target'])] = r() < 0.7 ? pick(r, HANDLES) : pick(r, IDS);
      }
      return { input: doc, what: 'handle' };
    }
    case 'id': {
      const withId = all.filter((c) => !Array.isArray(c.node) && 'id' in c.node);
      if (withId.length) (pick(r, withId).node as Record<string, unknown>).id = r() < 0.5 ? pick(r, IDS) : randomValue(r);
      return { input: doc, what: 'id' };
    }
    default:
      return { input: doc, what: 'none' };
  }
}
