/** Stories of <fluss-run-timeline>: lanes per node, cursor, transport controls and brush. */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { frame } from './support/frame.js';
import { recordRun } from './support/data.js';

interface TimelineArgs {
  axis: 't' | 'time';
  speed: number;
  laneHeight: number;
  dark: boolean;
  failNode: string;
}

const meta: Meta<TimelineArgs> = {
  title: 'Elements/fluss-run-timeline',
  component: 'fluss-run-timeline',
  tags: ['autodocs'],
  parameters: {
    docs: { description: { component: 'The timeline of a run: it must sit inside a `<fluss-run>`, which gives it the events, the cursor and the filters.' } },
  },
  args: { axis: 't', speed: 10, laneHeight: 18, dark: false, failNode: '' },
  argTypes: {
    axis: { control: 'inline-radio', options: ['t', 'time'] },
    failNode: { control: 'select', options: ['', 'denoise', 'zip'] },
  },
  render: (args) => {
    const recorded = recordRun(undefined, args.failNode ? { failNode: args.failNode } : {});
    return frame(
      html`<fluss-run .run=${recorded.run} .events=${recorded.events}>
        <fluss-run-timeline axis=${args.axis} speed=${args.speed} lane-height=${args.laneHeight}></fluss-run-timeline>
      </fluss-run>`,
      { dark: args.dark },
    );
  },
};
export default meta;

type Story = StoryObj<TimelineArgs>;

/** A finished run, t axis. */
export const Default: Story = {};

/** An error run: ERROR ticks and "next error" in the toolbar. */
export const WithErrors: Story = { args: { failNode: 'denoise' } };

/** Wall-clock axis and taller lanes. */
export const WallClock: Story = { args: { axis: 'time', laneHeight: 26 } };

/** On a dark page. */
export const Dark: Story = { args: { dark: true } };

/** Outside a `<fluss-run>`: the `empty` part explains what is missing. */
export const WithoutRun: Story = { render: () => html`<fluss-run-timeline></fluss-run-timeline>` };
