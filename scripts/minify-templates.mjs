// Build-time minification of our Lit template literals (what the package ships and what bench B1
// measures): css`` loses comments and layout whitespace; html`` and svg`` lose the whitespace
// inside tags and the indentation after line breaks (a line break stays, so text renders the same
// in every white-space mode but pre/pre-wrap, which no template of ours renders into). Strings in
// CSS and everything in ${…} expressions are kept byte for byte. Found with the TypeScript parser.
import ts from 'typescript';
import { minifyCssParts, minifyHtmlParts } from './minify-template-text.mjs';

export { minifyCssParts, minifyHtmlParts };

/** Whether a module id is one of our sources this transform applies to. */
export function isTemplateSource(id) {
  const path = id.split('?')[0];
  return /\/src\/.*\.ts$/.test(path) && !path.endsWith('.d.ts') && !path.includes('/node_modules/');
}

/**
 * Minifies the css``/html``/svg`` literals of one TypeScript or JavaScript source. Returns the new
 * source (unchanged text when there is nothing to do).
 * @param {string} code
 * @param {string} [fileName]
 * @returns {string}
 */
export function minifyTemplates(code, fileName = 'module.ts') {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html' || node.tag.text === 'svg')) {
      const kind = node.tag.text === 'css' ? 'css' : 'html';
      const t = node.template;
      // Raw text ranges of the literal's static parts, in order.
      const parts = [];
      if (ts.isNoSubstitutionTemplateLiteral(t)) {
        parts.push([t.getStart(sf) + 1, t.end - 1]);
      } else {
        parts.push([t.head.getStart(sf) + 1, t.head.end - 2]);
        for (const span of t.templateSpans) {
          const lit = span.literal;
          parts.push([lit.getStart(sf) + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2)]);
        }
      }
      const raws = parts.map(([s, e]) => code.slice(s, e));
      const out = kind === 'css' ? minifyCssParts(raws) : minifyHtmlParts(raws);
      parts.forEach(([s, e], i) => {
        if (out[i] !== raws[i]) edits.push({ start: s, end: e, text: out[i] });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (edits.length === 0) return code;
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const e of edits) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

/**
 * Vite (Rollup) plugin: applies {@link minifyTemplates} to our sources in production builds.
 * @returns {import('vite').Plugin}
 */
export function minifyTemplatesPlugin() {
  return {
    name: 'fluss-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!isTemplateSource(id)) return null;
      const out = minifyTemplates(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * esbuild plugin: the same transform for the bench's bundles of src/.
 * @returns {import('esbuild').Plugin}
 */
export function minifyTemplatesEsbuild() {
  return {
    name: 'fluss-minify-templates',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        if (!isTemplateSource(args.path)) return undefined;
        const { readFile } = await import('node:fs/promises');
        const code = await readFile(args.path, 'utf8');
        return { contents: minifyTemplates(code, args.path), loader: 'ts' };
      });
    },
  };
}
