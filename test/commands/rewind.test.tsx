import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

async function runAndKeep(prompt: string, note: string): Promise<void> {
  await app.runPrompt(prompt);
  await app.submit('1');
  await app.waitFor(note);
}

describe('/rewind', () => {
  it('/rewind last undoes the newest run: its file goes, the feed and the metadata say [rewound], a marker is appended, the prompt is back in the input', async () => {
    app = await startApp();
    await runAndKeep('write made.txt: new file', 'Applied: made.txt');
    await stat(join(app.project, 'made.txt'));

    await app.submit('/rewind list');
    let frame = await app.waitFor('Rewind to a run (1 undoable)');
    expect(frame).toMatch(/❯ 1\.\s+#1\s+.*write made\.txt: new file\s+demo\/(alpha|beta)\s+made\.txt/);
    await app.waitFor(/delete\s+made\.txt/);
    await app.press(KEY.escape);

    await app.submit('/rewind last');
    frame = await app.waitFor('Rewound #1: write made.txt: new file');
    expect(frame).toContain('[rewound] Applied: made.txt');
    expect(frame).toContain('rewind 0');
    expect(frame).toMatch(/│ > write made\.txt: new file\s*│/);
    await expect(stat(join(app.project, 'made.txt'))).rejects.toThrow();
    await app.session.store.flush();
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].note).toBe('[rewound] Applied: made.txt');
    expect(meta.runs[1].type).toBe('rewind');
  });

  it('/rewind last never overwrites a file changed by hand: it says which and points at the picker', async () => {
    app = await startApp();
    await runAndKeep('write made.txt: new file', 'Applied: made.txt');
    await writeFile(join(app.project, 'made.txt'), 'my own edit');
    await app.submit('/rewind last');
    const frame = await app.waitFor('Nothing was rewound: made.txt changed since bakeoff wrote it.');
    expect(frame.replace(/\s+/g, ' ')).toContain('/rewind shows the change and asks before overwriting');
    expect(await readFile(join(app.project, 'made.txt'), 'utf8')).toBe('my own edit');
    expect(app.frame()).toContain('rewind 1');
    expect(app.session.store.metadata().runs).toHaveLength(1);
  });

  it('says when there is nothing to rewind, in every form; anything else gets the usage', async () => {
    app = await startApp();
    await app.submit('/rewind last');
    await app.waitFor('Nothing to rewind.');
    await app.submit('/rewind');
    await app.waitFor(/Nothing to rewind\.[\s\S]*Nothing to rewind\./);
    expect(app.frame()).not.toContain('Rewind to a run');
    await app.submit('/rewind everything');
    await app.waitFor('Usage: /rewind [last|list]');
  });
});
