import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B, SESSION_CORRUPT } from './fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff checkpoint', () => {
  it("shows session b's interrupted run: prompt, when, and each model completed or interrupted", async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderr } = await runCli(['checkpoint', SESSION_B], { dataDir: data });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`Session          ${SESSION_B}`);
    expect(stdout).toContain('Interrupted run  2026-03-12 14:20');
    expect(stdout).toContain('Prompt           refactor the cache layer');
    const rows = stdout.split('\n').filter((line) => /^(claude|gemini)/.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/))).toEqual([
      ['claude-sonnet-4-6', 'completed', '8.0 s', '5,000 / 800', '$0.0300', '1', 'Done: split cache.go.'],
      ['gemini-2.5-pro', 'interrupted', '2.5 s', '3,000 / 50', '$0.0020', '0', 'Reading cache.go'],
    ]);
    expect(stdout).toContain(`bakeoff --resume ${SESSION_B}`);
  });

  it('without an id looks at the most recent session (b), naming skipped sessions on stderr', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(['checkpoint'], { dataDir: data });
    expect(code).toBe(0);
    expect(stdout).toContain('refactor the cache layer');
    expect(stderrLines).toEqual([expect.stringContaining(`skipped session ${SESSION_CORRUPT}`)]);
  });

  it('--json prints the session id and checkpoint.json as it is', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['checkpoint', SESSION_B, '--json'], { dataDir: data });
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { session_id: string; checkpoint: { prompt: string; adapter_ids: string[]; responses: { model_id: string; completed: boolean; interrupted: boolean }[] } };
    expect(parsed.session_id).toBe(SESSION_B);
    expect(parsed.checkpoint.prompt).toBe('refactor the cache layer');
    expect(parsed.checkpoint.adapter_ids).toEqual(['claude-sonnet-4-6', 'gemini-2.5-pro']);
    expect(parsed.checkpoint.responses.map((r) => [r.model_id, r.completed, r.interrupted])).toEqual([
      ['claude-sonnet-4-6', true, false],
      ['gemini-2.5-pro', false, true],
    ]);
  });

  it('says "no interrupted run" for a session without one (exit 0), and null in JSON', async () => {
    const data = await copyErrataFixture();
    const text = await runCli(['checkpoint', SESSION_A], { dataDir: data });
    expect(text).toMatchObject({ code: 0, stdout: `no interrupted run in session ${SESSION_A}\n`, stderr: '' });
    const json = await runCli(['checkpoint', SESSION_A, '--json'], { dataDir: data });
    expect(JSON.parse(json.stdout)).toEqual({ session_id: SESSION_A, checkpoint: null });
  });

  it('a checkpoint.json that does not parse is exit 1 naming it, and is left where it is', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'sessions', SESSION_B, 'checkpoint.json');
    await writeFile(path, '{"prompt": ');
    const { code, stdout, stderrLines } = await runCli(['checkpoint', SESSION_B], { dataDir: data });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderrLines).toEqual([expect.stringMatching(new RegExp(`^bakeoff: ${path}: not valid JSON`))]);
    expect(await readFile(path, 'utf8')).toBe('{"prompt": ');
  });
});
