import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('/rewind', () => {
  it('undoes the newest run: its file goes, the feed and the metadata say [rewound], a marker is appended', async () => {
    app = await startApp();
    await app.runPrompt('write made.txt: new file');
    await app.submit('1');
    await app.waitFor('Applied: made.txt');
    await stat(join(app.project, 'made.txt'));

    await app.submit('/rewind list');
    let frame = await app.waitFor('Rewind stack (1)');
    expect(frame).toMatch(/1\. write made\.txt: new file\s+picked demo\/(alpha|beta)/);
    expect(frame).toContain('deletes made.txt');
    await app.press('\u001B');

    await app.submit('/rewind');
    frame = await app.waitFor('Rewound: write made.txt: new file');
    expect(frame).toContain('[rewound] Applied: made.txt');
    expect(frame).toContain('rewind 0');
    await expect(stat(join(app.project, 'made.txt'))).rejects.toThrow();
    await app.session.store.flush();
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].note).toBe('[rewound] Applied: made.txt');
    expect(meta.runs[1].type).toBe('rewind');
  });

  it('says when there is nothing to rewind, and /rewind last is /rewind', async () => {
    app = await startApp();
    await app.submit('/rewind last');
    await app.waitFor('Nothing to rewind.');
    await app.submit('/rewind everything');
    await app.waitFor('Usage: /rewind [last|list]');
  });
});
