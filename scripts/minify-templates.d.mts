// Types of minify-templates.mjs (used by the TypeScript vite configs).
import type { Plugin } from 'vite';
import type { Plugin as EsbuildPlugin } from 'esbuild';

export function isTemplateSource(id: string): boolean;
export function minifyTemplates(code: string, fileName?: string): string;
export function minifyCssParts(parts: string[]): string[];
export function minifyHtmlParts(parts: string[]): string[];
export function minifyTemplatesPlugin(): Plugin;
export function minifyTemplatesEsbuild(): EsbuildPlugin;
