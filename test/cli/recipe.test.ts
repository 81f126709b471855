import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configHash, parseRecipe, recipeSnapshotHash } from '../../store/index.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_B } from './fixture-ids.js';

beforeAll(assertBuilt);

/** The fixture recipe.md has no Tools section: a run has every tool but bash and web_fetch, in Errata's order. */
const fixtureTools = ['read_file', 'write_file', 'edit_file', 'delete_file', 'list_directory', 'search_files', 'search_code'];
/** The fixture recipe.md parsed: name, system prompt (escaped like Go in the hash), the tools a run has. */
const fixtureSnapshot = { version: 1, name: 'Go Review', system_prompt: 'You review Go code & suggest <small> fixes.', tools: fixtureTools };
/** Newest Errata's hash: its markdown without Models, hashed as written. */
const fixtureConfigHash = configHash(parseRecipe('# Go Review\nversion: 1\n\n## System Prompt\nYou review Go code & suggest <small> fixes.\n'));

describe('bakeoff recipe', () => {
  it("validates the fixture's recipe.md, prints it as parsed, and its hash last", async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'sessions', SESSION_B, 'recipe.md');
    const { code, stdout, stderr } = await runCli(['recipe', path]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${path}: recipe "Go Review" is valid`);
    expect(stdout).toContain('# Go Review\nversion: 1\n\n## Models\n- claude-sonnet-4-6\n- gemini-2.5-pro\n');
    expect(lines.at(-3)).toBe(`tools: ${fixtureTools.join(', ')}`);
    expect(lines.at(-2)).toBe(`config hash (newest Errata, recipes.json as markdown): ${fixtureConfigHash}`);
    expect(lines.at(-2)).toMatch(/: rcp_[0-9a-f]{64}$/);
    expect(lines.at(-1)).toBe(`hash: ${recipeSnapshotHash(fixtureSnapshot)}`);
    expect(lines.at(-1)).toMatch(/^hash: rcp_v1_[0-9a-f]{64}$/);
  });

  it('--json prints the path, hash, models, warnings and the snapshot that is hashed', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'sessions', SESSION_B, 'recipe.md');
    const { code, stdout } = await runCli(['recipe', path, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      path,
      hash: recipeSnapshotHash(fixtureSnapshot),
      config_hash: fixtureConfigHash,
      tools: fixtureTools,
      models: ['claude-sonnet-4-6', 'gemini-2.5-pro'],
      warnings: [],
      snapshot: fixtureSnapshot,
    });
  });

  it('a recipe that does not parse is exit 1 and one line naming the file and the line', async () => {
    const dir = await tempDir();
    const path = join(dir, 'bad.md');
    await writeFile(path, '# Bad\nversion: 1\n\n## Constraints\ntimeout: forever\n');
    const { code, stdout, stderrLines } = await runCli(['recipe', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderrLines).toEqual([`bakeoff: ${path}: recipe line 5: bad timeout "forever": want a Go duration such as 5m0s or 1m30s, or whole seconds`]);
  });

  it('a missing version is an error; a missing file too', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'nover.md'), '# No version\n\n## Models\n- a\n');
    const noVersion = await runCli(['recipe', 'nover.md'], { cwd: dir });
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderrLines).toEqual([expect.stringMatching(/^bakeoff: nover\.md: recipe line \d+: missing version/)]);
    const missing = await runCli(['recipe', 'gone.md'], { cwd: dir });
    expect(missing).toMatchObject({ code: 1, stderrLines: ['bakeoff: gone.md: no such recipe file'] });
  });

  it('warnings (an unknown section) go to stderr and do not fail', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'odd.md'), '# Odd\nversion: 1\n\n## Flavour\nsweet\n');
    const { code, stdout, stderrLines } = await runCli(['recipe', 'odd.md'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('odd.md: recipe "Odd" is valid (1 warning)');
    expect(stderrLines).toEqual(['bakeoff: warning: odd.md: recipe line 4: unknown section "Flavour"; skipped']);
  });
});
