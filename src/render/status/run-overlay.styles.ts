/**
 * Styles of the run overlay inside <fluss-workflow>: status rings, icons (shapes as CSS d paths) and count pills, node
 * groups by `data-status`, edges by `data-run-kind` / `data-in-flight` / `data-causal`, the run banner and the
 * live region. In-flight and running animations stop under prefers-reduced-motion.
 */
import { css } from 'lit';

export const runOverlayStyles = css`
  :host {
    --fluss-run-active: var(--fluss-color-running, #2f6fed);
    --fluss-run-running: var(--fluss-color-running, #2f6fed);
    --fluss-run-completed: var(--fluss-color-success, #1d8a4e);
    --fluss-run-errored: var(--fluss-color-danger, #c62f3a);
    --fluss-run-idle: var(--fluss-color-pending, #8a94a3);
  }
  .run-badges {
    pointer-events: none;
  }
  /* No rule here has [data-status] in its subject: a data-status change (on a badge or a node
     group) restyles only the badge leaves named below, never the groups or their other children.
     An idle badge's leaves are hidden, not undisplayed: going idle and back keeps layout objects. */
  .run-badge[data-status='idle'] .run-ring,
  .run-badge[data-status='idle'] .run-icon-shape,
  .run-badge[data-status='idle'] .run-icon-glyph,
  .run-badge[data-status='idle'] .run-count-bg,
  .run-badge[data-status='idle'] .run-count-text {
    visibility: hidden;
  }
  /* A status change writes data-status on the badge (and the icon's d attributes, run-badges.ts,
     in a 16x16 box centred on 0,0): the colours go straight onto the three painted leaves
     (nothing inherited from the badge, so its other elements keep their style; no custom property
     in between). Plain class selectors (no :is()), so every rule sits in its class's bucket. */
  .run-badge[data-status='active'] .run-ring,
  .run-badge[data-status='active'] .run-count-bg {
    stroke: var(--fluss-run-active);
  }
  .run-badge[data-status='active'] .run-icon-shape {
    fill: var(--fluss-run-active);
  }
  .run-badge[data-status='running'] .run-ring,
  .run-badge[data-status='running'] .run-count-bg {
    stroke: var(--fluss-run-running);
  }
  .run-badge[data-status='running'] .run-icon-shape {
    fill: var(--fluss-run-running);
  }
  .run-badge[data-status='completed'] .run-ring,
  .run-badge[data-status='completed'] .run-count-bg {
    stroke: var(--fluss-run-completed);
  }
  .run-badge[data-status='completed'] .run-icon-shape {
    fill: var(--fluss-run-completed);
  }
  .run-badge[data-status='errored'] .run-ring,
  .run-badge[data-status='errored'] .run-count-bg {
    stroke: var(--fluss-run-errored);
  }
  .run-badge[data-status='errored'] .run-icon-shape {
    fill: var(--fluss-run-errored);
  }
  .run-ring {
    fill: none;
    stroke: var(--fluss-run-idle);
    stroke-width: 2;
  }
  .run-badge[data-status='active'] .run-ring {
    stroke-dasharray: 1 0;
    stroke-width: 1.5;
  }
  .run-badge[data-status='running'] .run-ring {
    stroke-dasharray: 6 4;
    animation: fluss-run-march 0.8s linear infinite;
  }
  .run-badge[data-status='errored'] .run-ring {
    stroke-width: 3;
  }
  .run-icon {
    pointer-events: visiblePainted;
  }
  .run-icon-shape {
    fill: var(--fluss-run-idle);
    stroke: var(--fluss-color-surface, #fff);
    stroke-width: 1.5;
  }
  /* The icon's shapes per status are d attributes (run-badges.ts): the shape, not only the colour, tells the status apart. */
  .run-icon-glyph {
    fill: none;
    stroke: #fff;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .run-badge[data-status='active'] .run-icon-glyph {
    fill: #fff;
    stroke: none;
  }
  .run-badge[data-status='running'] .run-icon-glyph {
    animation: fluss-run-spin 1s linear infinite;
  }
  .run-count {
    pointer-events: visiblePainted;
  }
  .run-count-bg {
    fill: var(--fluss-color-surface-raised, #fff);
    stroke: var(--fluss-run-idle);
    stroke-width: 1.25;
  }
  .run-count-text {
    fill: var(--fluss-color-text, #1d2430);
    font-size: 10px;
    font-weight: 600;
    text-anchor: middle;
    font-variant-numeric: tabular-nums;
  }
  .edge[data-run-kind='next'] .edge-path {
    stroke: var(--fluss-run-active);
  }
  .edge[data-run-kind='complete'] .edge-path {
    stroke: var(--fluss-run-completed);
  }
  .edge[data-run-kind='error'] .edge-path {
    stroke: var(--fluss-run-errored);
    stroke-dasharray: 2 3;
  }
  .edge[data-in-flight] .edge-path {
    stroke-width: 3;
    stroke-dasharray: 8 6;
    animation: fluss-run-flow 0.6s linear infinite;
  }
  /* Causality trace ("show causes" in the log): thicker, accent colour, a dash-dot pattern and a
     halo, so it reads without colour; drawn above in-flight marks. */
  .edge[data-causal] .edge-path {
    stroke: var(--fluss-run-causal, var(--fluss-color-warning, #b45309));
    stroke-width: 3.5;
    stroke-dasharray: 10 3 2 3;
    animation: none;
    filter: drop-shadow(0 0 2px var(--fluss-run-causal, var(--fluss-color-warning, #b45309)));
  }
  .run-banner {
    position: absolute;
    top: 8px;
    left: 50%;
    transform: translateX(-50%);
    max-width: min(80%, 640px);
    display: flex;
    gap: 8px;
    align-items: baseline;
    padding: 4px 12px;
    border-radius: 999px;
    font: 12px/1.4 var(--fluss-font-family, system-ui, sans-serif);
    background: var(--fluss-color-surface-raised, #fff);
    color: var(--fluss-color-text, #1d2430);
    border: 1px solid var(--_banner, var(--fluss-color-border, #d5dae1));
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12);
    z-index: 5;
    pointer-events: auto;
  }
  .run-banner[data-outcome='succeeded'] {
    --_banner: var(--fluss-run-completed);
  }
  .run-banner[data-outcome='failed'],
  .run-banner[data-outcome='failing'] {
    --_banner: var(--fluss-run-errored);
  }
  .run-banner[data-outcome='running'] {
    --_banner: var(--fluss-run-running);
  }
  .run-banner-outcome {
    font-weight: 600;
    color: var(--_banner, inherit);
    white-space: nowrap;
  }
  .run-banner-results {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--fluss-color-text-muted, #5f6b7a);
  }
  .run-tip {
    position: absolute;
    left: 0;
    top: 0;
    max-width: 320px;
    padding: 6px 8px;
    border-radius: 6px;
    font: 12px/1.4 var(--fluss-font-family, system-ui, sans-serif);
    background: var(--fluss-color-surface-raised, #fff);
    color: var(--fluss-color-text, #1d2430);
    border: 1px solid var(--fluss-color-border, #d5dae1);
    box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
    pointer-events: none;
    z-index: 6;
    overflow-wrap: anywhere;
  }
  .run-tip[hidden],
  .run-banner[hidden] {
    display: none;
  }
  .run-live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @keyframes fluss-run-flow {
    to {
      stroke-dashoffset: -14;
    }
  }
  @keyframes fluss-run-march {
    to {
      stroke-dashoffset: -10;
    }
  }
  @keyframes fluss-run-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .edge[data-in-flight] .edge-path,
    .run-badge[data-status='running'] .run-ring,
    .run-badge[data-status='running'] .run-icon-glyph {
      animation: none;
    }
  }
`;
