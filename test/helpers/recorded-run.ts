// A run recorded the way the app records it, and a project tree read back, for the rewind and redo tests.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import { applyWrites, snapshotFiles } from '../../store/file-snapshots.js';
import type { FileWrite } from '../../store/types.js';
import { response } from './store-fixture.js';

export /** One run as the app records it: model `a` proposes `writes`, the user picks it and its writes are applied. */
async function runAndApply(store: Store, project: string, prompt: string, writes: FileWrite[]): Promise<number> {
  const responses = [response('a', { text: `a: ${prompt}`, proposedWrites: writes }), response('b', { text: `b: ${prompt}` })];
  const historyLengths = await store.appendHistories(['a', 'b'], responses, prompt);
  await store.persistRunState(prompt, responses, null, []);
  const feedIndex = store.metadata().runs.length - 1;
  await store.pushRewindEntry({ historyLengths, feedIndex, prompt });
  if (writes.length > 0) {
    const snaps = await snapshotFiles(writes, project);
    const applied = await applyWrites(writes, project);
    await store.pushFileSnapshots(snaps);
    await store.recordSelection({ prompt, selectedModelId: 'a', responses, appliedFiles: applied });
    await store.updateLastRunNote(`Applied: ${applied.join(', ')}`);
  }
  return feedIndex;
}

export async function tree(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = await readFile(path, 'utf8');
    }
  };
  await walk(root, '');
  return files;
}

