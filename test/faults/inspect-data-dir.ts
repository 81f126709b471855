// The harness's judge: after a kill, every data file must parse (a torn file is one that does not), and
// everything a writer acknowledged must still be there, runs as a gap-free prefix of `run 0`, `run 1`, ….
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { checkpointSchema, recipeStoreFileSchema, sessionContentSchema, sessionMetadataSchema } from '../../store/schemas.js';
import { dataLayout, parseRecipe, sessionPathsFor } from '../../store/index.js';
import type { ConversationTurn, SessionContent, SessionMetadata } from '../../store/index.js';
import type { AckLog } from './ack-log.js';

export interface Inspection {
  /** files that do not parse, or that something moved aside as corrupt */
  torn: string[];
  /** acknowledged records that are missing, and gaps or disorder in the runs */
  lost: string[];
  /** temporary files of killed writers (not data; the Store removes its session's at the next open) */
  tempFiles: string[];
}

export async function inspectDataDir(dataDir: string, sessionId: string, acks: AckLog): Promise<Inspection> {
  const result: Inspection = { torn: [], lost: [], tempFiles: [] };
  const layout = dataLayout(dataDir);
  const paths = sessionPathsFor(layout.sessions, sessionId);
  for (const path of await walk(dataDir)) {
    if (path.includes('.corrupt-')) result.torn.push(`${path} was moved aside as corrupt`);
  }
  result.tempFiles = await findTempFiles(dataDir);
  const meta = await parseJson(paths.metadataPath, sessionMetadataSchema, result);
  const content = await parseJson(paths.contentPath, sessionContentSchema, result);
  await parseJson(paths.checkpointPath, checkpointSchema, result);
  const recipes = await parseJson(layout.recipeStore, recipeStoreFileSchema, result);
  const rewind = await parseRaw(join(paths.dir, 'rewind.json'), result);
  await parseRaw(join(layout.root, 'locks', `${sessionId}.lock`), result);
  await checkRecipeFile(paths.recipePath, result);
  const prompts = await readPromptHistory(layout.promptHistory, result);

  checkMetadata(meta, acks, result.lost);
  checkContent(content, acks, result.lost);
  checkRewind(rewind, meta?.runs.length ?? 0, acks, result.lost);
  for (const index of acks.prompts) if (!prompts.has(`run ${index}`)) result.lost.push(`prompt "run ${index}" is not in prompt_history.jsonl`);
  for (const hash of acks.recipes) if (!recipes?.[hash]) result.lost.push(`recipe snapshot ${hash} is not in recipes.json`);
  return result;
}

function checkMetadata(meta: SessionMetadata | null, acks: AckLog, lost: string[]): void {
  const runs = meta?.runs ?? [];
  if (runs.length < acks.runCount) lost.push(`session_metadata.json has ${runs.length} runs; ${acks.runCount} were acknowledged`);
  runs.forEach((run, index) => {
    if (run.prompt_preview !== `run ${index}`) lost.push(`session_metadata.json run ${index} is "${run.prompt_preview}" (a gap or disorder)`);
  });
  if (meta && meta.prompt_count !== runs.length) lost.push(`session_metadata.json prompt_count ${meta.prompt_count} but ${runs.length} runs`);
  for (const [index, model] of acks.selected) {
    if (runs[index]?.selected !== model) lost.push(`run ${index} lost its acknowledged selection ${model}`);
  }
  for (const index of acks.notes) if (runs[index]?.note !== `note ${index}`) lost.push(`run ${index} lost its acknowledged note`);
}

function checkContent(content: SessionContent | null, acks: AckLog, lost: string[]): void {
  const runs = content?.runs ?? [];
  if (runs.length < acks.runCount) lost.push(`session_content.json has ${runs.length} runs; ${acks.runCount} were acknowledged`);
  runs.forEach((run, index) => {
    if (run.prompt !== `run ${index}`) lost.push(`session_content.json run ${index} is "${run.prompt}" (a gap or disorder)`);
  });
  for (const [model, turns] of Object.entries(content?.histories ?? {})) checkHistory(model, turns, acks, lost);
}

/** Whole turns (user, assistant, …) whose prompts run 0, 1, 2, … (a run re-sent after a kill may repeat once). */
function checkHistory(model: string, turns: ConversationTurn[], acks: AckLog, lost: string[]): void {
  const prompts: string[] = [];
  turns.forEach((turn, index) => {
    if (turn.role !== (index % 2 === 0 ? 'user' : 'assistant')) lost.push(`history of ${model}: turn ${index} is a ${turn.role} turn out of place`);
    if (turn.role === 'user' && prompts.at(-1) !== turn.content) prompts.push(turn.content);
  });
  prompts.forEach((prompt, index) => {
    if (prompt !== `run ${index}`) lost.push(`history of ${model}: prompt ${index} is "${prompt}" (a gap or disorder)`);
  });
  if (prompts.length < acks.runCount) lost.push(`history of ${model} has ${prompts.length} prompts; ${acks.runCount} runs were acknowledged`);
}

function checkRewind(rewind: unknown, metadataRuns: number, acks: AckLog, lost: string[]): void {
  const entries = (rewind as { entries?: { feed_index: number; prompt: string }[] } | null)?.entries ?? [];
  const onStack = new Set(entries.map((entry) => entry.feed_index));
  for (const entry of entries) {
    if (entry.feed_index >= metadataRuns || entry.prompt !== `run ${entry.feed_index}`) lost.push(`rewind.json entry for run ${entry.feed_index} does not match the metadata`);
  }
  const newest = Math.max(-1, ...acks.rewinds);
  if (newest >= 0 && !onStack.has(newest)) lost.push(`rewind.json lost the acknowledged entry of run ${newest}`);
}

async function parseJson<S extends z.ZodType>(path: string, schema: S, result: Inspection): Promise<z.output<S> | null> {
  const raw = await parseRaw(path, result);
  if (raw === null) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  result.torn.push(`${path}: ${parsed.error.issues[0]?.message}`);
  return null;
}

async function parseRaw(path: string, result: Inspection): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    result.torn.push(`${path}: ${(error as Error).message}`);
    return null;
  }
}

async function checkRecipeFile(path: string, result: Inspection): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return;
  try {
    parseRecipe(text);
  } catch (error) {
    result.torn.push(`${path}: ${(error as Error).message}`);
  }
}

/** The prompts in the file; a line that is not whole (no newline, not a JSON string) is a torn file. */
async function readPromptHistory(path: string, result: Inspection): Promise<Set<string>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const prompts = new Set<string>();
  if (text && !text.endsWith('\n')) result.torn.push(`${path}: the last line is not whole`);
  for (const line of text.split('\n').filter(Boolean)) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'string') throw new Error('not a string');
      prompts.add(value);
    } catch {
      result.torn.push(`${path}: a line is not a whole JSON string: ${line.slice(0, 40)}`);
    }
  }
  return prompts;
}

/** write-file-atomic's `<name>.<uint32>` and the lock's `<id>.lock.<pid>.tmp`, anywhere under `dir`. */
export async function findTempFiles(dir: string): Promise<string[]> {
  return (await walk(dir)).filter((path) => /\.\d+(\.tmp)?$/.test(path));
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}
