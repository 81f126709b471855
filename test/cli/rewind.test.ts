// `bakeoff rewind`: the headless undo, through the built binary, on a session recorded the way the app records it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store, applyWrites, dataLayout, loadMetadata, newSessionId, newSessionMetadata, sessionPathsFor, snapshotFiles } from '../../store/index.js';
import type { FileWrite } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { response } from '../helpers/store-fixture.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

interface Recorded {
  data: string;
  project: string;
  id: string;
}

/** Three runs, each applying model a's writes: main.go v1, then v2 + new.go, then main.go deleted. */
async function recordSession(): Promise<Recorded> {
  const root = await tempDir();
  const data = join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  await writeFile(join(project, 'main.go'), 'v0\n');
  const layout = dataLayout(data);
  const id = newSessionId();
  const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: sessionPathsFor(layout.sessions, id), sessionId: id, meta: newSessionMetadata(id, ['a', 'b']), projectRoot: project });
  const runs: [string, FileWrite[]][] = [
    ['one', [{ path: 'main.go', content: 'v1\n' }]],
    ['two', [{ path: 'main.go', content: 'v2\n' }, { path: 'new.go', content: 'package x\n' }]],
    ['three', [{ path: 'main.go', content: '', delete: true }]],
  ];
  for (const [prompt, writes] of runs) {
    const responses = [response('a', { proposedWrites: writes }), response('b')];
    const [historyLengths] = await Promise.all([store.appendHistories(['a', 'b'], responses, prompt), store.persistRunState(prompt, responses, null, [])]);
    await store.pushRewindEntry({ historyLengths, feedIndex: store.metadata().runs.length - 1, prompt });
    const snaps = await snapshotFiles(writes, project);
    const applied = await applyWrites(writes, project);
    await store.pushFileSnapshots(snaps);
    await store.recordSelection({ prompt, selectedModelId: 'a', responses, appliedFiles: applied });
    await store.updateLastRunNote(`Applied: ${applied.join(', ')}`);
  }
  await store.close();
  return { data, project, id };
}

describe('bakeoff rewind', () => {
  it('--dry-run prints the plan and changes nothing', async () => {
    const { data, project, id } = await recordSession();
    const result = await runCli(['rewind', id.slice(0, 20), '--to', '2', '--dry-run', '-d', data]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('undo 2 runs');
    expect(result.stdout).toMatch(/recreate\s+main\.go/);
    expect(result.stdout).toMatch(/delete\s+new\.go/);
    expect(result.stdout).toContain('+v1');
    expect(result.stdout).toContain('a -4 turns');
    await expect(readFile(join(project, 'new.go'), 'utf8')).resolves.toBe('package x\n');
    expect((await loadMetadata(join(data, 'sessions', id, 'session_metadata.json')))!.runs).toHaveLength(3);
  });

  it('undoes runs from another directory, in the project the runs wrote to, and marks them rewound', async () => {
    const { data, project, id } = await recordSession();
    const result = await runCli(['rewind', id, '--to', '2', '--json', '-d', data], { cwd: '/' });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.runs.map((r: { run: number }) => r.run)).toEqual([3, 2]);
    expect(out.restored_prompt).toBe('two');
    expect(await readFile(join(project, 'main.go'), 'utf8')).toBe('v1\n');
    await expect(readFile(join(project, 'new.go'), 'utf8')).rejects.toThrow();
    const runs = (await loadMetadata(join(data, 'sessions', id, 'session_metadata.json')))!.runs;
    expect(runs.map((r) => r.note)).toEqual(['Applied: main.go', '[rewound] Applied: main.go, new.go', '[rewound] Applied: main.go', undefined, undefined]);
  });

  it('--code-only restores files and keeps the conversation; --conversation-only the reverse', async () => {
    const code = await recordSession();
    expect((await runCli(['rewind', code.id, '--to', '1', '--code-only', '-d', code.data])).code).toBe(0);
    expect(await readFile(join(code.project, 'main.go'), 'utf8')).toBe('v0\n');
    const content = JSON.parse(await readFile(join(code.data, 'sessions', code.id, 'session_content.json'), 'utf8'));
    expect(content.histories.a).toHaveLength(6);

    const talk = await recordSession();
    expect((await runCli(['rewind', talk.id, '--to', '1', '--conversation-only', '-d', talk.data])).code).toBe(0);
    await expect(readFile(join(talk.project, 'main.go'), 'utf8')).rejects.toThrow();
    const kept = JSON.parse(await readFile(join(talk.data, 'sessions', talk.id, 'session_content.json'), 'utf8'));
    expect(kept.histories).toBeUndefined();
  });

  it('refuses to overwrite a file edited since, naming it, until --force', async () => {
    const { data, project, id } = await recordSession();
    await writeFile(join(project, 'new.go'), 'my edit\n');
    const refused = await runCli(['rewind', id, '--to', '2', '-d', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderrLines).toHaveLength(1);
    expect(refused.stderr).toContain(join(project, 'new.go'));
    expect(refused.stderr).toContain('--force');
    expect(await readFile(join(project, 'new.go'), 'utf8')).toBe('my edit\n');
    expect((await runCli(['rewind', id, '--to', '2', '--force', '-d', data])).code).toBe(0);
    await expect(readFile(join(project, 'new.go'), 'utf8')).rejects.toThrow();
  });

  it('the newest run by default; a run that cannot be undone is a usage error listing the ones that can', async () => {
    const { data, id } = await recordSession();
    const bad = await runCli(['rewind', id, '--to', '9', '-d', data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('these can: #3, #2, #1');
    const last = await runCli(['rewind', id, '--json', '-d', data]);
    expect(JSON.parse(last.stdout).runs).toEqual([{ run: 3, prompt: 'three' }]);
    await runCli(['rewind', id, '--to', '1', '-d', data]);
    const nothing = await runCli(['rewind', id, '-d', data]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toBe(`bakeoff: session ${id} has nothing to undo\n`);
  });

  it('--code-only and --conversation-only together is a usage error', async () => {
    const { data, id } = await recordSession();
    const both = await runCli(['rewind', id, '--code-only', '--conversation-only', '-d', data]);
    expect(both.code).toBe(2);
    expect(both.stderrLines).toHaveLength(1);
  });
});
