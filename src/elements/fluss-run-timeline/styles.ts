/** Styles of <fluss-run-timeline>: toolbar, lanes area with its sticky canvas, overlay, axis. */
import { css } from 'lit';

export const timelineStyles = css`
  :host {
    display: block;
    position: relative;
    font: 12px/1.3 var(--fluss-font-family, system-ui, sans-serif);
    color: var(--fluss-color-text, inherit);
    --_next: var(--fluss-run-timeline-next, #3b82f6);
    --_cursor: var(--fluss-run-timeline-cursor, #f59e0b);
  }
  :host([hidden]) {
    display: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 4px;
  }
  .toolbar .spacer {
    flex: 1;
  }
  button,
  select {
    font: inherit;
    color: inherit;
    background: var(--fluss-color-surface, transparent);
    border: 1px solid var(--fluss-color-border, rgba(127, 127, 127, 0.5));
    border-radius: 4px;
    padding: 2px 8px;
    min-height: 24px;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--_next);
    color: #fff;
  }
  button:focus-visible,
  select:focus-visible,
  .lanes:focus-visible {
    outline: 2px solid var(--fluss-color-focus, #2563eb);
    outline-offset: 1px;
  }
  .readout {
    font-variant-numeric: tabular-nums;
  }
  .frame {
    position: relative;
  }
  .lanes {
    position: relative;
    overflow-y: auto;
    overflow-x: hidden;
    touch-action: pan-y;
    cursor: col-resize;
  }
  canvas {
    position: sticky;
    top: 0;
    display: block;
  }
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
  }
  .cursor {
    position: absolute;
    top: 0;
    bottom: 0;
    left: -1px;
    width: 2px;
    background: var(--_cursor);
  }
  .brush {
    position: absolute;
    top: 0;
    bottom: 0;
    background: var(--fluss-run-timeline-brush, rgba(59, 130, 246, 0.15));
    border-inline: 1px solid var(--_next);
  }
  .axis {
    position: relative;
    height: 22px;
    border-top: 1px solid var(--fluss-color-border, rgba(127, 127, 127, 0.5));
    cursor: ew-resize;
    user-select: none;
    overflow: hidden;
  }
  .tick {
    position: absolute;
    top: 3px;
    transform: translateX(-50%);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    opacity: 0.8;
  }
  .snapshot {
    position: absolute;
    top: 0;
    width: 1px;
    height: 4px;
    background: currentColor;
    opacity: 0.6;
  }
  .axis-name {
    position: absolute;
    left: 4px;
    top: 3px;
    opacity: 0.6;
  }
  .empty {
    margin: 4px;
    opacity: 0.7;
  }
`;
