// Types of minify-template-text.mjs.
export function minifyCssParts(parts: string[]): string[];
export function minifyHtmlParts(parts: string[]): string[];
