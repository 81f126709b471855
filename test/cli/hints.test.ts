// Every command printed as advice can be pasted as is: with `-d <dir>` when the data directory is not the default.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SessionLock } from '../../store/session-lock.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B } from './fixture-ids.js';

beforeAll(assertBuilt);

describe('printed hints carry -d when the data directory is not the default', () => {
  it("checkpoint's `To finish it` names the data directory given with -d", async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['checkpoint', SESSION_B, '-d', data]);
    expect(code).toBe(0);
    expect(stdout).toContain(`To finish it: bakeoff -d ${data} --resume ${SESSION_B}, then /resume`);
  });

  it('the lock refusal suggests a `bakeoff show` that reads the same data directory', async () => {
    const data = await copyErrataFixture();
    const lock = await SessionLock.acquire(join(data, 'sessions', SESSION_A), SESSION_A);
    try {
      const { code, stderrLines } = await runCli(['-d', data, 'rewind', SESSION_A]);
      expect(code).toBe(1);
      expect(stderrLines).toEqual([expect.stringContaining(`close it there first (bakeoff -d ${data} show ${SESSION_A} reads it meanwhile)`)]);
    } finally {
      await lock.release();
    }
  });

  it('no -d when the directory is the default one (./data or $BAKEOFF_DATA_DIR)', async () => {
    const data = await copyErrataFixture();
    const { stdout } = await runCli(['checkpoint', SESSION_B], { dataDir: data });
    expect(stdout).toContain(`To finish it: bakeoff --resume ${SESSION_B}, then /resume`);
    const fromCwd = await runCli(['checkpoint', SESSION_B, '-d', './data'], { cwd: join(data, '..') });
    expect(fromCwd.stdout).toContain(`To finish it: bakeoff --resume ${SESSION_B}, then /resume`);
  });
});
