/**
 * `fluss-elements/vue`: types only. Declares every fluss-* tag in Vue's GlobalComponents so
 * templates type-check. Use: `import type {} from 'fluss-elements/vue';` and tell Vue's compiler
 * that tags starting with `fluss-` are custom elements (`isCustomElement`).
 */
import type { DefineComponent } from 'vue';
import type { FlussGlobalComponentProps } from './jsx.js';

declare module 'vue' {
  interface GlobalComponents {
    'fluss-provider': DefineComponent<FlussGlobalComponentProps['fluss-provider']>;
    'fluss-workflow': DefineComponent<FlussGlobalComponentProps['fluss-workflow']>;
    'fluss-run': DefineComponent<FlussGlobalComponentProps['fluss-run']>;
    'fluss-run-timeline': DefineComponent<FlussGlobalComponentProps['fluss-run-timeline']>;
    'fluss-run-log': DefineComponent<FlussGlobalComponentProps['fluss-run-log']>;
  }
}

export {};
