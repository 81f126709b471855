// Child processes run the store's current sources, not a possibly stale dist/: each child script is
// bundled with esbuild into one file that node starts in a few tens of milliseconds.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bundles test/faults/<name>.ts into `outDir` and returns the path of the runnable script. */
export async function buildChild(name: 'writer' | 'store-child', outDir: string): Promise<string> {
  const outfile = join(outDir, `${name}.cjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    // CommonJS, because write-file-atomic and proper-lockfile use require() and __filename.
    format: 'cjs',
    target: 'node20',
    // import.meta.url (the built-in recipe's location) is unused by the children; its warning is noise.
    logLevel: 'error',
  });
  return outfile;
}
