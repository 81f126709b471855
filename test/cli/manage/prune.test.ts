// `bakeoff prune --older-than <age> [--keep <n>]`: sessions last active before the age go to the trash. On
// sessions `bakeoff run` made weeks ago (its clock set back) and on the Errata fixtures.
import { readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataLayout, loadMetadata, saveMetadata, sessionPathsFor } from '../../../store/index.js';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { realWorkspace } from '../../helpers/real-sessions.js';
import { assertBuilt, runCli } from '../run-cli.js';

beforeAll(assertBuilt);

const DAY_MS = 86_400_000;

describe('bakeoff prune on sessions bakeoff run made', () => {
  it('moves the sessions last active before the age to the trash, keeping the newest --keep; restore brings one back', async () => {
    const ws = await realWorkspace();
    const fiftyDays = await ws.session(['write old.txt: fifty days ago'], { agoMs: 50 * DAY_MS });
    const fortyDays = await ws.session(['write older.txt: forty days ago'], { agoMs: 40 * DAY_MS });
    // last active yesterday, though it began long ago
    const resumed = await ws.session(['write long.txt: sixty days ago'], { agoMs: 60 * DAY_MS });
    await ws.record('write later.txt: and yesterday', { session: resumed, agoMs: DAY_MS });
    const today = await ws.session(['write new.txt: today']);

    expect((await ws.cli(['prune', '--older-than', '30d'])).code).toBe(2);
    expect(await ws.sessionIds()).toHaveLength(4);
    // --keep counts the newest sessions, whatever their age: three are kept, so only the oldest goes
    const kept = await ws.cli(['prune', '--older-than', '30d', '--keep', '3', '--yes', '--json']);
    expect(JSON.parse(kept.stdout)).toEqual({ trashed: [fiftyDays], refused: [] });
    const pruned = await ws.cli(['prune', '--older-than', '30d', '--yes', '--json']);
    expect(JSON.parse(pruned.stdout)).toEqual({ trashed: [fortyDays], refused: [] });
    expect(await ws.sessionIds()).toEqual([resumed, today].sort());
    expect((await ws.cli(['prune', '--older-than', '2d', '--yes'])).stdout).toBe('no session to prune\n');
    expect((await ws.cli(['prune', '--older-than', '12h', '--yes', '--json'])).stdout).toContain(resumed);
    expect((await ws.cli(['restore', fortyDays])).code).toBe(0);
    expect(await ws.sessionIds()).toEqual([fortyDays, today].sort());
  });
});

describe('bakeoff prune on the Errata fixtures', () => {
  it('moves sessions last active before the age to the trash, keeping the newest --keep', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const layout = dataLayout(data);
    const ids = (await readdir(layout.sessions)).sort();
    // two sessions go quiet for 40 and 50 days
    for (const [index, id] of ids.slice(0, 2).entries()) {
      const path = sessionPathsFor(layout.sessions, id).metadataPath;
      const meta = (await loadMetadata(path))!;
      await saveMetadata(path, { ...meta, last_active_at: new Date(Date.now() - (40 + index * 10) * DAY_MS).toISOString() });
    }
    expect((await runCli(['prune', '--older-than', '30d'], { dataDir: data })).code).toBe(2);
    const kept = await runCli(['prune', '--older-than', '30d', '--keep', '2', '--yes', '--json'], { dataDir: data });
    expect(JSON.parse(kept.stdout).trashed).toEqual([ids[1]]);
    const pruned = await runCli(['prune', '--older-than', '30d', '--yes', '--json'], { dataDir: data });
    expect(JSON.parse(pruned.stdout).trashed).toEqual([ids[0]]);
    expect((await readdir(layout.sessions)).sort()).toEqual([ids[2]]);
  });

  it.each([
    [['--older-than', '30 days'], 'bakeoff: --older-than must be an age such as 90m, 12h, 30d or 2w (got "30 days")'],
    [['--older-than', '-1d'], 'bakeoff: --older-than must be an age such as 90m, 12h, 30d or 2w (got "-1d")'],
    [['--older-than', '1d', '--keep', 'abc'], 'bakeoff: --keep must be a number of sessions (got "abc")'],
    [['--older-than', '1d', '--keep', '-1'], 'bakeoff: --keep must be a number of sessions (got "-1")'],
  ])('%j is a usage error that names the value', async (args, line) => {
    const result = await runCli(['prune', ...args], { dataDir: await copyErrataFixture() });
    expect(result).toMatchObject({ code: 2, stdout: '', stderrLines: [line] });
  });
});
