// Builds dist/: tsc emits the store library (the package's export) with its types, and esbuild bundles the
// command line into dist/bundle/ so it starts in one file read: the app, the provider SDKs and the diff
// library are separate chunks, loaded only when first needed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
mkdirSync('dist/store/recipe', { recursive: true });
cpSync('store/recipe/default.recipe.md', 'dist/store/recipe/default.recipe.md');

/** The command line, and the bench's floor for the first frame: the smallest Ink app, bundled the same way. */
const bundles = [
  // content-load-thread.ts finds its worker beside the chunk that holds it
  { entryPoints: { cli: 'src/cli.ts', 'chunks/content-load-worker': 'store/content-load-worker.ts' }, outdir: 'dist/bundle' },
  { entryPoints: { 'bare-ink': 'bench/bare-ink.tsx' }, outdir: 'dist/bench-bundle' },
];
/**
 * zod's namespace re-exports every locale (`z.locales`, `z.core.locales`): 60 files, 580 KB of the start-up
 * chunk, though only English is ever used (zod registers it itself). The bundle gets the locale index with
 * English alone.
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-english-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, loader: 'js', resolveDir: dirname(args.path) }));
  },
};

for (const { entryPoints, outdir } of bundles) await build({
  entryPoints,
  plugins: [englishOnlyZodLocales],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Ink loads the React devtools only when DEV is set, from a package it does not depend on.
  external: ['react-devtools-core'],
  // CommonJS dependencies bundled into ESM still use require(), __filename and __dirname (write-file-atomic does).
  banner: {
    js: [
      "import { createRequire as __bakeoffCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bakeoffFileURLToPath } from 'node:url';",
      "import { dirname as __bakeoffDirname } from 'node:path';",
      'const require = __bakeoffCreateRequire(import.meta.url);',
      'const __filename = __bakeoffFileURLToPath(import.meta.url);',
      'const __dirname = __bakeoffDirname(__filename);',
    ].join(' '),
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
// The default recipe is read beside the code that embeds it (import.meta.url of its chunk).
cpSync('store/recipe/default.recipe.md', 'dist/bundle/default.recipe.md');
cpSync('store/recipe/default.recipe.md', 'dist/bundle/chunks/default.recipe.md');
