// The stats panel counts a fork's copied runs once, in their source (fork.json), as `bakeoff stats` does.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStatsFilters } from '../../src/commands/stats-view.js';
import { openSession } from '../../src/session/open-session.js';
import { realWorkspace } from '../helpers/real-sessions.js';
import { assertBuilt } from '../cli/run-cli.js';

beforeAll(assertBuilt);

describe('/stats and forks', () => {
  it('a session forked twice: its pick counts once over every session, and not at all in the fork alone', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    let forkId = '';
    for (let i = 0; i < 2; i++) forkId = (JSON.parse((await ws.cli(['fork', id, '--json'])).stdout) as { session_id: string }).session_id;
    const opened = await openSession({ dataDir: ws.data, resume: forkId, readOnly: true });
    try {
      const every = (await loadStatsFilters(opened.store)).find((filter) => filter.label === 'every recipe');
      expect(every?.all.find((row) => row.modelId === 'demo/alpha')).toMatchObject({ wins: 1, participations: 1 });
      expect(every?.session).toEqual([]);
    } finally {
      await opened.store.close();
    }
  });
});
