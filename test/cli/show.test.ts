import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B } from './fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff show', () => {
  it('prints the header and every run, marking the rewound one and folding the rewind marker into it', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderr } = await runCli(['show', SESSION_A], { dataDir: data });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`Session      ${SESSION_A}`);
    expect(stdout).toContain('Prompts      3');
    expect(stdout).toContain('Recipe       Go Review (rcp_v1_84ace6dd121b…)');
    expect(stdout).toContain('Total cost   $0.2003');
    // three runs; the marker is not a fourth
    expect(stdout.match(/^#\d+ /gm)).toEqual(['#1 ', '#2 ', '#3 ']);
    expect(stdout).toMatch(/#1 {2}2026-03-10 13:00 {2}\$0\.1203\n {4}fix the bug in main\.go\n {4}models {2}claude-sonnet-4-6, gpt-4\.1\n {4}winner {2}claude-sonnet-4-6\n {4}note {4}Applied: main\.go/);
    expect(stdout).toMatch(/#2 .*\n.*explain the race in cache\.go\n.*\n {4}winner {2}none\n {4}rating {2}bad/);
    expect(stdout).toMatch(/#3 {2}2026-03-10 13:09 {2}\$0\.0700 {2}REWOUND at 2026-03-10 13:10\n {4}add a test for Parse/);
    expect(stdout).toContain('note    [rewound] Applied: parse_test.go');
    expect(stdout.match(/REWOUND/g)).toHaveLength(1);
    // each model's proposal, from session_content.json
    expect(stdout).toMatch(/note {4}Applied: main\.go\n {4}changes by claude-sonnet-4-6: main\.go\n {4}changes by gpt-4\.1: main\.go/);
  });

  it('--json prints the session as session_metadata.json holds it, rewind marker included', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['show', '--json', SESSION_A], { dataDir: data });
    expect(code).toBe(0);
    const onDisk = JSON.parse(await readFile(join(data, 'sessions', SESSION_A, 'session_metadata.json'), 'utf8')) as { runs: { models: unknown }[] };
    expect(JSON.parse(stdout)).toEqual(onDisk);
  });

  it('accepts a unique prefix, and options after the id', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['show', SESSION_B.slice(0, -1) + 'b', '-d', data]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Session      ${SESSION_B}`);
    expect(stdout).toContain('note    Voted for: claude-sonnet-4-6');
  });

  it('an ambiguous prefix is exit 1 and one line listing the matches', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(['show', 'ses_0195'], { dataDir: data });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(/^bakeoff: session prefix "ses_0195" is ambiguous: /);
    expect(stderrLines[0]).toContain(`${SESSION_A}, ${SESSION_B}`);
  });

  it('an unknown id is exit 1 and one line naming it and where it looked', async () => {
    const data = await copyErrataFixture();
    const { code, stderrLines } = await runCli(['show', 'ses_nope'], { dataDir: data });
    expect(code).toBe(1);
    expect(stderrLines).toEqual([`bakeoff: no session matches "ses_nope" in ${join(data, 'sessions')}`]);
  });

  it('a session whose metadata does not parse is exit 1 naming the file', async () => {
    const data = await copyErrataFixture();
    const { code, stderrLines } = await runCli(['show', 'ses_01950000-0000-7000-8000-0000000000cc'], { dataDir: data });
    expect(code).toBe(1);
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(/^bakeoff: .*ses_01950000-0000-7000-8000-0000000000cc\/session_metadata\.json: not valid JSON/);
  });
});
