// A fresh clone with nothing beside it must pass `npm test`: no test, benchmark or script may name a path
// outside the repository (the fixtures live in test/fixtures/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireCommand, type Prerequisite } from '../helpers/require-command.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Where tests, benchmarks and scripts live; sources are checked by the containment tests instead. */
const checkedTrees = ['test', 'bench', 'scripts', '.ci', 'vitest.config.ts', 'package.json'];
/** A quoted relative path (`'../x'`, `"./y"`), or an absolute path into a home or work directory. */
const relativeLiteral = /['"`](\.{1,2}\/[^'"`\s]*)['"`]/g;
const absoluteLiteral = /['"`](\/(?:work|home|Users|root|mnt)\/[^'"`\s]*)['"`]/g;

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...checkedTrees], { cwd: repo, encoding: 'utf8' });
  return out.split('\n').filter((path) => path !== '' && !path.startsWith('test/fixtures/') && /\.(ts|tsx|mjs|js|json|sh)$|^\.ci\//.test(path));
}

/** Every path literal in `text` (the file at `path`) that points outside the repository, as `file:line: literal`. */
function escapes(path: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(relativeLiteral)) {
      const inside = relative(repo, resolve(dirname(join(repo, path)), match[1]!));
      if (inside.startsWith('..') || isAbsolute(inside)) found.push(`${path}:${index + 1}: ${match[1]}`);
    }
    for (const match of line.matchAll(absoluteLiteral)) found.push(`${path}:${index + 1}: ${match[1]}`);
    if (line.includes('shared/fixtures')) found.push(`${path}:${index + 1}: shared/fixtures`);
  });
  return found;
}

describe('the repository is self-contained', () => {
  it('no test, benchmark or script names a path outside the repository', () => {
    const self = relative(repo, fileURLToPath(import.meta.url));
    const files = trackedFiles().filter((path) => path !== self);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((path) => escapes(path, readFileSync(join(repo, path), 'utf8')))).toEqual([]);
  });

  it('the check finds a relative path that climbs out, an absolute one, and the old shared folder', () => {
    const text = [
      "const a = new URL('../../../elsewhere/x', import.meta.url);",
      "const b = new URL('../fixtures/errata-data/', import.meta.url);",
      "readFileSync('/work/other/expected.json');",
      '// copied from shared/fixtures',
    ].join('\n');
    expect(escapes('test/helpers/x.ts', text)).toEqual([
      'test/helpers/x.ts:1: ../../../elsewhere/x',
      'test/helpers/x.ts:3: /work/other/expected.json',
      'test/helpers/x.ts:4: shared/fixtures',
    ]);
  });

  it('a missing program fails with one line that names it and how to install it', () => {
    const missing: Prerequisite = { command: 'bakeoff-no-such-program', versionArgs: ['-V'], install: 'apt-get install nothing' };
    expect(() => requireCommand(missing)).toThrow(/^bakeoff-no-such-program is required by this test and is not installed: apt-get install nothing$/);
    try {
      requireCommand(missing);
    } catch (error) {
      expect((error as Error).stack).toBe((error as Error).message);
    }
  });
});
