// The data for `bakeoff sessions --search` at scale: every session of the stats bench data gets a
// session_content.json (each run's prompt, three answers and the histories), one word in one session only.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promptHash } from '../store/text.js';
import { MODELS } from './big-session.js';

/** A word only session `session` holds (in one answer), so a search for it hits exactly one session. */
export function rareWord(session: number): string {
  return `walrus${session}x`;
}

/** Adds the content of `runsPerSession` runs to each session of `sessionsDir` (as writeManySessions numbers them). */
export async function writeSearchContent(sessionsDir: string, runsPerSession: number, needleSession: number): Promise<void> {
  const names = (await readdir(sessionsDir)).sort();
  for (const [s, id] of names.entries()) {
    const runs = Array.from({ length: runsPerSession }, (_, r) => {
      const prompt = `session ${s} prompt ${r}: refactor the parser and keep the tests green`;
      return {
        prompt,
        prompt_hash: promptHash(prompt),
        models: MODELS.map((model) => ({
          model_id: model,
          text: `${model} answers run ${r} of session ${s}${s === needleSession && r === 7 ? ` with a ${rareWord(s)} in it` : ''}.\nThe parser now reads the header once; the tests pass.`,
          events: [],
        })),
      };
    });
    const histories = Object.fromEntries(MODELS.map((model) => [model, runs.flatMap((run) => [{ role: 'user', content: run.prompt }, { role: 'assistant', content: run.models[0].text }])]));
    await writeFile(join(sessionsDir, id, 'session_content.json'), JSON.stringify({ session_id: id, runs, histories }));
  }
}
