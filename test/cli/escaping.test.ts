// The subcommands on a data directory a hostile repository shipped: escape sequences and bidi overrides in
// prompts, notes, model ids, answers, file names and a session directory's name are printed visible (␛),
// in text, JSON and Markdown exports alike, and never raw.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A } from './fixture-ids.js';

const evil = '\x1b]2;PWNED\x07\x1b]52;c;UFdORUQ=\x07\x1b[8m\u202E\u009b2J';
const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let data: string;
beforeAll(() => assertBuilt());
beforeEach(async () => {
  data = await copyErrataFixture();
  const dir = join(data, 'sessions', SESSION_A);
  const metadataPath = join(dir, 'session_metadata.json');
  const metadata = JSON.parse(await readFile(metadataPath, 'utf8'));
  metadata.first_prompt = `fix ${evil}`;
  metadata.models = [...metadata.models, `evil/${evil}`];
  metadata.runs[0].prompt_preview = `fix ${evil}`;
  metadata.runs[0].note = `Applied: ${evil}`;
  metadata.runs[0].applied_files = [`${evil}main.go`];
  await writeFile(metadataPath, JSON.stringify(metadata));
  const contentPath = join(dir, 'session_content.json');
  const content = JSON.parse(await readFile(contentPath, 'utf8'));
  content.runs[0].prompt = `fix ${evil}`;
  content.runs[0].models[0].text = `Fixed. ${evil}`;
  content.runs[0].models[0].proposed_writes[0].path = `${evil}main.go`;
  await writeFile(contentPath, JSON.stringify(content));
  // a session directory whose very name is an escape sequence
  await mkdir(join(data, 'sessions', `ses_${evil}`));
});

const commands: [string, string[]][] = [
  ['sessions', ['sessions']],
  ['sessions --json', ['sessions', '--json']],
  ['show', ['show', SESSION_A]],
  ['show --json', ['show', SESSION_A, '--json']],
  ['stats', ['stats']],
  ['stats --json', ['stats', '--json']],
  ['a session id argument', ['show', `ses_${evil}`]],
];

describe('subcommand output', () => {
  it.each(commands)('%s prints no raw control character', async (_name, args) => {
    const { stdout, stderr } = await runCli([...args, '-d', data]);
    expect(stdout).not.toMatch(raw);
    expect(stderr).not.toMatch(raw);
    // text shows ␛, JSON (and a quoted id) its escapes (\u001b), which mean the same strings; stats show no such string
    if (args[0] !== 'stats') expect(stdout + stderr).toMatch(/␛|\\u001b/);
  });

  it.each([
    ['md', 'report.md'],
    ['json', 'report.json'],
  ])('export --format %s writes no raw control character, and the JSON still parses to the same strings', async (format, name) => {
    const out = join(data, '..', name);
    const { code } = await runCli(['export', SESSION_A, '--format', format, '-o', out, '-d', data]);
    expect(code).toBe(0);
    const report = await readFile(out, 'utf8');
    expect(report).not.toMatch(raw);
    if (format === 'json') expect(JSON.stringify(JSON.parse(report))).toContain(JSON.stringify(`Fixed. ${evil}`).slice(1, -1));
    else expect(report).toContain('Fixed. ␛]2;PWNED␇');
  });
});
