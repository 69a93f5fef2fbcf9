/** Styles of <fluss-run-log>: the filter toolbar, the grid header, the windowed rows and badges. */
import { css } from 'lit';

export const runLogStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 12rem;
    height: 24rem;
    font: var(--fluss-font-size-ui, 12px) / 1.35 var(--fluss-font-family, system-ui, sans-serif);
    color: var(--fluss-color-text, inherit);
    background: var(--fluss-color-surface, transparent);
    border: 1px solid var(--fluss-color-border, #d5dae1);
    border-radius: var(--fluss-radius-control, 6px);
    --_row-height: var(--fluss-run-log-row-height, 28px);
    --_columns: var(--fluss-run-log-columns, 6ch 18ch minmax(9rem, 1.3fr) 12.5ch 9ch minmax(10rem, 3fr));
    --_next: var(--fluss-run-log-next-color, var(--fluss-color-running, #2f6fed));
    --_error: var(--fluss-run-log-error-color, var(--fluss-color-danger, #c62f3a));
    --_complete: var(--fluss-run-log-complete-color, var(--fluss-color-success, #1d8a4e));
    --_cause: var(--fluss-run-log-cause-color, var(--fluss-color-warning, #b45309));
    overflow: hidden;
  }
  :host([hidden]) {
    display: none;
  }
  .frame {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    height: 100%;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button,
  select,
  input {
    background: var(--fluss-color-surface, transparent);
    border: 1px solid var(--fluss-color-border, #d5dae1);
    border-radius: var(--fluss-radius-control, 6px);
    padding: 2px 6px;
    min-height: 24px;
  }
  button {
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--fluss-color-selection-halo, rgba(47, 111, 237, 0.18));
    border-color: var(--fluss-color-selection, #2f6fed);
  }
  :focus-visible {
    outline: var(--fluss-focus-ring-width, 2px) solid var(--fluss-color-focus, #2f6fed);
    outline-offset: 1px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fluss-space-1, 4px);
    padding: var(--fluss-space-1, 4px);
    border-bottom: 1px solid var(--fluss-color-border, #d5dae1);
  }
  .toolbar .spacer {
    flex: 1;
  }
  .toolbar input[type='search'] {
    min-width: 12rem;
  }
  .range input {
    width: 7ch;
  }
  .range input[type='datetime-local'] {
    width: auto;
  }
  .count {
    color: var(--fluss-color-text-muted, #5f6b7a);
  }
  .nodes {
    position: relative;
  }
  .nodes > summary {
    list-style: none;
    cursor: pointer;
    border: 1px solid var(--fluss-color-border, #d5dae1);
    border-radius: var(--fluss-radius-control, 6px);
    padding: 2px 6px;
  }
  .nodes[open] > .menu {
    position: absolute;
    z-index: 2;
    top: calc(100% + 2px);
    left: 0;
    min-width: 16rem;
    max-height: 16rem;
    overflow: auto;
    padding: var(--fluss-space-1, 4px);
    background: var(--fluss-color-surface-raised, #fff);
    border: 1px solid var(--fluss-color-border, #d5dae1);
    border-radius: var(--fluss-radius-control, 6px);
    box-shadow: var(--fluss-shadow-raised, none);
  }
  .menu label {
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 2px;
  }
  .menu input[type='search'] {
    width: 100%;
    box-sizing: border-box;
    margin-bottom: 4px;
  }
  .grid {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .grid:focus-visible {
    outline-offset: -2px;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    column-gap: var(--fluss-space-2, 8px);
    padding: 0 var(--fluss-space-2, 8px);
    min-height: var(--_row-height);
    width: 100%;
    box-sizing: border-box;
    border-bottom: 1px solid var(--fluss-color-grid, #eef0f3);
    cursor: pointer;
    position: relative;
  }
  .head .row {
    cursor: default;
    font-weight: 600;
    color: var(--fluss-color-text-muted, #5f6b7a);
    border-bottom: 1px solid var(--fluss-color-border, #d5dae1);
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    contain: strict;
    /* the windowed list places its rows itself: no scroll anchoring on top of that */
    overflow-anchor: none;
  }
  .spacer {
    pointer-events: none;
  }
  .row > * {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row[aria-selected='true'] {
    background: var(--fluss-color-selection-halo, rgba(47, 111, 237, 0.18));
    box-shadow: inset 3px 0 0 var(--fluss-color-selection, #2f6fed);
  }
  .row.at-cursor [role='rowheader']::before {
    content: '▸ ';
    color: var(--fluss-color-selection, #2f6fed);
  }
  .body .row:not([data-expanded]) {
    /* a fixed height: marks and selection never resize a row (the windowed list relies on it) */
    height: var(--_row-height);
  }
  .row.at-cursor::after {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    bottom: -1px;
    height: 2px;
    background: var(--fluss-color-selection, #2f6fed);
    pointer-events: none;
  }
  .row.cause {
    box-shadow: inset 3px 0 0 var(--_cause);
  }
  .row .mono,
  .row [role='rowheader'] {
    font-family: var(--fluss-font-family-mono, monospace);
  }
  .wall small,
  .node small {
    color: var(--fluss-color-text-muted, #5f6b7a);
    margin-left: 4px;
  }
  .value .expand {
    border: none;
    background: none;
    padding: 0 4px 0 0;
    min-height: 0;
    color: var(--fluss-color-text-muted, #5f6b7a);
  }
  .badge {
    /* the kind colours the border and the icon; the text keeps the body colour (contrast) */
    display: inline-flex;
    align-items: center;
    gap: 3px;
    padding: 0 5px;
    border-radius: 999px;
    font-size: var(--fluss-font-size-caption, 10px);
    font-weight: 600;
    color: var(--fluss-color-text, inherit);
    border: 1px solid var(--_kind, currentColor);
  }
  .badge .icon {
    color: var(--_kind, inherit);
  }
  .badge[data-kind='NEXT'] {
    --_kind: var(--_next);
  }
  .badge[data-kind='ERROR'] {
    --_kind: var(--_error);
  }
  .badge[data-kind='COMPLETE'] {
    --_kind: var(--_complete);
  }
  .exception {
    color: var(--_error);
  }
  .detail {
    grid-column: 1 / -1;
    white-space: normal;
    overflow-wrap: anywhere;
    font-family: var(--fluss-font-family-mono, monospace);
    padding: 4px 0 6px;
    cursor: auto;
  }
  .detail dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 8px;
    margin: 0 0 4px;
  }
  .detail dt {
    color: var(--fluss-color-text-muted, #5f6b7a);
  }
  .detail dd {
    margin: 0;
    /* values keep their line breaks (only here: the template's own whitespace is not content) */
    white-space: pre-wrap;
  }
  .empty {
    padding: var(--fluss-space-3, 12px);
    color: var(--fluss-color-text-muted, #5f6b7a);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
