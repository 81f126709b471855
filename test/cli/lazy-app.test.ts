// The subcommands must start fast and work without a terminal: nothing they import may pull in Ink or React.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './run-cli.js';

beforeAll(assertBuilt);

/** Static imports only (`import … from '…'`, `export … from '…'`); `await import(…)` is what keeps the app lazy. */
const staticImport = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier.startsWith('node:') ? 'node:' : specifier.split('/')[0]);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the built CLI', () => {
  it('loads the app only by a dynamic import: no static path from cli.js reaches Ink, React or src/app', () => {
    const { files, packages } = staticGraph(fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url)));
    // the walk really follows the graph: the CLI's own dependencies and the store are in it
    expect([...packages]).toEqual(expect.arrayContaining(['commander', 'zod', 'node:']));
    expect([...files].some((file) => file.endsWith('store/store.js'))).toBe(true);
    expect([...packages].filter((name) => /ink|react/.test(name))).toEqual([]);
    expect([...files].filter((file) => /[/\\](app|components)[/\\]/.test(file))).toEqual([]);
    expect(readFileSync(fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url)), 'utf8')).toContain("import('./app/run-app.js')");
  });
});
