// A file name is one line wherever a subcommand lists it: a model (or a hostile data file) that names a file
// `ok.txt\n\nPicked: none …\nfake\tline.txt` cannot forge lines in `show`, `rewind --dry-run` or a Markdown
// export; its newlines and tab are shown as ␊ and ␉.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { realWorkspace } from '../helpers/real-sessions.js';
import { assertBuilt } from './run-cli.js';

beforeAll(assertBuilt);

const forged = 'ok.txt\n\nPicked: none · Skipped.\nfake\tline.txt';
const shown = 'ok.txt␊␊Picked: none · Skipped.␊fake␉line.txt';

async function editJson(path: string, edit: (value: any) => void): Promise<void> {
  const value = JSON.parse(await readFile(path, 'utf8'));
  edit(value);
  await writeFile(path, JSON.stringify(value));
}

/** A real session of one picked run whose written file, in every file of the session, has the forged name. */
async function sessionWithForgedName() {
  const ws = await realWorkspace();
  const id = await ws.session(['write ok.txt: hi']);
  const dir = ws.sessionDir(id);
  await editJson(join(dir, 'session_content.json'), (content) => {
    for (const model of content.runs[0].models) for (const write of model.proposed_writes ?? []) write.path = forged;
  });
  await editJson(join(dir, 'session_metadata.json'), (metadata) => {
    metadata.runs[0].applied_files = [forged];
  });
  await editJson(join(dir, 'rewind.json'), (rewind) => {
    rewind.entries[0].files[0].path = join(rewind.entries[0].project_root, forged);
  });
  return { ws, id };
}

describe('a file name with newlines and a tab', () => {
  it('stays on its line in show, rewind --dry-run and a Markdown export', async () => {
    const { ws, id } = await sessionWithForgedName();
    const show = await ws.cli(['show', id]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`changes by demo/alpha: ${shown}\n`);
    expect(show.stdout).not.toMatch(/^Picked: none/m);

    const plan = await ws.cli(['rewind', id, '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(shown);
    expect(plan.stdout).not.toMatch(/^Picked: none|^fake/m);

    const out = join(ws.project, '..', 'report.md');
    expect((await ws.cli(['export', id, '-o', out])).code).toBe(0);
    const report = await readFile(out, 'utf8');
    expect(report).toContain(`- **Applied files:** ${shown}`);
    expect(report).toContain(`proposed writes: ${shown}`);
    expect(report).not.toMatch(/^Picked: none|^fake/m);
  });
});
