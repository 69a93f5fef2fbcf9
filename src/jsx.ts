/**
 * Framework typings without framework dependencies: the attributes and properties of every tag
 * as plain interfaces, plus React JSX and Vue GlobalComponents shapes built from them. The
 * augmentations that plug them into React and Vue are `fluss-elements/react` and
 * `fluss-elements/vue` (jsx-react.d.ts, jsx-vue.d.ts), so nobody needs React or Vue types.
 */
import type { FlussErrorEvent } from './events/fluss-error.js';
import type { FlussNodeSelectEvent } from './events/fluss-node-select.js';
import type { FlussRunUpdateEvent } from './events/fluss-run-update.js';
import type { FlussTimeChangeEvent } from './events/fluss-time-change.js';
import type { FlussEventSelectEvent } from './events/fluss-event-select.js';
import type { GetToken } from './data/fluss-client.js';
import type { Run, Workflow } from './model/types.js';
import type { WorkflowLayout, LayoutDirection } from './layout/types.js';

/** Attributes shared by every element in framework templates. */
export interface FlussCommonProps {
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  slot?: string;
  children?: unknown;
  key?: string | number;
  ref?: unknown;
  'onfluss-error'?: (e: FlussErrorEvent) => void;
}

/** `<fluss-provider>` */
export interface FlussProviderProps extends FlussCommonProps {
  endpoint?: string | null;
  'ws-endpoint'?: string | null;
  timeout?: number | string | null;
  token?: string | null;
  getToken?: GetToken | null;
  allowedOrigins?: readonly string[];
}

/** `<fluss-workflow>` */
export interface FlussWorkflowProps extends FlussCommonProps {
  flow?: unknown;
  src?: string | null;
  'flow-id'?: string | null;
  layout?: 'auto' | 'stored' | WorkflowLayout | null;
  direction?: LayoutDirection;
  'edge-style'?: 'orthogonal' | 'bezier' | 'smoothstep';
  'edge-labels'?: boolean;
  'min-zoom'?: number | string;
  'max-zoom'?: number | string;
  'no-pan'?: boolean;
  'no-zoom'?: boolean;
  'no-controls'?: boolean;
  'no-minimap'?: boolean;
  selected?: string | null;
  highlight?: string;
  theme?: 'light' | 'dark' | null;
  label?: string;
  nodeStatus?: ReadonlyMap<string, string> | null;
  'onfluss-node-select'?: (e: FlussNodeSelectEvent) => void;
}

/** `<fluss-run>` */
export interface FlussRunProps extends FlussCommonProps {
  'run-id'?: string | null;
  src?: string | null;
  run?: Run | null;
  events?: readonly unknown[] | null;
  flow?: Workflow | null;
  t?: number | string | null;
  follow?: boolean;
  'onfluss-time-change'?: (e: FlussTimeChangeEvent) => void;
  'onfluss-run-update'?: (e: FlussRunUpdateEvent) => void;
}

/** `<fluss-run-timeline>` */
export interface FlussRunTimelineProps extends FlussCommonProps {
  axis?: 't' | 'time';
  speed?: number | string;
  'lane-height'?: number | string;
  laneOrder?: readonly string[] | null;
}

/** `<fluss-run-log>` */
export interface FlussRunLogProps extends FlussCommonProps {
  'run-id'?: string | null;
  src?: string | null;
  run?: Run | null;
  events?: readonly unknown[] | null;
  flow?: Workflow | null;
  follow?: boolean;
  'sync-url'?: string | null;
  'time-axis'?: 't' | 'wall';
  theme?: 'light' | 'dark' | null;
  'onfluss-event-select'?: (e: FlussEventSelectEvent) => void;
}

/** Tag name -> props, the shape of React's `JSX.IntrinsicElements` entries. */
export interface FlussIntrinsicElements {
  'fluss-provider': FlussProviderProps;
  'fluss-workflow': FlussWorkflowProps;
  'fluss-run': FlussRunProps;
  'fluss-run-timeline': FlussRunTimelineProps;
  'fluss-run-log': FlussRunLogProps;
}

/** Tag name -> props, for Vue's `GlobalComponents` (wrapped in `DefineComponent` there). */
export type FlussGlobalComponentProps = FlussIntrinsicElements;
