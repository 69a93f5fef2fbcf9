// Types of elk-esm.mjs (used by the TypeScript vite configs and the unit test).
import type { Plugin } from 'vite';
import type { Plugin as EsbuildPlugin } from 'esbuild';

export function isElkGwtBuild(id: string): boolean;
export function elkGwtAsEsm(source: string): string;
export function elkEsmPlugin(): Plugin;
export function elkEsmEsbuildPlugin(): EsbuildPlugin;
