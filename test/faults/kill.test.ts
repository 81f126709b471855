// kill -9 anywhere (issue #5): a writer child is SIGKILLed at random moments; after every kill each
// data file parses, nothing acknowledged is lost, and the next writer continues the session.
// `npm run test:faults` runs the long version (BAKEOFF_FAULT_KILLS, default 300 there).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKillHarness } from './kill-harness.js';
import { tempDir } from '../helpers/temp-dir.js';

const kills = Number(process.env.BAKEOFF_FAULT_KILLS ?? 25);
const seed = process.env.BAKEOFF_FAULT_SEED === undefined ? undefined : Number(process.env.BAKEOFF_FAULT_SEED);

describe('kill -9 anywhere', () => {
  it(`${kills} SIGKILLs at random moments leave no torn file and lose no acknowledged record`, { timeout: 120_000 + kills * 2_000 }, async () => {
    const dataDir = join(await tempDir('bakeoff-kill-'), 'data');
    const report = await runKillHarness({ kills, dataDir, seed });
    const summary = `kills: ${report.kills}, torn files: ${report.tornFiles.length}, lost records: ${report.lostRecords.length}`;
    const details = [
      `sessions: ${report.sessions}`,
      `records acknowledged: ${report.acknowledged}`,
      `kills before the session was open: ${report.killsBeforeOpen}`,
      `kills leaving recipes.json.lock: ${report.recipeLocksLeft}`,
      `recipe puts refused on that lock: ${report.recipePutsRefused.length}`,
      `stray temp files: ${report.strayTempFiles.length}`,
      `seed: ${report.seed}`,
      `${(report.durationMs / 1000).toFixed(1)} s`,
    ];
    console.log(`${summary} (${details.join(', ')})`);
    expect(report.tornFiles).toEqual([]);
    expect(report.lostRecords).toEqual([]);
    expect(report.writerFailures).toEqual([]);
    expect(report.kills).toBe(kills);
    expect(report.acknowledged).toBeGreaterThan(kills);
  });
});
