/** Stories of <fluss-workflow>: every node kind, layouts, edge styles, dark theme, errors, 1,000 nodes. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { frame } from './support/frame.js';
import { everyKindFlow, largeFlow, samples } from './support/data.js';

interface WorkflowArgs {
  flow: unknown;
  layoutMode: 'auto' | 'stored';
  direction: 'right' | 'down';
  edgeStyle: 'orthogonal' | 'bezier' | 'smoothstep';
  edgeLabels: boolean;
  theme: 'light' | 'dark' | undefined;
  highlight: string;
  noMinimap: boolean;
  noControls: boolean;
  height: number;
}

const meta: Meta<WorkflowArgs> = {
  title: 'Elements/fluss-workflow',
  component: 'fluss-workflow',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Draws one Fluss workflow. Give it `.flow` (object or JSON text), an inline `<script type="application/json">`, `src`, or `flow-id` inside a `<fluss-provider>`.',
      },
    },
  },
  args: {
    flow: samples.imageAnalysis,
    layoutMode: 'auto',
    direction: 'right',
    edgeStyle: 'orthogonal',
    edgeLabels: false,
    theme: undefined,
    highlight: '',
    noMinimap: false,
    noControls: false,
    height: 460,
  },
  argTypes: {
    flow: { control: false },
    height: { control: { type: 'range', min: 240, max: 900, step: 20 }, description: 'Story frame height (sets `--fluss-workflow-height`).' },
    layoutMode: { control: 'inline-radio', options: ['auto', 'stored'] },
    direction: { control: 'inline-radio', options: ['right', 'down'] },
    edgeStyle: { control: 'inline-radio', options: ['orthogonal', 'bezier', 'smoothstep'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) =>
    frame(
      html`<fluss-workflow
        .flow=${args.flow}
        layout=${args.layoutMode}
        direction=${args.direction}
        edge-style=${args.edgeStyle}
        ?edge-labels=${args.edgeLabels}
        theme=${ifDefined(args.theme)}
        highlight=${args.highlight}
        ?no-minimap=${args.noMinimap}
        ?no-controls=${args.noControls}
      ></fluss-workflow>`,
      { height: args.height, dark: args.theme === 'dark' },
    ),
};
export default meta;

type Story = StoryObj<WorkflowArgs>;

/** A current-generation (GraphQL form) image-analysis workflow, laid out with ELK in a worker. */
export const ImageAnalysis: Story = {};

/** One node of every kind: args, kwargs, reactive, map and filter actions, an agent group, local, subgraph, an unknown typename, returns. */
export const EveryNodeKind: Story = { args: { flow: everyKindFlow(), edgeLabels: true } };

/** The stored (snake_case) form with the authored positions kept: no ELK is loaded. */
export const StoredPositions: Story = { args: { flow: samples.streamOperatorsStored, layoutMode: 'stored' } };

/** A smart-microscopy workflow laid out top to bottom with curved edges. */
export const TopToBottom: Story = { args: { flow: samples.smartMicroscopy, direction: 'down', edgeStyle: 'bezier', height: 640 } };

/** Search: nodes that do not match `highlight` are dimmed. */
export const Highlight: Story = { args: { flow: samples.imageAnalysis, highlight: 'segment' } };

/** Dark theme (the `theme` attribute; without it the element follows `prefers-color-scheme`). */
export const Dark: Story = { args: { flow: everyKindFlow(), theme: 'dark' } };

/** Data with problems: the graph is drawn and the warnings are listed in the `warnings` part. */
export const WithWarnings: Story = { args: { flow: samples.withWarnings } };

/** Text that is not JSON: the element shows its `error` part and fires `fluss-error`, nothing is thrown. */
export const ParseError: Story = { args: { flow: '{"graph": {"nodes": [' } };

/** An empty graph. */
export const Empty: Story = { args: { flow: { graph: { nodes: [], edges: [], globals: [] } } } };

/** A generated workflow of 1,000 nodes (seeded, deterministic): ELK in the worker, culling and level of detail when zoomed out. */
export const Generated1000Nodes: Story = {
  args: { flow: largeFlow(1000), height: 640, noMinimap: false },
  parameters: { docs: { disable: false, story: { inline: false, iframeHeight: 660 } } },
};

/** Inline JSON: the workflow as a `<script type="application/json">` child, as a static page writes it. */
export const InlineJson: Story = {
  render: () => {
    const el = document.createElement('fluss-workflow');
    el.setAttribute('layout', 'stored');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(samples.streamOperatorsStored);
    el.append(script);
    return frame(html`${el}`);
  },
};
