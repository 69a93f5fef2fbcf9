/**
 * Where the Fluss dev server is, for the live stories: `storybook dev` starts one and answers
 * ./fluss-dev-server.json; a static build ships a placeholder ({url: null}). Also starts scenario
 * runs through the dev server's control API.
 */
export interface DevServerInfo {
  readonly url: string;
  readonly wsUrl: string;
  readonly token: string;
}

/** The dev server's info, or null when no dev server runs. */
export async function loadDevServerInfo(): Promise<DevServerInfo | null> {
  try {
    const res = await fetch('./fluss-dev-server.json', { cache: 'no-store' });
    if (!res.ok) return null;
    const info = (await res.json()) as Partial<DevServerInfo> | null;
    return info && typeof info.url === 'string' && typeof info.token === 'string' ? (info as DevServerInfo) : null;
  } catch {
    return null;
  }
}

/** Starts a scenario run (`success`, `error`, `stream`, ...) and returns its run id. */
export async function startScenario(info: DevServerInfo, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(new URL('/control/scenario', info.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`The dev server refused the scenario (HTTP ${res.status}).`);
  const answer = (await res.json()) as { runId: string };
  return String(answer.runId);
}

/** The dev server's flow id of a seed flow (`image-analysis`, `stream`, ...), or null. */
export async function seedFlowId(info: DevServerInfo, name: string): Promise<string | null> {
  const res = await fetch(new URL('/control/flows', info.url), { headers: { Authorization: `Bearer ${info.token}` } });
  if (!res.ok) return null;
  const answer = (await res.json()) as { seeds?: Record<string, string> };
  return answer.seeds?.[name] ?? null;
}
