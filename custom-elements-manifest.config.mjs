// `npm run analyze`: custom-elements.json from the JSDoc of the public elements.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/define.ts', 'src/elements/**/*.styles.ts', 'src/elements/**/styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  // The package.json field is written by hand; never let a run with another --outdir rewrite it.
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order the file glob returns them, which follows the
      // file system (it differed between a fresh clone and this checkout): sort them by path so
      // the manifest, and the test that compares it, do not depend on it.
      name: 'fluss-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
