// Builds a session of a given size on disk, as bakeoff would have written it after many runs.
import { join } from 'node:path';
import { dataLayout, newSessionId, newSessionMetadata, saveContent, saveMetadata, sessionPathsFor } from '../store/index.js';
import type { ConversationTurn, RunContent, RunSummary, SessionPaths } from '../store/index.js';
import { promptHash } from '../store/text.js';

export const MODELS = ['demo/alpha', 'demo/beta', 'demo/gamma'];

/** Text of about `bytes` bytes that varies between runs (so nothing dedupes by accident). */
export function answerText(run: number, model: string, bytes: number): string {
  const line = `${model} answer to run ${run}: the quick brown fox jumps over the lazy dog. `;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

export interface BigSession {
  dataDir: string;
  sessionId: string;
  paths: SessionPaths;
  runs: number;
}

/** A session whose files add up to about `targetBytes`, three models answering 8 KB per run. */
export async function writeBigSession(root: string, targetBytes: number, answerBytes = 8 * 1024): Promise<BigSession> {
  const dataDir = join(root, 'data');
  const sessionId = newSessionId();
  const paths = sessionPathsFor(dataLayout(dataDir).sessions, sessionId);
  const bytesPerRun = MODELS.length * answerBytes * 2 + 1200;
  const runCount = Math.max(1, Math.round(targetBytes / bytesPerRun));
  const runs: RunContent[] = [];
  const summaries: RunSummary[] = [];
  const histories: Record<string, ConversationTurn[]> = Object.fromEntries(MODELS.map((m) => [m, []]));
  for (let run = 0; run < runCount; run++) {
    const prompt = `prompt number ${run}: make the thing better`;
    const texts = MODELS.map((model) => answerText(run, model, answerBytes));
    runs.push({ prompt, prompt_hash: promptHash(prompt), models: MODELS.map((model, i) => ({ model_id: model, text: texts[i], events: [{ type: 'text', data: 'streamed' }], stop_reason: 'complete' })) });
    summaries.push({
      timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, run)).toISOString(),
      prompt_hash: promptHash(prompt),
      prompt_preview: prompt,
      models: MODELS,
      selected: MODELS[run % 3],
      latencies_ms: Object.fromEntries(MODELS.map((m) => [m, 300 + run % 100])),
      costs_usd: Object.fromEntries(MODELS.map((m) => [m, 0.001])),
      input_tokens: Object.fromEntries(MODELS.map((m) => [m, 1000])),
      output_tokens: Object.fromEntries(MODELS.map((m) => [m, 2000])),
      note: `Voted for: ${MODELS[run % 3]}`,
    });
    MODELS.forEach((model, i) => histories[model].push({ role: 'user', content: prompt }, { role: 'assistant', content: texts[i] }));
  }
  const meta = { ...newSessionMetadata(sessionId, MODELS, summaries[0].timestamp), prompt_count: runCount, runs: summaries };
  await saveContent(paths.contentPath, { session_id: sessionId, runs, histories });
  await saveMetadata(paths.metadataPath, meta);
  return { dataDir, sessionId, paths, runs: runCount };
}
