/** Stories of <fluss-run-log>: the filterable, virtualized event log of a run. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { frame } from './support/frame.js';
import { recordRun, largeFlow } from './support/data.js';

interface LogArgs {
  failNode: string;
  timeAxis: 't' | 'wall';
  theme: 'light' | 'dark' | undefined;
}

const meta: Meta<LogArgs> = {
  title: 'Elements/fluss-run-log',
  component: 'fluss-run-log',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The event log of a run. Inside a `<fluss-run>` it shares the store, cursor, selection and filters with the graph and the timeline; alone it loads its own run from `run-id`, `src` or `.events`.',
      },
    },
  },
  args: { failNode: '', timeAxis: 't', theme: undefined },
  argTypes: {
    failNode: { control: 'select', options: ['', 'denoise', 'zip'], description: 'Story only: record the run with this node failing.' },
    timeAxis: { control: 'inline-radio', options: ['t', 'wall'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => {
    const recorded = recordRun(undefined, args.failNode ? { failNode: args.failNode } : {});
    return frame(
      html`<fluss-run .run=${recorded.run} .events=${recorded.events}>
        <fluss-run-log time-axis=${args.timeAxis} theme=${args.theme ?? nothing} style="height: 360px"></fluss-run-log>
      </fluss-run>`,
      { dark: args.theme === 'dark' },
    );
  },
};
export default meta;

type Story = StoryObj<LogArgs>;

/** A recorded run inside `<fluss-run>`. */
export const InRun: Story = {};

/** An error run: filter by kind ERROR, press `c` on an event to trace its causes. */
export const WithErrors: Story = { args: { failNode: 'denoise' } };

/** Wall-clock times. */
export const WallClock: Story = { args: { timeAxis: 'wall' } };

/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark', failNode: 'zip' } };

/** Standalone: the log takes `.run` and `.events` itself, no `<fluss-run>` around it. */
export const Standalone: Story = {
  render: () => {
    const recorded = recordRun();
    return html`<fluss-run-log .run=${recorded.run} .events=${recorded.events} style="height: 360px; display: block"></fluss-run-log>`;
  },
};

/** A bigger run (a generated 60-node flow): the list is virtualized. */
export const BiggerRun: Story = {
  render: () => {
    const recorded = recordRun(largeFlow(60, 3));
    return html`<fluss-run .run=${recorded.run} .events=${recorded.events}>
      <fluss-run-log style="height: 420px"></fluss-run-log>
    </fluss-run>`;
  },
};
