import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A } from './fixture-ids.js';

beforeAll(assertBuilt);

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('usage errors: exit 2, one line on stderr, no stack', () => {
  it.each([
    [['--x'], "bakeoff: error: unknown option '--x' (see bakeoff --help)"],
    [['--modles', 'a'], "bakeoff: error: unknown option '--modles' (Did you mean --models?) (see bakeoff --help)"],
    [['frobnicate'], "bakeoff: error: unknown command 'frobnicate' (see bakeoff --help)"],
    [['show'], "bakeoff: error: missing required argument 'id' (see bakeoff show --help)"],
    [['sessions', '--x'], "bakeoff: error: unknown option '--x' (see bakeoff sessions --help)"],
    // commander's own errors quote argv: its control characters are shown, never obeyed
    [['bogus\x1b[31m'], "bakeoff: error: unknown command 'bogus\u241b[31m' (see bakeoff --help)"],
    [['show', '--x\x1b[31m'], "bakeoff: error: unknown option '--x\u241b[31m' (see bakeoff show --help)"],
    [['run', '--x\x1b]0;pwned\x07\u202e'], "bakeoff: error: unknown option '--x\u241b]0;pwned\u2407<U+202E>' (see bakeoff run --help)"],
    [['stats', '--session'], "bakeoff: error: option '--session <id>' argument missing (see bakeoff stats --help)"],
    [['--models', ' , '], 'bakeoff: --models: needs at least one model id, e.g. --models demo/alpha,demo/beta'],
    [['--continue', '--resume', 'ses_x'], 'bakeoff: --resume: give --continue or --resume <id>, not both'],
    // the session keeps its own recipe: the file would be ignored without a word
    [['--continue', '--recipe', 'r.md'], 'bakeoff: --recipe: starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)'],
    [['--resume', '--recipe', 'r.md'], 'bakeoff: --recipe: starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)'],
    [['--resume', SESSION_A, '--recipe', 'r.md'], 'bakeoff: --recipe: starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)'],
    [['rewind', SESSION_A, '--to', 'abc'], 'bakeoff: --to must be a run number (got "abc")'],
    [['rewind', SESSION_A, '--to', '1.5'], 'bakeoff: --to must be a run number (got "1.5")'],
    [['rewind', SESSION_A, '--to', '0'], 'bakeoff: --to must be a run number from 1 (got "0")'],
  ])('bakeoff %j', async (args, line) => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(args, { dataDir: data });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderrLines).toEqual([line]);
  });

  it('the app without a terminal says so before loading it (exit 2)', async () => {
    const data = await copyErrataFixture();
    for (const args of [[], ['--continue'], ['--resume', SESSION_A, '--models', 'demo/alpha']]) {
      const { code, stdout, stderrLines } = await runCli(args, { dataDir: data });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderrLines).toEqual(["bakeoff: the app needs a terminal; try 'bakeoff sessions'"]);
    }
  });
});

describe('other failures: exit 1, one line', () => {
  it('a --data-dir that is a file is named (flag, flag after the subcommand, and environment)', async () => {
    const file = join(await tempDir(), 'not-a-dir');
    await writeFile(file, 'x');
    const want = [`bakeoff: data directory ${file} is a file, not a directory`];
    expect(await runCli(['-d', file, 'sessions'])).toMatchObject({ code: 1, stdout: '', stderrLines: want });
    expect(await runCli(['show', SESSION_A, '--data-dir', file])).toMatchObject({ code: 1, stderrLines: want });
    expect(await runCli(['stats'], { dataDir: file })).toMatchObject({ code: 1, stderrLines: want });
  });

  it('the subcommand -d wins over BAKEOFF_DATA_DIR', async () => {
    const data = await copyErrataFixture();
    const empty = await tempDir();
    const { code, stdout } = await runCli(['sessions', '-d', data, '--json'], { dataDir: empty });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { sessions: unknown[] }).sessions).toHaveLength(2);
  });

  it('--debug adds the stack trace after the line', async () => {
    const data = await copyErrataFixture();
    const { code, stderrLines } = await runCli(['show', 'ses_nope', '--debug'], { dataDir: data });
    expect(code).toBe(1);
    expect(stderrLines[0]).toMatch(/^bakeoff: no session matches "ses_nope"/);
    expect(stderrLines.length).toBeGreaterThan(2);
    expect(stderrLines.slice(1).some((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('a session id that is not a plain name is refused without touching the disk', async () => {
    const data = await copyErrataFixture();
    expect(await runCli(['show', '../etc'], { dataDir: data })).toMatchObject({ code: 1, stderrLines: ['bakeoff: invalid session id "../etc"'] });
  });
});

describe('help and version exit 0', () => {
  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await runCli(['-V'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('--help lists the options and every subcommand; a subcommand has its own help', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const word of ['--data-dir', '--continue', '--resume', '--models', '--recipe', '--debug', 'sessions', 'show', 'stats', 'checkpoint', 'recipe', 'export']) {
      expect(stdout).toContain(word);
    }
    const sub = await runCli(['stats', '-h']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--recipe <name>');
    expect((await runCli(['help', 'export'])).stdout).toContain('-o, --output <path>');
  });
});
