/** Small wrappers the stories share: a sized frame and the dark backdrop. */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

/** A frame of a given height; dark frames get a dark backdrop. */
export function frame(content: TemplateResult, options: { height?: number; dark?: boolean } = {}): TemplateResult {
  const style = {
    '--fluss-workflow-height': `${options.height ?? 460}px`,
    background: options.dark ? '#0f1115' : 'transparent',
    color: options.dark ? '#e5e7eb' : 'inherit',
    padding: options.dark ? '12px' : '0',
    'border-radius': '6px',
    display: 'grid',
    gap: '12px',
  };
  return html`<div style=${styleMap(style)}>${content}</div>`;
}

/** The message shown by live stories when no dev server runs. */
export function noServerMessage(): TemplateResult {
  return html`<div role="status" style="padding:16px;border:1px dashed #999;border-radius:6px;font:14px system-ui">
    <strong>No Fluss dev server.</strong> This story follows a live run. Run it with
    <code>npm run storybook</code> (which starts the dev server for you), or start one with
    <code>npm run dev-server -- --port 8090</code> and open the demo with <code>npm start</code>.
  </div>`;
}
