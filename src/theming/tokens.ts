/**
 * Design tokens: the global `--fluss-*` custom properties, light and dark.
 * Owns the palette, type scale, spacing and radii every element draws with. Hosts override any
 * token on the element or an ancestor; dark values apply through `prefers-color-scheme` unless
 * `theme="light"` is set, or always with `theme="dark"`.
 */
import { unsafeCSS } from 'lit';

/** Font stacks used by canvas text measurement; the CSS tokens below spell the same stacks. */
export const DEFAULT_FONT_FAMILY =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';
export const DEFAULT_MONO_FAMILY =
  'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** Light values; every name here has a dark counterpart in `darkTokens`. */
const light = /* css */ `
  --fluss-color-canvas: #f6f7f9;
  --fluss-color-grid: #dde1e7;
  --fluss-color-surface: #ffffff;
  --fluss-color-surface-raised: #ffffff;
  --fluss-color-surface-muted: #f1f3f6;
  --fluss-color-border: #d5dae1;
  --fluss-color-border-strong: #aab2bd;
  --fluss-color-text: #1d2430;
  --fluss-color-text-muted: #5f6b7a;
  --fluss-color-text-subtle: #8a94a3;
  --fluss-color-edge: #98a2b0;
  --fluss-color-edge-logging: #b48a2c;
  --fluss-color-focus: #2f6fed;
  --fluss-color-selection: #2f6fed;
  --fluss-color-selection-halo: rgba(47, 111, 237, 0.18);
  --fluss-color-accent-args: #14866d;
  --fluss-color-accent-returns: #3a62d6;
  --fluss-color-accent-action: #6b4fd8;
  --fluss-color-accent-filter: #c2780a;
  --fluss-color-accent-reactive: #0f7fa6;
  --fluss-color-accent-group: #7a8699;
  --fluss-color-accent-unknown: #b4232f;
  --fluss-color-group-fill: rgba(122, 134, 153, 0.07);
  --fluss-color-warning: #b45309;
  --fluss-color-warning-surface: #fff4e0;
  --fluss-color-danger: #c62f3a;
  --fluss-color-danger-surface: #fde8ea;
  --fluss-color-success: #1d8a4e;
  --fluss-color-running: #2f6fed;
  --fluss-color-pending: #8a94a3;
  --fluss-color-dim-opacity: 0.28;
  --fluss-shadow-node: 0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08);
  --fluss-shadow-raised: 0 4px 12px rgba(16, 24, 40, 0.12), 0 1px 3px rgba(16, 24, 40, 0.08);
`;

const dark = /* css */ `
  --fluss-color-canvas: #12151b;
  --fluss-color-grid: #262b34;
  --fluss-color-surface: #1b2029;
  --fluss-color-surface-raised: #222834;
  --fluss-color-surface-muted: #252b36;
  --fluss-color-border: #353d4a;
  --fluss-color-border-strong: #556071;
  --fluss-color-text: #e7eaf0;
  --fluss-color-text-muted: #a5afbd;
  --fluss-color-text-subtle: #7d8898;
  --fluss-color-edge: #6c7787;
  --fluss-color-edge-logging: #d6a84a;
  --fluss-color-focus: #7aa5ff;
  --fluss-color-selection: #7aa5ff;
  --fluss-color-selection-halo: rgba(122, 165, 255, 0.22);
  --fluss-color-accent-args: #3cc7a2;
  --fluss-color-accent-returns: #7d9bff;
  --fluss-color-accent-action: #a58bff;
  --fluss-color-accent-filter: #f0a43a;
  --fluss-color-accent-reactive: #4cc0e6;
  --fluss-color-accent-group: #8c97a8;
  --fluss-color-accent-unknown: #ff6b76;
  --fluss-color-group-fill: rgba(140, 151, 168, 0.08);
  --fluss-color-warning: #f0a43a;
  --fluss-color-warning-surface: #3a2c12;
  --fluss-color-danger: #ff6b76;
  --fluss-color-danger-surface: #3b1d22;
  --fluss-color-success: #4cc38a;
  --fluss-color-running: #7aa5ff;
  --fluss-color-pending: #7d8898;
  --fluss-color-dim-opacity: 0.25;
  --fluss-shadow-node: 0 1px 2px rgba(0, 0, 0, 0.4);
  --fluss-shadow-raised: 0 6px 16px rgba(0, 0, 0, 0.45);
`;

/** Tokens that do not change with the colour scheme. */
const shared = /* css */ `
  --fluss-font-family: Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial,
    'Liberation Sans', sans-serif;
  --fluss-font-family-mono: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono',
    monospace;
  --fluss-font-size-title: 13px;
  --fluss-font-size-body: 11px;
  --fluss-font-size-caption: 10px;
  --fluss-font-size-ui: 12px;
  --fluss-radius-node: 8px;
  --fluss-radius-control: 6px;
  --fluss-space-1: 4px;
  --fluss-space-2: 8px;
  --fluss-space-3: 12px;
  --fluss-edge-width: 1.5px;
  --fluss-focus-ring-width: 2px;
  --fluss-motion-duration: 320ms;
`;

// Built from our own constant strings (never data): the declaration blocks are shared by the
// media query and the `theme` attribute, which a `css` template cannot interpolate cleanly.
/**
 * Tokens for a shadow root: light by default, dark with `prefers-color-scheme: dark` (unless
 * the host says `theme="light"`) or with `theme="dark"`.
 */
export const themeTokens = unsafeCSS(`
  :host {
    ${shared}
    ${light}
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
`);

/** Names of every colour token, for tests that check light and dark define the same set. */
export const TOKEN_SOURCES = { light, dark, shared } as const;
