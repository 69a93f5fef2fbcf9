// The build's template minification (scripts/minify-templates.mjs): which literals it touches,
// that expressions (nested templates included) are kept byte for byte, and that every source of
// ours still parses afterwards with the same number of template expressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { minifyTemplates, isTemplateSource } from '../../../scripts/minify-templates.mjs';

test('css, html and svg literals are minified; other templates and strings are not', () => {
  const src = [
    'const a = css`',
    '  :host {',
    '    display: block; /* c */',
    '  }',
    '`;',
    'const b = html`<div\n  class="x"\n>\n    ${a}\n  </div>`;',
    'const c = `keep   this\n   one`;',
    "const d = 'css`  no  `';",
    'const e = svg`<g>\n    <text>${1}</text>\n  </g>`;',
    'const f = other`  keep  `;',
  ].join('\n');
  const out = minifyTemplates(src, 'x.ts');
  assert.match(out, /const a = css`:host\{display:block;\}`;/);
  assert.match(out, /const b = html`<div class="x">\n\$\{a\}\n<\/div>`;/);
  assert.ok(out.includes('const c = `keep   this\n   one`;'));
  assert.ok(out.includes("const d = 'css`  no  `';"));
  assert.ok(out.includes('const e = svg`<g>\n<text>${1}</text>\n</g>`;'));
  assert.ok(out.includes('const f = other`  keep  `;'));
});

test('expressions, nested templates included, are kept; nested css/html are minified on their own', () => {
  const src = 'const t = html`<ul>\n    ${items.map((i) => html`<li\n  title=${i}>${`raw   ${i}`}</li>`)}\n  </ul>`;';
  const out = minifyTemplates(src, 'x.ts');
  assert.equal(out, 'const t = html`<ul>\n${items.map((i) => html`<li title=${i}>${`raw   ${i}`}</li>`)}\n</ul>`;');
});

test('isTemplateSource: our TypeScript sources only', () => {
  assert.equal(isTemplateSource('/work/x/src/elements/a.ts'), true);
  assert.equal(isTemplateSource('/work/x/src/elements/a.ts?worker'), true);
  assert.equal(isTemplateSource('/work/x/node_modules/lit/index.js'), false);
  assert.equal(isTemplateSource('/work/x/src/types.d.ts'), false);
  assert.equal(isTemplateSource('/work/x/node_modules/pkg/src/a.ts'), false);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function templateShape(code: string): number[] {
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const shape: number[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isTaggedTemplateExpression(n)) shape.push(ts.isNoSubstitutionTemplateLiteral(n.template) ? 0 : n.template.templateSpans.length);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return shape;
}

test('every source of ours parses after the transform with the same template expressions, and only whitespace/comments change', () => {
  let changed = 0;
  for (const file of sources('src')) {
    const code = readFileSync(file, 'utf8');
    const out = minifyTemplates(code, file);
    if (out === code) continue;
    changed++;
    const diags = ts.transpileModule(out, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, experimentalDecorators: true } }).diagnostics ?? [];
    assert.deepEqual(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], file);
    assert.deepEqual(templateShape(out), templateShape(code), file);
    // Removing whitespace and CSS comments from both leaves the same text.
    const strip = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '');
    assert.equal(strip(out), strip(code), file);
    assert.ok(out.length < code.length, file);
  }
  assert.ok(changed >= 10, `transformed ${changed} sources`);
});
