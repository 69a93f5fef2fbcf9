// Serves ../shared (the design docs and real fixtures, outside the project root) to browser tests
// at /__shared/<path>, read-only, and lists fixture folders at /__shared/__list/<folder>.
// Answers 404 when the folder is absent, so tests can skip.
import { readFile, readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

const SHARED = resolve(process.cwd(), '..', 'shared');

export function sharedFixturesMiddleware() {
  return async function sharedFixtures(ctx, next) {
    if (!ctx.path.startsWith('/__shared/')) return next();
    const rel = decodeURIComponent(ctx.path.slice('/__shared/'.length));
    const listing = rel.startsWith('__list/');
    const target = resolve(SHARED, listing ? rel.slice('__list/'.length) : rel);
    if (target !== SHARED && !target.startsWith(SHARED + sep)) {
      ctx.status = 403;
      return;
    }
    try {
      if (listing) {
        const names = (await readdir(target)).filter((n) => n.endsWith('.json')).sort();
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(names);
      } else {
        ctx.type = target.endsWith('.json') ? 'application/json' : 'text/plain';
        ctx.body = await readFile(target);
      }
    } catch {
      ctx.status = 404;
    }
  };
}
