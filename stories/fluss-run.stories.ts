/**
 * Stories of <fluss-run>: recorded runs (made in the browser by the dev server's engine, no
 * server) drawn on the graph with the timeline, an error run, a cursor, and a live run streaming
 * from the Fluss dev server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { frame, noServerMessage } from './support/frame.js';
import { recordRun } from './support/data.js';
import { loadDevServerInfo, startScenario, type DevServerInfo } from './support/dev-server.js';

interface RunArgs {
  failNode: string;
  t: number | undefined;
  theme: 'light' | 'dark' | undefined;
  axis: 't' | 'time';
}

/** The run's views: the graph (it draws the run's flow), the timeline and the log. */
function views(theme: 'light' | 'dark' | undefined, axis: 't' | 'time') {
  return html`<fluss-workflow theme=${theme ?? nothing}></fluss-workflow>
    <fluss-run-timeline axis=${axis}></fluss-run-timeline>
    <fluss-run-log theme=${theme ?? nothing} style="height: 260px"></fluss-run-log>`;
}

const meta: Meta<RunArgs> = {
  title: 'Elements/fluss-run',
  component: 'fluss-run',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The run controller: holds the events, the time cursor, the selection and the filters for the views inside it. Select a node on the graph and the timeline and the log follow it; move the cursor and the graph shows that moment.',
      },
    },
  },
  args: { failNode: '', t: undefined, theme: undefined, axis: 't' },
  argTypes: {
    failNode: { control: 'select', options: ['', 'denoise', 'segment', 'zip'], description: 'Story only: record the run with this node failing on its 2nd input.' },
    t: { control: { type: 'number', min: 0, step: 1 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    axis: { control: 'inline-radio', options: ['t', 'time'] },
  },
  render: (args) => {
    const recorded = recordRun(undefined, args.failNode ? { failNode: args.failNode } : {});
    return frame(
      html`<fluss-run .run=${recorded.run} .events=${recorded.events} t=${args.t ?? nothing}>${views(args.theme, args.axis)}</fluss-run>`,
      { dark: args.theme === 'dark' },
    );
  },
};
export default meta;

type Story = StoryObj<RunArgs>;

/** A recorded, successful run with its timeline: scrub, play, step from event to event. */
export const RecordedRun: Story = {};

/** A run where `denoise` fails on its second tile: the ERROR propagates to the outputs. */
export const RecordedError: Story = { args: { failNode: 'denoise' } };

/** The cursor set to t = 8: the graph shows the state at that moment. */
export const AtCursor: Story = { args: { t: 8 } };

/** Wall-clock axis on the timeline. */
export const WallClockAxis: Story = { args: { axis: 'time' } };

/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark', failNode: 'segment' } };

/**
 * A live run on the Fluss dev server (`npm run storybook` starts one): the story starts a
 * `success` scenario through the control API and follows it over the `events` subscription.
 */
export const LiveRun: Story = {
  loaders: [
    async () => {
      const info = await loadDevServerInfo();
      if (!info) return { info: null, runId: null };
      try {
        return { info, runId: await startScenario(info, { scenario: 'success', eventsPerSecond: 10 }) };
      } catch {
        return { info: null, runId: null };
      }
    },
  ],
  render: (args, { loaded }) => {
    const { info, runId } = loaded as { info: DevServerInfo | null; runId: string | null };
    if (!info || !runId) return noServerMessage();
    return frame(
      html`<fluss-provider endpoint=${info.url} .token=${info.token}>
        <fluss-run run-id=${runId} follow>${views(args.theme, args.axis)}</fluss-run>
      </fluss-provider>`,
      { dark: args.theme === 'dark' },
    );
  },
};
