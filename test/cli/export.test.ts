import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B } from './fixture-ids.js';

beforeAll(assertBuilt);

interface JsonReport {
  id: string;
  total_cost_usd: number;
  runs: { number: number; prompt: string; selected: string | null; rewound: boolean; note: string | null; responses: { model_id: string; text: string | null; cost_usd: number }[] }[];
}

describe('bakeoff export', () => {
  it('writes data/outputs/<id>.md by default and prints its path', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderr } = await runCli(['export', SESSION_A], { dataDir: data });
    const path = join(data, 'outputs', `${SESSION_A}.md`);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: path + '\n', stderr: '' });
    const report = await readFile(path, 'utf8');
    expect(report.startsWith(`# bakeoff session ${SESSION_A}\n`)).toBe(true);
    expect(report).toContain('- **Models:** claude-sonnet-4-6, gpt-4.1');
    expect(report).toContain('- **Total cost:** $0.2003');
    expect(report).toContain('## Run 1: fix the bug in main.go');
    expect(report).toContain('- **Winner:** claude-sonnet-4-6');
    expect(report).toContain('- **Note:** Applied: main.go');
    expect(report).toContain('> fix the bug in main.go');
    // each model's full response from session_content.json, with its cost, latency and tokens
    expect(report).toContain('### claude-sonnet-4-6 (winner)\n\n_$0.0891 · 12.8 s · 10,200 in / 900 out tokens · proposed writes: main.go_\n\nFixed the nil check on line 42.');
    expect(report).toContain('### gpt-4.1\n\n_$0.0312 · 15.9 s · 9,800 in / 700 out tokens · proposed writes: main.go_\n\nChanged the loop bound.');
    expect(report).toContain('## Run 3 (rewound): add a test for Parse');
    expect(report.match(/^## Run /gm)).toHaveLength(3);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('-o path.json writes the JSON report there (the format follows the extension)', async () => {
    const data = await copyErrataFixture();
    const out = join(await tempDir(), 'reports', 'a.json');
    const { code, stdout } = await runCli(['export', SESSION_A, '-o', out], { dataDir: data });
    expect(code).toBe(0);
    expect(stdout).toBe(out + '\n');
    const report = JSON.parse(await readFile(out, 'utf8')) as JsonReport;
    expect(report.id).toBe(SESSION_A);
    expect(report.total_cost_usd).toBeCloseTo(0.2003, 10);
    expect(report.runs.map((run) => [run.number, run.prompt, run.selected, run.rewound])).toEqual([
      [1, 'fix the bug in main.go', 'claude-sonnet-4-6', false],
      [2, 'explain the race in cache.go', null, false],
      [3, 'add a test for Parse', 'gpt-4.1', true],
    ]);
    expect(report.runs[0].responses).toMatchObject([
      { model_id: 'claude-sonnet-4-6', text: 'Fixed the nil check on line 42.', cost_usd: 0.0891 },
      { model_id: 'gpt-4.1', text: 'Changed the loop bound.', cost_usd: 0.0312 },
    ]);
  });

  it('--format json writes data/outputs/<id>.json; --json prints where', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['export', SESSION_B, '--format', 'json', '--json'], { dataDir: data });
    expect(code).toBe(0);
    const path = join(data, 'outputs', `${SESSION_B}.json`);
    expect(JSON.parse(stdout)).toEqual({ session_id: SESSION_B, format: 'json', path });
    const report = JSON.parse(await readFile(path, 'utf8')) as JsonReport;
    expect(report.runs[0].responses[0].text).toBe('The design splits storage from the UI.');
  });

  it('a content file that does not parse is an error; a missing one gives a report of previews, responses not recorded', async () => {
    const data = await copyErrataFixture();
    await writeFile(join(data, 'sessions', SESSION_B, 'session_content.json'), '');
    const broken = await runCli(['export', SESSION_B], { dataDir: data });
    // an empty file does not parse: that is an error naming it, not a silent report without answers
    expect(broken.code).toBe(1);
    expect(broken.stderrLines).toEqual([expect.stringMatching(/session_content\.json: not valid JSON/)]);
    await rm(join(data, 'sessions', SESSION_B, 'session_content.json'));
    const { code } = await runCli(['export', SESSION_B], { dataDir: data });
    expect(code).toBe(0);
    const report = await readFile(join(data, 'outputs', `${SESSION_B}.md`), 'utf8');
    expect(report).toContain('> summarize the design doc');
    expect(report).toContain('_(response not recorded)_');
  });

  it('a bad --format is a usage error (exit 2, one line)', async () => {
    const data = await copyErrataFixture();
    const { code, stderrLines } = await runCli(['export', SESSION_A, '--format', 'pdf'], { dataDir: data });
    expect(code).toBe(2);
    expect(stderrLines).toEqual(['bakeoff: --format: want json or md, not "pdf"']);
  });

  it('an -o path that cannot be created fails at once with one line naming it (a directory under /proc used to hang)', async () => {
    const data = await copyErrataFixture();
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'x');
    for (const [out, reason] of [
      ['/proc/nope/x.md', 'cannot create the directory /proc/nope (it cannot be created there)'],
      [join(file, 'x.md'), `cannot create the directory ${file} (a file is in the way)`],
    ]) {
      // a hang (the old bug) runs into the 10 s timeout; a busy machine may take a few seconds to start the binary
      const started = Date.now();
      const { code, stdout, stderrLines } = await runCli(['export', SESSION_A, '-o', out], { dataDir: data, timeoutMs: 10_000 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect({ code, stdout, stderrLines }).toEqual({ code: 1, stdout: '', stderrLines: [`bakeoff: could not write ${out}: ${reason}; the previous file is intact`] });
    }
  });
});
