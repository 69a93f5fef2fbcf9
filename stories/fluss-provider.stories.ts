/** Stories of <fluss-provider>: the connection to a Fluss server, handed to every element inside. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { frame, noServerMessage } from './support/frame.js';
import { loadDevServerInfo, seedFlowId, type DevServerInfo } from './support/dev-server.js';

const meta: Meta = {
  title: 'Elements/fluss-provider',
  component: 'fluss-provider',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Holds the endpoint and the token (a property or an async `getToken`) and provides a client to every element inside it. Without a provider nothing talks to a network. It draws nothing (`display: contents`).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** A workflow loaded by `flow-id` from the Fluss dev server (`npm run storybook` starts one). */
export const FlowFromServer: Story = {
  loaders: [
    async () => {
      const info = await loadDevServerInfo();
      const flowId = info ? await seedFlowId(info, 'image-analysis').catch(() => null) : null;
      return { info, flowId };
    },
  ],
  render: (_args, { loaded }) => {
    const { info, flowId } = loaded as { info: DevServerInfo | null; flowId: string | null };
    if (!info || !flowId) return noServerMessage();
    return frame(html`<fluss-provider endpoint=${info.url} .token=${info.token}>
      <fluss-workflow flow-id=${flowId}></fluss-workflow>
    </fluss-provider>`);
  },
};

/** A provider without an endpoint: the workflow inside shows its `error` part (`fluss-error`), no request is made. */
export const NoEndpoint: Story = {
  render: () =>
    frame(html`<fluss-provider>
      <fluss-workflow flow-id="42"></fluss-workflow>
    </fluss-provider>`),
};
