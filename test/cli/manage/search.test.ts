// `bakeoff sessions --search`: prompts, answers and titles, any case, newest first, with the matching line; on
// sessions made by `bakeoff run` and on the Errata fixtures.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { realWorkspace } from '../../helpers/real-sessions.js';
import { assertBuilt, runCli } from '../run-cli.js';
import { SESSION_A } from '../fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff sessions --search on sessions bakeoff run made', () => {
  it('matches a prompt and an answer in any case, newest session first, with the matching lines', async () => {
    const ws = await realWorkspace();
    const older = await ws.session(['write notes.txt: Walrus facts', 'write todo.txt: buy milk']);
    const newer = await ws.session(['write walrus.txt: more about the WALRUS']);
    const other = await ws.session(['write unrelated.txt: nothing to see']);
    const hit = await ws.cli(['sessions', '--search', 'walrus']);
    expect(hit.code).toBe(0);
    expect(hit.stdout).not.toContain(other);
    const blocks = hit.stdout.trimEnd().split(/\n(?=ses_)/);
    expect(blocks.map((block) => block.split(' ')[0])).toEqual([newer, older]);
    expect(blocks[1]).toContain('#1 prompt: write notes.txt: Walrus facts');
    // the answers quote the prompt, so they match too; run #2 of the older session does not
    expect(blocks[1]).toContain('#1 demo/beta: [demo/beta] You asked: "write notes.txt: Walrus facts". Proposing 1 change.');
    expect(blocks[1]).not.toContain('#2');
    const json = JSON.parse((await ws.cli(['sessions', '--search', 'WALRUS', '--json'])).stdout);
    expect(json.sessions.map((s: { id: string }) => s.id)).toEqual([newer, older]);
    expect(json.sessions[0].hits[0]).toEqual({ field: 'prompt', run: 1, line: 'write walrus.txt: more about the WALRUS' });
  });

  it('lists the first 20 lines of a session that holds the text a thousand times, and counts the rest', async () => {
    const ws = await realWorkspace();
    const prompt = Array.from({ length: 1000 }, (_, i) => `walrus ${i}`).join('\n');
    const id = await ws.session([prompt]);
    const text = await ws.cli(['sessions', '--search', 'walrus']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    // the session's line, 20 hits, the count: the prompt's 1,000 lines and each model's one-line answer
    expect(lines).toHaveLength(22);
    expect(lines[0]).toContain(id);
    expect(lines[1]).toBe('  #1 prompt: walrus 0');
    expect(lines[20]).toBe('  #1 prompt: walrus 19');
    expect(lines[21]).toBe(`  … and ${1000 + 2 - 20} more lines`);
    const json = JSON.parse((await ws.cli(['sessions', '--search', 'walrus', '--json'])).stdout);
    expect(json.sessions[0].hits).toHaveLength(20);
    expect(json.sessions[0].more_hits).toBe(982);
  });

  it('shows the match of a long line in the text view, cut around it', async () => {
    const ws = await realWorkspace();
    const id = await ws.session([`${'c '.repeat(70)}SHORTNEEDLE here ${'d '.repeat(300)}`]);
    const text = await ws.cli(['sessions', '--search', 'shortneedle']);
    expect(text.stdout).toContain(id);
    expect(text.stdout).toMatch(/\n {2}#1 prompt: …c c c c c c c c c c SHORTNEEDLE here d d .*…\n/);
  });

  it('a miss says so and exits 0; a title is found', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write a.txt: alpha']);
    expect(await ws.cli(['sessions', '--search', 'zebra'])).toMatchObject({ code: 0, stdout: 'no session holds "zebra"\n' });
    await ws.cli(['rename', id, 'Zebra crossing']);
    const hit = await ws.cli(['sessions', '--search', 'zebra']);
    expect(hit.stdout).toContain(id);
    expect(hit.stdout).toContain('title: Zebra crossing');
  });
});

