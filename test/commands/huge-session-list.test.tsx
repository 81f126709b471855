// /sessions on a data directory where one session's metadata holds a 100 MB first_prompt: the panel opens
// at once with the prompt cut, and the dialog it is handed never holds the whole field.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionsCommand } from '../../src/commands/sessions.js';
import { LISTED_TEXT_CHARS } from '../../store/index.js';
import type { CommandContext } from '../../src/commands/types.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver | undefined;
afterEach(() => app?.unmount());

describe('/sessions with a 100 MB first_prompt', () => {
  it('lists the session cut, quickly, and hands the panel a bounded prompt', async () => {
    const first = await startApp();
    await first.runPrompt('a short prompt');
    await first.submit('s');
    await first.waitFor('Skipped.');
    const path = first.session.store.metadataPath();
    await first.session.store.close();
    first.unmount();
    const metadata = JSON.parse(await readFile(path, 'utf8'));
    metadata.first_prompt = `huge ${'y'.repeat(100 * 1024 * 1024)}`;
    await writeFile(path, JSON.stringify(metadata));

    app = await startApp({ root: dirname(first.data) });
    const started = performance.now();
    await app.submit('/sessions');
    const frame = await app.waitFor('Sessions (2)', 10_000);
    expect(frame).toMatch(/huge y+…/);
    expect(performance.now() - started).toBeLessThan(5_000);

    const result = await sessionsCommand.action({ store: app.session.store } as unknown as CommandContext, '');
    if (result.type !== 'dialog' || result.dialog.kind !== 'sessions') throw new Error(`expected the sessions dialog, got ${result.type}`);
    const prompts = result.dialog.sessions.map((s) => s.firstPrompt);
    expect(prompts.some((p) => p.startsWith('huge y'))).toBe(true);
    expect(Math.max(...prompts.map((p) => p.length))).toBeLessThanOrEqual(LISTED_TEXT_CHARS + 1);
  }, 60_000);
});
