// `bakeoff stats` over several sessions whose metadata each holds a 40 MB first_prompt: they are read one at a
// time (a byte budget on what is read at once), so memory holds one of them, never all eight side by side.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A } from './fixture-ids.js';

beforeAll(assertBuilt);

describe('stats over big metadata files', () => {
  it('reads eight 40 MB metadata files in well under their sum of memory', async () => {
    const data = await copyErrataFixture();
    const source = JSON.parse(await readFile(join(data, 'sessions', SESSION_A, 'session_metadata.json'), 'utf8'));
    const prompt = 'p'.repeat(40 * 1024 * 1024);
    for (let i = 0; i < 8; i++) {
      const id = `ses_01950000-0000-7000-8000-${String(i).padStart(12, 'f')}`;
      await mkdir(join(data, 'sessions', id));
      await writeFile(join(data, 'sessions', id, 'session_metadata.json'), JSON.stringify({ ...source, id, first_prompt: prompt }));
    }
    const preload = fileURLToPath(new URL('../helpers/report-max-rss.cjs', import.meta.url));
    const result = await runCli(['stats', '--json', '-d', data], { env: { NODE_OPTIONS: `--require ${preload}` }, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTruthy();
    const maxRssKb = Number(/max-rss-kb (\d+)/.exec(result.stderr)?.[1]);
    // eight files side by side were 800 MB; one at a time about 330 MB
    expect(maxRssKb / 1024).toBeLessThan(550);
  }, 90_000);
});
