// `npm run analyze`: custom-elements.json from the JSDoc of the public elements.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/define.ts', 'src/elements/**/*.styles.ts', 'src/elements/**/styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  // The package.json field is written by hand; never let a run with another --outdir rewrite it.
  packagejson: false,
};
