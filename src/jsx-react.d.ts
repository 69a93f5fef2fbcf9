/**
 * `fluss-elements/react`: types only. Adds every fluss-* tag to React's JSX.IntrinsicElements
 * (React 19's `React.JSX` and the older global `JSX`). Use: `import type {} from 'fluss-elements/react';`.
 */
import type { FlussIntrinsicElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends FlussIntrinsicElements {}
  }
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends FlussIntrinsicElements {}
  }
}

export {};
