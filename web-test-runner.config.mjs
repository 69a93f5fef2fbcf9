// Browser tests: real Chromium (system install, never downloaded), TypeScript through esbuild,
// and elkjs's UMD/CommonJS bundle turned into ESM once here (commonjs v25; v29 leaves it as is).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { devServerPlugin } from './test/support/dev-server-plugin.mjs';
import { sharedFixturesMiddleware } from './test/browser/workflow/shared-fixtures-middleware.mjs';
import { cspPageMiddleware } from './test/browser/hardening/csp/csp-middleware.mjs';

const commonjs = fromRollup(rollupCommonjs);

function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    console.error(
      'fluss-elements: no Chromium found. Set CHROME_PATH to a Chromium or Chrome binary, ' +
        'or install Debian\'s chromium so that /usr/bin/chromium exists (apt-get install -y chromium).',
    );
    process.exit(1);
  }
  return found;
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  // ../shared fixtures for the workflow element tests (404 when absent, tests then skip).
  // + the strict CSP / Trusted Types header for the hardening CSP page only.
  middleware: [sharedFixturesMiddleware(), cspPageMiddleware()],
  concurrency: 1,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    commonjs({ include: ['**/node_modules/elkjs/**/*'] }),
    devServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // window.gc() for the hardening soak test's heap check (test/browser/hardening/soak.test.ts).
          '--js-flags=--expose-gc',
          // performance.memory otherwise reports cached, bucketed numbers.
          '--enable-precise-memory-info',
        ],
      },
    }),
  ],
};
