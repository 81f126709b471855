import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B, SESSION_CORRUPT, expected } from './fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff sessions', () => {
  it('lists the sessions newest first, with last active, prompt count, models and first prompt', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(['sessions'], { dataDir: data });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+LAST ACTIVE\s+PROMPTS\s+MODELS\s+FIRST PROMPT$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(expected.session_order);
    expect(lines[1]).toMatch(new RegExp(`^${SESSION_B}\\s+2026-03-12 14:20\\s+1\\s+claude-sonnet-4-6, gemini-2.5-pro\\s+summarize the design doc$`));
    expect(lines[2]).toMatch(/2026-03-10 13:10\s+3\s+claude-sonnet-4-6, gpt-4.1\s+fix the bug in main.go$/);
    // the corrupt session is named on stderr, not listed
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(new RegExp(`^bakeoff: warning: skipped session ${SESSION_CORRUPT}: .*session_metadata.json`));
  });

  it('--json prints each session header in the data format, newest first, and the skipped ones', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['sessions', '--json', '-d', data]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { sessions: Record<string, unknown>[]; skipped: { id: string; reason: string }[] };
    expect(parsed.sessions.map((s) => s.id)).toEqual(expected.session_order);
    expect(parsed.sessions[1]).toEqual({
      id: SESSION_A,
      created_at: '2026-03-10T08:59:00.000000001-04:00',
      last_active_at: '2026-03-10T09:10:00-04:00',
      models: ['claude-sonnet-4-6', 'gpt-4.1'],
      first_prompt: 'fix the bug in main.go',
      last_prompt: 'add a test for Parse',
      prompt_count: 3,
      config_hash: expected.recipe_hashes[0],
      title: null,
    });
    expect(parsed.skipped.map((s) => s.id)).toEqual([SESSION_CORRUPT]);
  });

  it('says so when the data directory has no sessions (a missing directory is empty, not an error)', async () => {
    const data = join(await tempDir(), 'nothing-here');
    const text = await runCli(['sessions'], { dataDir: data });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toBe(`no sessions in ${data}\n`);
    const json = await runCli(['sessions', '--json'], { dataDir: data });
    expect(JSON.parse(json.stdout)).toEqual({ sessions: [], skipped: [] });
  });
});