describe('bakeoff sessions --search on the Errata fixtures', () => {
  it('finds prompts and answers in any case, newest first, with the matching line; a miss says so', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const hit = await runCli(['sessions', '--search', 'HELLO THERE'], { dataDir: data });
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain('ses_01a2333f-f64f-7f0a-b2bd-9ec6a853d161');
    expect(hit.stdout).toContain('#1 demo/gamma: hello there ✓ 👋');
    const json = JSON.parse((await runCli(['sessions', '--search', 'hello', '--json'], { dataDir: data })).stdout);
    expect(json.sessions[0].hits[0]).toEqual({ field: 'prompt', run: 1, line: 'hello ✓ — “smart quotes” 🍰' });
    const miss = await runCli(['sessions', '--search', 'no such words anywhere'], { dataDir: data });
    expect(miss).toMatchObject({ code: 0, stdout: 'no session holds "no such words anywhere"\n' });
  });

  it('finds text Go wrote escaped (<, > and & as \\u003c, \\u003e, \\u0026)', async () => {
    const data = await copyErrataFixture('errata-4b0b74b-data');
    for (const query of ['<x>', 'TASK <X> & Y']) {
      const hit = await runCli(['sessions', '--search', query, '--json'], { dataDir: data });
      const sessions = JSON.parse(hit.stdout).sessions as { id: string; hits: { field: string; line: string }[] }[];
      expect(sessions.map((s) => s.id), query).toContain('ses_01a2333f-f6a8-76c6-8d63-f29a45e413f6');
      expect(sessions.flatMap((s) => s.hits), query).toContainEqual({ field: 'prompt', run: 2, line: 'slow: long task <x> & y' });
    }
  });

  it('finds a title', async () => {
    const data = await copyErrataFixture();
    expect((await runCli(['rename', SESSION_A, 'Parser refactor'], { dataDir: data })).code).toBe(0);
    const hit = await runCli(['sessions', '--search', 'parser'], { dataDir: data });
    expect(hit.stdout).toContain(`${SESSION_A}`);
    expect(hit.stdout).toContain('title: Parser refactor');
  });
});

describe('bakeoff sessions --search and a content file that does not parse', () => {
  it('lists the session under skipped with why, warns once, and still finds it by its title', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write notes.txt: walrus facts']);
    const contentPath = join(ws.sessionDir(id), 'session_content.json');
    const bytes = await readFile(contentPath, 'utf8');
    await writeFile(contentPath, bytes.slice(0, bytes.length - 5));
    const searched = await ws.cli(['sessions', '--search', 'walrus', '--json']);
    expect(searched.code).toBe(0);
    const json = JSON.parse(searched.stdout) as { sessions: unknown[]; skipped: { id: string; reason: string }[] };
    expect(json.sessions).toEqual([]);
    expect(json.skipped).toHaveLength(1);
    expect(json.skipped[0].id).toBe(id);
    expect(json.skipped[0].reason).toMatch(new RegExp(`^${contentPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON .*; its prompts and answers were not searched$`));
    expect(searched.stderrLines).toEqual([`bakeoff: warning: skipped session ${id}: ${json.skipped[0].reason}`]);
    // the file is left as it is (a listing moves nothing) and the title is still searched
    expect(await readFile(contentPath, 'utf8')).toBe(bytes.slice(0, bytes.length - 5));
    expect((await ws.cli(['rename', id, 'walrus notes'])).code).toBe(0);
    const byTitle = JSON.parse((await ws.cli(['sessions', '--search', 'walrus', '--json'])).stdout) as { sessions: { id: string; hits: unknown[] }[]; skipped: unknown[] };
    expect(byTitle.sessions.map((s) => [s.id, s.hits])).toEqual([[id, [{ field: 'title', line: 'walrus notes' }]]]);
    expect(byTitle.skipped).toHaveLength(1);
  });
});
