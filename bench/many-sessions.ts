// Builds a data directory of many sessions with many runs each, for stats at scale.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataLayout, newSessionMetadata } from '../store/index.js';
import type { RunSummary } from '../store/index.js';
import { promptHash } from '../store/text.js';
import { MODELS } from './big-session.js';

export async function writeManySessions(root: string, sessions: number, runsPerSession: number): Promise<string> {
  const dataDir = join(root, 'data');
  const sessionsDir = dataLayout(dataDir).sessions;
  for (let s = 0; s < sessions; s++) {
    const id = `ses_01950000-0000-7000-8000-${s.toString(16).padStart(12, '0')}`;
    const runs: RunSummary[] = Array.from({ length: runsPerSession }, (_, r) => {
      const prompt = `session ${s} prompt ${r}`;
      const rewind = r > 0 && r % 13 === 0;
      return rewind
        ? { timestamp: '2026-01-01T00:00:00Z', prompt_hash: promptHash(`session ${s} prompt ${r - 1}`), prompt_preview: '', models: null, type: 'rewind' }
        : {
            timestamp: new Date(Date.UTC(2026, 0, 1, 0, s, r)).toISOString(),
            prompt_hash: promptHash(prompt),
            prompt_preview: prompt,
            models: MODELS,
            selected: MODELS[(s + r) % 3],
            latencies_ms: { 'demo/alpha': 300 + r, 'demo/beta': 400 + r, 'demo/gamma': 500 + r },
            costs_usd: { 'demo/alpha': 0.001, 'demo/beta': 0.002, 'demo/gamma': 0.0005 },
            input_tokens: { 'demo/alpha': 1200, 'demo/beta': 1200, 'demo/gamma': 1200 },
            output_tokens: { 'demo/alpha': 300, 'demo/beta': 310, 'demo/gamma': 320 },
            tool_calls: { 'demo/alpha': { read_file: 2 } },
            proposed_writes_count: { 'demo/alpha': 1 },
            config_hash: 'rcp_v1_' + '0'.repeat(64),
            note: `Voted for: ${MODELS[(s + r) % 3]}`,
          };
    });
    const meta = { ...newSessionMetadata(id, MODELS, new Date(Date.UTC(2026, 0, 1, 0, s)).toISOString()), prompt_count: runsPerSession, first_prompt: 'first', runs };
    await mkdir(join(sessionsDir, id), { recursive: true });
    await writeFile(join(sessionsDir, id, 'session_metadata.json'), JSON.stringify(meta));
  }
  return dataDir;
}
