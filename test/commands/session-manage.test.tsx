// /rename, /fork, /redo and the sessions panel's delete, in the whole app on a real data directory.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataLayout, loadMetadata, sessionPathsFor } from '../../store/index.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

async function pickFirst(driver: AppDriver, prompt: string, note: string) {
  await driver.runPrompt(prompt);
  await driver.submit('1');
  await driver.waitFor(note);
}

describe('session management in the app', () => {
  it('/rename names the session: the status bar and /sessions show it; a taken title is refused', async () => {
    app = await startApp();
    await app.runPrompt('first');
    await app.submit('s');
    await app.waitFor('Skipped.');
    await app.submit('/rename Bug hunt');
    await app.waitFor(`Session ${app.session.store.sessionId()} is now titled "Bug hunt".`);
    expect(app.frame()).toMatch(/ses_\S{13} Bug hunt │/);
    await app.submit('/sessions');
    await app.waitFor(/❯ ses_\S+ .*Bug hunt/);
    await app.press(KEY.escape);
    await app.submit('/rename ses_nope');
    await app.waitFor('a title cannot start with "ses_"');
  });

  it('/redo takes back /rewind last: the file, the note and the rewind depth come back', async () => {
    app = await startApp();
    await pickFirst(app, 'write notes.txt: kept', 'Applied: notes.txt');
    await app.submit('/rewind last');
    await app.waitFor('Rewound #1');
    await expect(readFile(join(app.project, 'notes.txt'), 'utf8')).rejects.toThrow();
    expect(app.frame()).toContain('redo 1');
    await app.press(KEY.ctrlC);
    await app.submit('/redo');
    await app.waitFor('Redone #1; files put back: notes.txt.', 10_000);
    // alpha writes the text as given, beta in upper case: whichever was fastest is number 1
    expect(await readFile(join(app.project, 'notes.txt'), 'utf8')).toMatch(/^(kept|KEPT)$/);
    // the screen after the redo (the test terminal keeps what was printed before a clear)
    const after = app.frame().slice(app.frame().lastIndexOf('New session'));
    expect(after).toContain('Applied: notes.txt');
    expect(after).not.toContain('[rewound]');
    expect(after).toContain('rewind 1');
    await app.submit('/redo');
    await app.waitFor('Nothing to redo');
  });

  it('/fork 1 starts a new session from the first run and leaves this one as it is', async () => {
    app = await startApp();
    await pickFirst(app, 'write a.txt: one', 'Applied: a.txt');
    await pickFirst(app, 'write b.txt: two', 'Applied: b.txt');
    await app.submit('/fork 1');
    const frame = await app.waitFor(/Forked at run #1: (ses_\S+)\./);
    const forkId = /Forked at run #1: (ses_\S+)\./.exec(frame)![1];
    const layout = dataLayout(app.data);
    const forked = (await loadMetadata(sessionPathsFor(layout.sessions, forkId).metadataPath))!;
    expect(forked.runs.map((run) => run.prompt_preview)).toEqual(['write a.txt: one']);
    expect(app.session.store.metadata().runs).toHaveLength(2);
  });

  it('the sessions panel deletes another session with d and y (to the trash), never the current one', async () => {
    const first = await startApp();
    await first.runPrompt('old session');
    await first.submit('s');
    await first.waitFor('Skipped.');
    const oldId = first.session.store.sessionId();
    await first.session.store.close();
    first.unmount();
    app = await startApp({ root: dirname(first.data) });
    await app.runPrompt('new session');
    await app.submit('s');
    await app.waitFor('Skipped.');
    await app.submit('/sessions');
    await app.waitFor('Sessions (2)');
    await app.press('d');
    await app.waitFor('This is the session open here');
    await app.press('y');
    await app.press(KEY.down);
    await app.press('d');
    await app.waitFor(`Move ${oldId} to the trash? y/n`);
    await app.press('y');
    await app.waitFor(`Moved ${oldId} to the trash`);
    await app.waitFor('Sessions (1)');
    expect(await readdir(dataLayout(app.data).trash)).toContain(oldId);
  });
});
