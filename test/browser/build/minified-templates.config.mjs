// The browser tests against our templates minified as the package build ships them
// (scripts/minify-templates.mjs applied before esbuild). Not part of `npm test`; run e.g.
//   npx web-test-runner --config test/browser/build/minified-templates.config.mjs "test/browser/{workflow,run-log,run}/*.test.ts"
import base from '../../../web-test-runner.config.mjs';
import { isTemplateSource, minifyTemplates } from '../../../scripts/minify-templates.mjs';

const minifyFirst = {
  name: 'fluss-minify-templates-first',
  transform(context) {
    if (!isTemplateSource(context.path) || typeof context.body !== 'string') return undefined;
    return { body: minifyTemplates(context.body, context.path) };
  },
};

export default { ...base, plugins: [minifyFirst, ...base.plugins] };
