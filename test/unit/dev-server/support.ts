// Shared helpers of the dev-server and data unit tests: the real SDL (when ../shared exists).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REAL_SDL_PATH = fileURLToPath(new URL('../../../../shared/fixtures/fluss-schema.graphql', import.meta.url));

/** The real Fluss SDL text, or undefined when ../shared/fixtures is absent. */
export function realSdl(): string | undefined {
  return existsSync(REAL_SDL_PATH) ? readFileSync(REAL_SDL_PATH, 'utf8') : undefined;
}

export const SKIP_NO_SHARED = 'skipped: ../shared/fixtures/fluss-schema.graphql is absent';
