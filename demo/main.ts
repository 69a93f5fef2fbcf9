/// <reference types="vite/client" />
/**
 * The demo page (`npm start`): registers the elements, connects the app view to the Fluss dev
 * server (endpoint and dev token from /__fluss-dev-server.json, served by scripts/start.mjs in
 * dev only), starts a live run through the dev server's control API and wires the runs list, the
 * toolbar and the status line. The documentation section needs none of this: plain tags.
 */
import '../src/define.js';
import './app/runs-list.js';
import './app/node-details.js';
import type { FlussProviderElement, FlussRunElement, FlussRunUpdateEvent } from '../src/index.js';
import type { DemoRunsList } from './app/runs-list.js';

interface DevInfo {
  readonly url: string;
  readonly wsUrl: string;
  readonly token: string;
}

const provider = document.getElementById('provider') as FlussProviderElement;
const liveRun = document.getElementById('live-run') as FlussRunElement;
const runsList = document.getElementById('runs') as DemoRunsList;
const status = document.getElementById('live-status') as HTMLOutputElement;

async function devServerInfo(): Promise<DevInfo | null> {
  try {
    const res = await fetch('/__fluss-dev-server.json', { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    return (await res.json()) as DevInfo;
  } catch {
    return null;
  }
}

/** Starts a scenario on the dev server and opens its run. */
async function startScenario(info: DevInfo, scenario: string): Promise<void> {
  const body: Record<string, unknown> = { scenario };
  if (scenario === 'success' || scenario === 'error') body.eventsPerSecond = 4;
  if (scenario === 'stream') Object.assign(body, { events: 20_000, eventsPerSecond: 400 });
  status.textContent = `Starting a ${scenario} run…`;
  const res = await fetch(new URL('/control/scenario', info.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    status.textContent = `The dev server refused the run (HTTP ${res.status}).`;
    return;
  }
  const { runId } = (await res.json()) as { runId: string };
  openRun(String(runId));
}

function openRun(runId: string): void {
  liveRun.setAttribute('run-id', runId);
  liveRun.follow = true;
  runsList.selected = runId;
  void runsList.refresh();
}

liveRun.addEventListener('fluss-run-update', (e: FlussRunUpdateEvent) => {
  status.textContent = `Run ${e.runId ?? ''} · ${e.status ?? ''} · ${e.outcome} · ${e.eventCount} events`;
  status.dataset.events = String(e.eventCount);
  status.dataset.runStatus = String(e.status ?? '');
});

async function main(): Promise<void> {
  const info = await devServerInfo();
  if (!info) {
    status.textContent = 'No dev server.';
    document.getElementById('no-server')!.hidden = false;
    document.querySelector<HTMLElement>('#app .app')!.hidden = true;
    return;
  }
  provider.endpoint = info.url;
  provider.token = info.token;
  runsList.addEventListener('demo-run-pick', (e) => openRun((e as CustomEvent<string>).detail));
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scenario]')) {
    button.addEventListener('click', () => void startScenario(info, button.dataset.scenario!));
  }
  await startScenario(info, 'success');
}

void main();
