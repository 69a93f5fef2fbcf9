// Helpers for <fluss-workflow> browser tests: shared fixtures, element setup, geometry readers.
import { fixture, html } from '@open-wc/testing';
import '../../../src/elements/fluss-workflow/define.js';
import type { FlussWorkflow } from '../../../src/elements/fluss-workflow/fluss-workflow.js';

/** Fixture files in ../shared/fixtures/<folder>, or null when the folder is absent. */
export async function sharedFixtureNames(folder: 'current' | 'legacy'): Promise<string[] | null> {
  const res = await fetch(`/__shared/__list/fixtures/${folder}`);
  if (!res.ok) return null;
  return (await res.json()) as string[];
}

export async function sharedFixtureText(folder: string, name: string): Promise<string> {
  const res = await fetch(`/__shared/fixtures/${folder}/${name}`);
  if (!res.ok) throw new Error(`fixture ${name}: HTTP ${res.status}`);
  return res.text();
}

/** A connected <fluss-workflow> of a given size, with its flow set and laid out. */
export async function renderWorkflow(flow: unknown, attrs: Record<string, string> = {}): Promise<FlussWorkflow> {
  const el = await fixture<FlussWorkflow>(html`<fluss-workflow style="width: 900px; height: 560px"></fluss-workflow>`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.flow = flow;
  await el.layoutComplete;
  await el.updateComplete;
  return el;
}

export function shadow(el: FlussWorkflow): ShadowRoot {
  return el.shadowRoot!;
}

/** Parses `translate(x y)` of a node group. */
export function translateOf(g: Element): { x: number; y: number } {
  const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
  return { x: Number(m?.[1] ?? 0), y: Number(m?.[2] ?? 0) };
}

export function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}
