// The text rules of the template minification (scripts/minify-templates.mjs), without the parser:
// pure string functions, also loaded by the browser test that checks CSS stays equivalent.

const isWs = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/**
 * CSS: comments dropped, whitespace runs collapsed to one space and dropped next to `{ } ; , >`
 * and after `:` (a space before `:` is kept: `.a :hover` differs from `.a:hover`). Quoted strings
 * and backslash escapes are copied as written. Parts are separated by ${…} expressions, next to
 * which one space is kept.
 * @param {string[]} parts
 * @returns {string[]}
 */
export function minifyCssParts(parts) {
  const tight = new Set(['{', '}', ';', ',', '>']);
  return parts.map((raw, index) => {
    let out = '';
    let pendingSpace = false;
    let i = 0;
    const flush = (next) => {
      if (!pendingSpace) return;
      pendingSpace = false;
      const prev = out[out.length - 1];
      if (prev === undefined ? index === 0 : tight.has(prev) || prev === ':') return;
      if (next === undefined ? index === parts.length - 1 : tight.has(next)) return;
      out += ' ';
    };
    while (i < raw.length) {
      const c = raw[i];
      if (c === '/' && raw[i + 1] === '*') {
        const end = raw.indexOf('*/', i + 2);
        if (end < 0) {
          // A comment around an expression: leave the rest as written.
          flush(c);
          out += raw.slice(i);
          break;
        }
        i = end + 2;
        pendingSpace = true;
        continue;
      }
      if (isWs(c)) {
        pendingSpace = true;
        i++;
        continue;
      }
      flush(c);
      if (c === '\\') {
        out += raw.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < raw.length && raw[j] !== c) j += raw[j] === '\\' ? 2 : 1;
        out += raw.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      out += c;
      i++;
    }
    if (pendingSpace) flush(undefined);
    return out;
  });
}

/**
 * HTML/SVG: inside a tag, whitespace runs become one space (none before `>` or `/>`); in text, a
 * whitespace run that holds a line break becomes that one line break (indentation dropped). Runs
 * without a line break, attribute values and comments are kept. State carries across ${…}.
 * @param {string[]} parts
 * @returns {string[]}
 */
export function minifyHtmlParts(parts) {
  let inTag = false;
  /** @type {string | null} */
  let quote = null;
  let inComment = false;
  return parts.map((raw) => {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const c = raw[i];
      if (inComment) {
        const end = raw.indexOf('-->', i);
        if (end < 0) {
          out += raw.slice(i);
          break;
        }
        out += raw.slice(i, end + 3);
        i = end + 3;
        inComment = false;
        continue;
      }
      if (quote !== null) {
        out += c;
        if (c === quote) quote = null;
        i++;
        continue;
      }
      if (inTag) {
        if (isWs(c)) {
          let j = i;
          while (j < raw.length && isWs(raw[j])) j++;
          const next = raw[j];
          const closing = next === '>' || (next === '/' && raw[j + 1] === '>');
          if (!closing) out += ' ';
          i = j;
          continue;
        }
        if (c === '"' || c === "'") quote = c;
        else if (c === '>') inTag = false;
        out += c;
        i++;
        continue;
      }
      if (c === '<') {
        if (raw.startsWith('<!--', i)) {
          inComment = true;
          out += '<!--';
          i += 4;
          continue;
        }
        if (/[A-Za-z/]/.test(raw[i + 1] ?? '')) inTag = true;
        out += c;
        i++;
        continue;
      }
      if (isWs(c)) {
        let j = i;
        while (j < raw.length && isWs(raw[j])) j++;
        const run = raw.slice(i, j);
        out += run.includes('\n') ? '\n' : run;
        i = j;
        continue;
      }
      out += c;
      i++;
    }
    return out;
  });
}

