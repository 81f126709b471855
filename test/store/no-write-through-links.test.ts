// A data file that is a symbolic link (a repository can ship data/ with links in it) is never written
// through: the write is refused naming the file, and the link's target stays as it was.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableFile, writeDurably } from '../../store/durable-file.js';
import { appendPromptHistory } from '../../store/prompt-history.js';
import { tempDir } from '../helpers/temp-dir.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { runCli } from '../cli/run-cli.js';

async function victimAndData(): Promise<{ victim: string; data: string }> {
  const root = await tempDir('bakeoff-links-');
  const victim = join(root, 'victim.txt');
  await writeFile(victim, 'precious');
  const data = join(root, 'data');
  await mkdir(join(data, 'sessions'), { recursive: true });
  return { victim, data };
}

describe('no writes through a link', () => {
  it('writeDurably refuses a link, naming it', async () => {
    const { victim, data } = await victimAndData();
    const link = join(data, 'recipes.json');
    await symlink(victim, link);
    await expect(writeDurably(link, 'x')).rejects.toThrow(`${link} is a symbolic link`);
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });

  it('the prompt history is appended with O_NOFOLLOW', async () => {
    const { victim, data } = await victimAndData();
    const link = join(data, 'prompt_history.jsonl');
    await symlink(victim, link);
    await expect(appendPromptHistory(link, 'hello')).rejects.toThrow(`could not write ${link}: it is a symbolic link`);
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });

  it("a session file that is a link is refused by its DurableFile, the target untouched", async () => {
    const { victim, data } = await victimAndData();
    const link = join(data, 'session_metadata.json');
    await symlink(victim, link);
    await expect(new DurableFile(link).write(() => '{}')).rejects.toThrow(`could not write ${link}: it is a symbolic link`);
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });

  it('the read-only `bakeoff stats` does not overwrite a linked stats-cache.json, and says so', async () => {
    const { victim } = await victimAndData();
    const data = await copyErrataFixture();
    await rm(join(data, 'stats-cache.json'), { force: true });
    await symlink(victim, join(data, 'stats-cache.json'));
    const result = await runCli(['stats', '-d', data]);
    expect(result.stderr).toContain(`not writing ${join(data, 'stats-cache.json')}: it is a symbolic link`);
    expect(await readFile(victim, 'utf8')).toBe('precious');
  });
});
