/**
 * <demo-runs-list>: the demo's runs list (an app's own view). Lists the runs of the Fluss server
 * through the client the enclosing <fluss-provider> provides (flussClientContext, RUNS_QUERY),
 * marks the open one, and fires `demo-run-pick` with the run id when one is chosen. Refreshes
 * every few seconds and whenever the provider hands out a new client.
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { RUNS_QUERY, flussClientContext } from '../../src/index.js';

interface RunRow {
  readonly id: string;
  readonly status: string;
  readonly createdAt: string;
  readonly flow: { readonly title: string } | null;
}

export class DemoRunsList extends LitElement {
  static override styles = css`
    :host { display: block; font: 13px/1.4 system-ui, sans-serif; overflow: auto; }
    ul { list-style: none; margin: 0; padding: 0; }
    button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 6px 8px; border-radius: 4px; cursor: pointer; }
    button:hover { background: rgba(127, 127, 127, 0.12); }
    button:focus-visible { outline: 2px solid #2563eb; }
    button[aria-current='true'] { background: rgba(37, 99, 235, 0.14); }
    .title { display: block; font-weight: 600; }
    .meta { color: #6b7280; font-size: 12px; }
    .running { color: #2563eb; }
  `;

  readonly #client = new ContextConsumer(this, {
    context: flussClientContext,
    subscribe: true,
    callback: () => void this.refresh(),
  });
  /** The open run. */
  @property() selected: string | null = null;
  @state() private rows: readonly RunRow[] = [];
  @state() private problem = '';
  #timer: ReturnType<typeof setInterval> | undefined;
  #abort: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => void this.refresh(), 3000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#abort?.abort();
  }

  /** Loads the list now. */
  async refresh(): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      const { data } = await client.query<{ runs: RunRow[] }>(RUNS_QUERY, { pagination: { limit: 30 }, ordering: [{ createdAt: 'DESC' }] }, { signal: abort.signal });
      this.rows = data.runs;
      this.problem = '';
    } catch (err) {
      if (!abort.signal.aborted) this.problem = (err as Error).message;
    }
  }

  override render() {
    return html`
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : ''}
      <ul>
        ${this.rows.map(
          (r) => html`<li>
            <button aria-current=${r.id === this.selected ? 'true' : 'false'} @click=${() => this.dispatchEvent(new CustomEvent('demo-run-pick', { detail: r.id, bubbles: true, composed: true }))}>
              <span class="title">${r.flow?.title ?? 'Run'} #${r.id}</span>
              <span class="meta ${r.status === 'RUNNING' ? 'running' : ''}">${r.status} · ${new Date(r.createdAt).toLocaleTimeString()}</span>
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

if (!customElements.get('demo-runs-list')) customElements.define('demo-runs-list', DemoRunsList);

declare global {
  interface HTMLElementTagNameMap {
    'demo-runs-list': DemoRunsList;
  }
}
