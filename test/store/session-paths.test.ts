import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { resolveSessionId } from '../../store/manage/session-resolve.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('session ids and paths', () => {
  it('new ids are ses_ + lowercase UUIDv7 and sort by creation time', async () => {
    const first = newSessionId();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const second = newSessionId();
    expect(first).toMatch(/^ses_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < second).toBe(true);
  });

  it('lays out the data directory as data-format.md says', () => {
    expect(dataLayout('/d')).toEqual({
      root: '/d',
      promptHistory: '/d/prompt_history.jsonl',
      recipeStore: '/d/recipes.json',
      recipes: '/d/recipes',
      sessions: '/d/sessions',
      outputs: '/d/outputs',
      trash: '/d/trash',
      staging: '/d/staging',
    });
    expect(sessionPathsFor('/d/sessions', 'ses_1')).toEqual({
      dir: '/d/sessions/ses_1',
      metadataPath: '/d/sessions/ses_1/session_metadata.json',
      contentPath: '/d/sessions/ses_1/session_content.json',
      checkpointPath: '/d/sessions/ses_1/checkpoint.json',
      recipePath: '/d/sessions/ses_1/recipe.md',
    });
  });

  it.each(['..', '.', '', 'a/b', 'a\\b', 'a\0b', '../ses_x', 'ses_\x1b]2;x\x07', 'ses_\u202e', 'ses_\n', '.hidden', 'x'.repeat(201)])('rejects %j before touching the disk', async (name) => {
    expect(() => sessionPathsFor('/d/sessions', name)).toThrow('invalid session id');
    await expect(resolveSessionId('/nonexistent', name)).rejects.toThrow('invalid session id');
  });

  it('resolves a whole id, a unique prefix, and prefers an exact match over a longer one', async () => {
    const sessions = await tempDir();
    for (const id of ['ses_aa', 'ses_aab', 'ses_b1']) await mkdir(join(sessions, id));
    expect(await resolveSessionId(sessions, 'ses_b')).toBe('ses_b1');
    expect(await resolveSessionId(sessions, 'ses_aa')).toBe('ses_aa');
  });

  it('says which sessions an ambiguous prefix matches, and when nothing matches', async () => {
    const sessions = await tempDir();
    for (const id of ['ses_a1', 'ses_a2']) await mkdir(join(sessions, id));
    await expect(resolveSessionId(sessions, 'ses_a')).rejects.toThrow('ambiguous: ses_a1, ses_a2');
    await expect(resolveSessionId(sessions, 'ses_z')).rejects.toThrow('no session matches "ses_z"');
  });
});
