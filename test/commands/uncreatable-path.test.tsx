import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('a write to a path that cannot be created', () => {
  it('/save and /export fail at once with one line naming the path (a directory under /proc used to hang)', async () => {
    app = await startApp();
    await app.submit('/save /proc/nope/x.md');
    const saved = await app.waitFor('/save failed', 1500);
    expect(saved).toContain('could not write /proc/nope/x.md: cannot create the directory /proc/nope');
    await app.submit('/export /proc/nope/report.md');
    const exported = await app.waitFor('/export failed', 1500);
    expect(exported).toContain('could not write /proc/nope/report.md: cannot create the directory /proc/nope');
  });
});
