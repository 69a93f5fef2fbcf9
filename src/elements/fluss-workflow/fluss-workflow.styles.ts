/**
 * Styles of <fluss-workflow>: component knobs on :host (defaulting to the global tokens), the
 * pane and composited viewport, node families, edges, handles, controls, minimap and states.
 */
import { css } from 'lit';

export const workflowStyles = css`
  :host {
    --fluss-workflow-height: 420px;
    --fluss-workflow-background: var(--fluss-color-canvas);
    --fluss-node-background: var(--fluss-color-surface);
    --fluss-node-border: var(--fluss-color-border);
    --fluss-node-radius: var(--fluss-radius-node);
    --fluss-edge-stroke: var(--fluss-color-edge);
    --fluss-edge-stroke-width: var(--fluss-edge-width);
    --fluss-handle-size: 9px;
    display: block;
    position: relative;
    height: var(--fluss-workflow-height);
    min-height: 160px;
    box-sizing: border-box;
    border: 1px solid var(--fluss-color-border);
    border-radius: 10px;
    overflow: hidden;
    background: var(--fluss-workflow-background);
    color: var(--fluss-color-text);
    font-family: var(--fluss-font-family);
    font-size: var(--fluss-font-size-ui);
    contain: strict;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    position: absolute;
    inset: 0;
  }
  .pane {
    position: absolute;
    inset: 0;
    overflow: hidden;
    cursor: grab;
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
    background-image: radial-gradient(circle, var(--fluss-color-grid) 1px, transparent 1.2px);
    background-size: 20px 20px;
  }
  :host([no-pan]) .pane {
    cursor: default;
  }
  .pane.dragging {
    cursor: grabbing;
  }
  .viewport {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .scene {
    display: block;
    overflow: visible;
    font-family: var(--fluss-font-family);
  }
  text {
    unicode-bidi: isolate;
    direction: ltr;
    pointer-events: none;
  }

  /* Nodes */
  .node {
    --_accent: var(--fluss-color-accent-action);
    cursor: pointer;
  }
  .family-args {
    --_accent: var(--fluss-color-accent-args);
  }
  .family-returns {
    --_accent: var(--fluss-color-accent-returns);
  }
  .family-filter {
    --_accent: var(--fluss-color-accent-filter);
  }
  .family-reactive {
    --_accent: var(--fluss-color-accent-reactive);
  }
  .family-group {
    --_accent: var(--fluss-color-accent-group);
  }
  .family-unknown {
    --_accent: var(--fluss-color-accent-unknown);
  }
  .node-body {
    outline: none;
  }
  .node-frame {
    fill: var(--fluss-node-background);
    stroke: var(--fluss-node-border);
    stroke-width: 1;
    transition: stroke 120ms ease;
  }
  .shadows .node-frame:not(.group-frame) {
    filter: drop-shadow(0 1px 1.5px rgba(16, 24, 40, 0.1));
  }
  .node:hover .node-frame {
    stroke: var(--fluss-color-border-strong);
  }
  .family-args .node-frame,
  .family-returns .node-frame {
    stroke: color-mix(in srgb, var(--_accent) 45%, var(--fluss-node-border));
  }
  .node-frame.operator {
    fill: color-mix(in srgb, var(--_accent) 9%, var(--fluss-node-background));
    stroke: color-mix(in srgb, var(--_accent) 40%, var(--fluss-node-border));
  }
  .node-frame.conditional {
    stroke: color-mix(in srgb, var(--_accent) 55%, var(--fluss-node-border));
    stroke-dasharray: 5 3;
  }
  .node-frame.unknown {
    stroke: var(--fluss-color-accent-unknown);
    stroke-dasharray: 4 3;
  }
  .generator-stack {
    fill: var(--fluss-color-surface-muted);
    stroke: var(--fluss-node-border);
    stroke-width: 1;
  }
  .group-frame {
    fill: var(--fluss-color-group-fill);
    stroke: var(--fluss-color-accent-group);
    stroke-dasharray: 6 4;
    stroke-width: 1.25;
  }
  .node-halo {
    fill: none;
    stroke: transparent;
    stroke-width: 3;
  }
  .node.selected .node-halo {
    stroke: var(--fluss-color-selection-halo);
    stroke-width: 6;
  }
  .node.selected .node-frame {
    stroke: var(--fluss-color-selection);
    stroke-width: 1.75;
  }
  .node-body:focus-visible .node-halo {
    stroke: var(--fluss-color-focus);
    stroke-width: var(--fluss-focus-ring-width);
  }
  .node.dimmed {
    opacity: var(--fluss-color-dim-opacity);
  }
  .node.matched .node-frame {
    stroke: var(--fluss-color-focus);
  }
  .node-icon {
    color: var(--_accent);
  }
  .node-icon-bg {
    fill: color-mix(in srgb, var(--_accent) 13%, transparent);
  }
  .glyph {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .node-caption {
    fill: var(--_accent);
    font-size: var(--fluss-font-size-caption);
    font-weight: 600;
  }
  .node-title {
    fill: var(--fluss-color-text);
    font-size: var(--fluss-font-size-title);
    font-weight: 600;
  }
  .group-title {
    fill: var(--fluss-color-text-muted);
  }
  .node-subtitle {
    fill: var(--fluss-color-text-muted);
    font-size: var(--fluss-font-size-body);
  }
  .operator-text {
    fill: var(--fluss-color-text);
    font-family: var(--fluss-font-family-mono);
    font-size: 12px;
    font-weight: 600;
  }
  .chip-bg {
    fill: var(--fluss-color-surface-muted);
    stroke: var(--fluss-color-border);
    stroke-width: 0.75;
  }
  .chip-0 .chip-bg {
    fill: color-mix(in srgb, var(--_accent) 10%, var(--fluss-node-background));
    stroke: color-mix(in srgb, var(--_accent) 30%, transparent);
  }
  .chip-text {
    fill: var(--fluss-color-text-muted);
    font-size: var(--fluss-font-size-caption);
    font-weight: 500;
  }
  .chip-0 .chip-text {
    fill: var(--_accent);
  }
  .warning-badge {
    color: var(--fluss-color-warning);
  }
  .warning-badge-bg {
    fill: var(--fluss-color-warning-surface);
  }
  .node-frame.lod {
    fill: color-mix(in srgb, var(--_accent) 22%, var(--fluss-node-background));
    stroke: var(--_accent);
  }

  /* Status hook (the run overlay sets nodeStatus). */
  .status-badge {
    display: none;
  }
  .node[data-status] .status-badge {
    display: inline;
  }
  .status-badge-ring {
    fill: var(--fluss-node-background);
    stroke: var(--fluss-node-border);
  }
  .status-badge-dot {
    fill: var(--fluss-color-pending);
  }
  .status-running .status-badge-dot,
  .status-running .node-frame {
    --_status: var(--fluss-color-running);
  }
  .status-running .status-badge-dot {
    fill: var(--fluss-color-running);
  }
  .status-running .node-frame {
    stroke: var(--fluss-color-running);
  }
  .status-completed .status-badge-dot {
    fill: var(--fluss-color-success);
  }
  .status-completed .node-frame {
    stroke: var(--fluss-color-success);
  }
  .status-error .status-badge-dot {
    fill: var(--fluss-color-danger);
  }
  .status-error .node-frame {
    stroke: var(--fluss-color-danger);
    stroke-width: 1.75;
  }

  /* Handles */
  .handle {
    cursor: crosshair;
    outline: none;
  }
  .handle-hit {
    fill: transparent;
  }
  .handle-dot {
    fill: var(--fluss-node-background);
    stroke: color-mix(in srgb, var(--_accent) 75%, var(--fluss-node-border));
    stroke-width: 1.5;
  }
  .handle-event .handle-dot {
    stroke-dasharray: 2 1.5;
  }
  .handle:hover .handle-dot,
  .handle:focus-visible .handle-dot,
  .handle.active .handle-dot {
    fill: var(--_accent);
  }

  /* Edges */
  .edge-path {
    fill: none;
    stroke: var(--fluss-edge-stroke);
    stroke-width: var(--fluss-edge-stroke-width);
    stroke-linejoin: round;
  }
  .edge-hit {
    fill: none;
    stroke: transparent;
    stroke-width: 12;
  }
  .edges-merged.kind-logging .edge-path,
  .edge.kind-logging .edge-path {
    stroke: var(--fluss-color-edge-logging);
    stroke-dasharray: 5 4;
  }
  .edge:hover .edge-path,
  .edge.active .edge-path {
    stroke: var(--fluss-color-selection);
    stroke-width: 2;
  }
  .edges-merged.dimmed,
  .edge.dimmed {
    opacity: var(--fluss-color-dim-opacity);
  }
  .marker path {
    fill: var(--fluss-edge-stroke);
  }
  .marker-logging path {
    fill: var(--fluss-color-edge-logging);
  }
  .marker-active path {
    fill: var(--fluss-color-selection);
  }
  .edge-label rect {
    fill: var(--fluss-color-surface);
    stroke: var(--fluss-color-border);
    stroke-width: 0.75;
  }
  .edge-label text {
    fill: var(--fluss-color-text-muted);
    font-size: var(--fluss-font-size-caption);
    font-weight: 500;
  }
  .settling .layer-edges {
    opacity: 0.35;
  }

  /* Overlays */
  .controls,
  .minimap,
  .progress,
  .highlight-bar {
    position: absolute;
    background: var(--fluss-color-surface-raised);
    border: 1px solid var(--fluss-color-border);
    border-radius: var(--fluss-radius-control);
    box-shadow: var(--fluss-shadow-raised);
  }
  .controls {
    left: 12px;
    bottom: 12px;
    display: flex;
    flex-direction: column;
    padding: 2px;
    gap: 2px;
  }
  .controls button,
  .highlight-bar button {
    all: unset;
    box-sizing: border-box;
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 4px;
    color: var(--fluss-color-text-muted);
    cursor: pointer;
  }
  .controls button:hover,
  .highlight-bar button:hover {
    background: var(--fluss-color-surface-muted);
    color: var(--fluss-color-text);
  }
  .controls button:focus-visible,
  .highlight-bar button:focus-visible,
  .minimap:focus-visible {
    outline: var(--fluss-focus-ring-width) solid var(--fluss-color-focus);
    outline-offset: 1px;
  }
  .controls svg,
  .highlight-bar svg {
    width: 16px;
    height: 16px;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .controls .sep {
    height: 1px;
    margin: 1px 4px;
    background: var(--fluss-color-border);
  }
  .minimap {
    right: 12px;
    bottom: 12px;
    overflow: hidden;
    cursor: pointer;
    line-height: 0;
  }
  .minimap svg {
    display: block;
  }
  .minimap-bg {
    fill: var(--fluss-color-surface-raised);
  }
  .minimap-node {
    fill: var(--fluss-color-border-strong);
    opacity: 0.75;
  }
  .minimap-node.group {
    fill: none;
    stroke: var(--fluss-color-border-strong);
    stroke-dasharray: 3 2;
    opacity: 1;
  }
  .minimap-node.selected {
    fill: var(--fluss-color-selection);
    opacity: 1;
  }
  .minimap-edge {
    fill: none;
    stroke: var(--fluss-color-border);
  }
  .minimap-overlay {
    position: absolute;
    left: 0;
    top: 0;
    /* the minimap box clips; the overlay itself must not, or a translated rectangle gets cut */
    overflow: visible;
    pointer-events: none;
    /* its own layer: moving the viewport rectangle never repaints the minimap drawing */
    will-change: transform;
  }
  .minimap-viewport {
    fill: color-mix(in srgb, var(--fluss-color-selection) 8%, transparent);
    stroke: var(--fluss-color-selection);
    stroke-width: 1.5;
  }
  .progress {
    top: 12px;
    left: 50%;
    transform: translateX(-50%);
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 12px;
    color: var(--fluss-color-text-muted);
    font-size: var(--fluss-font-size-ui);
    border-radius: 999px;
  }
  .progress .bar {
    position: relative;
    width: 48px;
    height: 3px;
    border-radius: 2px;
    overflow: hidden;
    background: var(--fluss-color-surface-muted);
  }
  .progress .bar::after {
    content: '';
    position: absolute;
    inset: 0;
    width: 40%;
    border-radius: 2px;
    background: var(--fluss-color-focus);
    animation: fluss-indeterminate 1.1s ease-in-out infinite;
  }
  @keyframes fluss-indeterminate {
    from {
      transform: translateX(-100%);
    }
    to {
      transform: translateX(250%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .progress .bar::after {
      animation: none;
      width: 100%;
      opacity: 0.5;
    }
  }
  .highlight-bar {
    top: 12px;
    right: 12px;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 2px 2px 2px 10px;
    color: var(--fluss-color-text-muted);
  }
  .state-message {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    pointer-events: none;
    color: var(--fluss-color-text-muted);
    font-size: 13px;
  }
  .state-message .card {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    padding: 16px 20px;
    border-radius: 10px;
    background: var(--fluss-color-surface-raised);
    border: 1px solid var(--fluss-color-border);
    box-shadow: var(--fluss-shadow-node);
  }
  .state-message strong {
    color: var(--fluss-color-text);
    font-weight: 600;
  }
  .error {
    position: absolute;
    left: 12px;
    right: 12px;
    top: 12px;
    display: flex;
    gap: 10px;
    align-items: flex-start;
    padding: 10px 12px;
    border-radius: var(--fluss-radius-control);
    background: var(--fluss-color-danger-surface);
    border: 1px solid color-mix(in srgb, var(--fluss-color-danger) 40%, transparent);
    color: var(--fluss-color-text);
    font-size: 12px;
    line-height: 1.45;
    box-shadow: var(--fluss-shadow-node);
  }
  .error strong {
    color: var(--fluss-color-danger);
  }
  .error code {
    font-family: var(--fluss-font-family-mono);
    font-size: 11px;
    color: var(--fluss-color-text-muted);
  }
  .error .draw-anyway {
    flex: none;
    margin-left: auto;
    padding: 3px 10px;
    border-radius: 4px;
    border: 1px solid var(--fluss-color-border);
    background: var(--fluss-color-surface-raised);
    color: var(--fluss-color-text);
    font: inherit;
    cursor: pointer;
  }
  .error .draw-anyway:hover {
    background: var(--fluss-color-surface-muted);
  }
  .error .draw-anyway:focus-visible {
    outline: var(--fluss-focus-ring-width) solid var(--fluss-color-focus);
    outline-offset: 1px;
  }
  .warnings {
    position: absolute;
    left: 12px;
    top: 12px;
    max-width: min(360px, calc(100% - 24px));
    font-size: 12px;
    color: var(--fluss-color-text);
    background: var(--fluss-color-warning-surface);
    border: 1px solid color-mix(in srgb, var(--fluss-color-warning) 40%, transparent);
    border-radius: var(--fluss-radius-control);
    padding: 4px 10px;
  }
  .warnings summary {
    cursor: pointer;
    color: var(--fluss-color-warning);
    font-weight: 600;
  }
  .warnings ul {
    margin: 6px 0 4px;
    padding-left: 16px;
    max-height: 160px;
    overflow: auto;
  }
  .tooltip {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 2;
    max-width: 280px;
    padding: 8px 10px;
    border-radius: var(--fluss-radius-control);
    background: var(--fluss-color-text);
    color: var(--fluss-color-surface);
    font-size: 11px;
    line-height: 1.5;
    pointer-events: none;
    box-shadow: var(--fluss-shadow-raised);
  }
  .tooltip .tt-head {
    font-weight: 600;
    margin-bottom: 2px;
    opacity: 0.8;
  }
  .tooltip .tt-port {
    display: flex;
    gap: 8px;
    justify-content: space-between;
    white-space: nowrap;
    overflow: hidden;
  }
  .tooltip .tt-type {
    font-family: var(--fluss-font-family-mono);
    opacity: 0.85;
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: isolate;
  }
  .tooltip .tt-name {
    unicode-bidi: isolate;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .export-host {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
    pointer-events: none;
  }
  @media (forced-colors: active) {
    .node-frame,
    .edge-path {
      stroke: CanvasText;
    }
    .node-body:focus-visible .node-halo {
      stroke: Highlight;
    }
  }
`;
