/**
 * Export of the log's filtered events (pure, no DOM): JSON (the events as the spec shapes them)
 * and CSV, safe against spreadsheet formula injection (cells starting with = + - @, or a tab or
 * carriage return, get a leading quote).
 */
import type { RunEvent } from '../../model/types.js';
import { valueText } from './value-text.js';

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = ['id', 't', 'createdAt', 'source', 'nodeTitle', 'handle', 'kind', 'causedBy', 'value', 'exception'] as const;

/** Neutralizes a cell a spreadsheet would read as a formula, then quotes it when needed (RFC 4180). */
export function csvCell(raw: string): string {
  let s = raw;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The filtered events as CSV text (header line first, CRLF line ends). `titleOf` names a node. */
export function eventsToCsv(events: readonly RunEvent[], titleOf: (nodeId: string) => string = (id) => id): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const value = e.value === null || e.value === undefined ? '' : valueText(e.value, 32_768, 16).text;
    const cells = [e.id, String(e.t), e.createdAt ?? '', e.source, titleOf(e.source), e.handle, e.kind, e.causedBy.join(' '), value, e.exception ?? ''];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The filtered events as JSON text: an array of plain event objects in (t, id) order. */
export function eventsToJson(events: readonly RunEvent[]): string {
  return JSON.stringify(
    events.map((e) => {
      const o: Record<string, unknown> = { id: e.id, t: e.t, source: e.source, handle: e.handle, kind: e.kind, causedBy: [...e.causedBy], value: e.value ?? null };
      if (e.exception !== undefined) o['exception'] = e.exception;
      if (e.createdAt !== undefined) o['createdAt'] = e.createdAt;
      return o;
    }),
    null,
    2,
  );
}
