import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

async function afterPickingAlpha(): Promise<AppDriver> {
  const driver = await startApp();
  await driver.runPrompt('which is better');
  const number = /(\d+)\. demo\/alpha/.exec(driver.frame())?.[1] ?? '1';
  await driver.submit(number);
  await driver.waitFor('Voted for: demo/alpha');
  return driver;
}

describe('/stats, /history and /cost', () => {
  it('/stats shows the leaderboard for this session; /stats all for every session; Esc closes', async () => {
    app = await afterPickingAlpha();
    await app.submit('/stats');
    let frame = await app.waitFor('Stats: this session');
    // one comparison each: no rating yet
    expect(frame).toMatch(/demo\/alpha\s+—\s+—\s+1\s+100%/);
    expect(frame).toMatch(/demo\/beta\s+—\s+—\s+1\s+0%/);
    await app.press(KEY.escape);
    expect(app.frame()).not.toContain('Stats: this session');
    await app.submit('/stats all');
    frame = await app.waitFor('Stats: all sessions');
    expect(frame).toMatch(/demo\/alpha\s+—\s+—\s+1\s+100%/);
    await app.press(KEY.escape);
    await app.submit('/stats everything');
    await app.waitFor('Usage: /stats [all]');
  });

  it("/history shows each model's turns and switches model with the arrows", async () => {
    app = await afterPickingAlpha();
    await app.submit('/history');
    let frame = await app.waitFor('History: demo/alpha');
    expect(frame).toContain('you › which is better');
    expect(frame).toContain('model › [demo/alpha] You asked');
    await app.press(KEY.right);
    frame = await app.waitFor('History: demo/beta');
    expect(frame).toContain('model › [demo/beta] You asked');
  });

  it("/cost shows this process's and the session's spend per model", async () => {
    app = await afterPickingAlpha();
    await app.submit('/cost');
    const frame = await app.waitFor('this process');
    expect(frame).toMatch(/demo\/alpha\s+\$0\.\d{4}\s+\$0\.\d{4}\s+\d+→\d+/);
    expect(frame).toMatch(/total\s+\$0\.\d{4}\s+\$0\.\d{4}/);
  });
});
