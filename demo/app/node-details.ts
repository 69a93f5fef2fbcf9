/**
 * <demo-node-details>: the demo's node details panel, an example of an app's own view inside a
 * <fluss-run>. It consumes the run, the cursor and the selection through the public context keys
 * and shows the selected node: kind, ports, status at the cursor, NEXT count, latest values and
 * the exception. Text only: every string from the data is rendered as text.
 */
import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { runContext, cursorContext, selectionContext, portName, portTypeLabel, valueToText, type Port } from '../../src/index.js';

export class DemoNodeDetails extends LitElement {
  static override styles = css`
    :host { display: block; font: 13px/1.45 system-ui, sans-serif; overflow: auto; }
    h3 { margin: 0 0 4px; font-size: 15px; }
    .muted { color: #6b7280; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0; }
    dt { color: #6b7280; }
    dd { margin: 0; overflow-wrap: anywhere; }
    ul { margin: 2px 0 8px; padding-left: 18px; }
    .status { display: inline-block; padding: 0 6px; border-radius: 8px; background: #e5e7eb; color: #111827; }
    .status[data-status='running'], .status[data-status='active'] { background: #dbeafe; }
    .status[data-status='completed'] { background: #dcfce7; }
    .status[data-status='errored'] { background: #fee2e2; }
    pre { white-space: pre-wrap; background: #fef2f2; color: #111827; padding: 6px; border-radius: 4px; margin: 4px 0; }
  `;

  readonly #run = new ContextConsumer(this, { context: runContext, subscribe: true });
  readonly #cursor = new ContextConsumer(this, { context: cursorContext, subscribe: true });
  readonly #selection = new ContextConsumer(this, { context: selectionContext, subscribe: true });

  #ports(ports: readonly Port[]) {
    return ports.length ? html`<ul>${ports.map((p) => html`<li>${portName(p)} <span class="muted">${portTypeLabel(p)}</span></li>`)}</ul>` : html`<p class="muted">none</p>`;
  }

  override render() {
    const run = this.#run.value;
    const nodeId = this.#selection.value?.nodeId ?? null;
    if (!run || !run.workflow) return html`<p class="muted">Waiting for a run…</p>`;
    const node = nodeId ? run.workflow.nodes.find((n) => n.id === nodeId) : undefined;
    if (!node) return html`<h3>Node details</h3><p class="muted">Select a node on the graph or an event in the log.</p>`;
    const t = this.#cursor.value?.t ?? run.store.range()?.max ?? 0;
    const state = run.store.size > 0 ? run.store.stateAt(t).nodes.get(node.id) : undefined;
    return html`
      <h3>${node.title}</h3>
      <div class="muted">${node.typename} · ${node.kind}</div>
      <dl>
        <dt>Status at t=${t}</dt>
        <dd><span class="status" data-status=${state?.status ?? 'idle'}>${state?.status ?? 'idle'}</span></dd>
        <dt>NEXT events</dt>
        <dd>${state?.nextCount ?? 0}</dd>
        ${node.action ? html`<dt>Action</dt><dd>${node.action.actionKind} · ${node.action.mapStrategy}</dd>` : nothing}
        ${node.implementation ? html`<dt>Implementation</dt><dd>${node.implementation}</dd>` : nothing}
      </dl>
      <strong>Inputs</strong>
      ${this.#ports(node.ins.flat())}
      <strong>Outputs</strong>
      ${this.#ports(node.outs.flat())}
      ${state && state.values.length
        ? html`<strong>Latest values</strong>
            <dl>${state.values.map((v) => html`<dt>${v.label ?? v.key}</dt><dd>${valueToText(v.value)}</dd>`)}</dl>`
        : nothing}
      ${state?.exception ? html`<strong>Exception</strong><pre>${state.exception}</pre>` : nothing}
    `;
  }
}

if (!customElements.get('demo-node-details')) customElements.define('demo-node-details', DemoNodeDetails);

declare global {
  interface HTMLElementTagNameMap {
    'demo-node-details': DemoNodeDetails;
  }
}
