// The kill -9 harness's child: records runs into one session as fast as it can, through the Store the
// app uses, and prints one line after each step is durable; the harness checks those lines survive a kill.
// Usage: node writer.mjs <data dir> <session id> [runs]   (with runs: record that many, close, exit 0)
import { IncrementalCheckpointSaver, RecipeStore, Store, dataLayout, loadMetadata, newSessionMetadata, parseRecipe, responseSnapshot, sessionPathsFor } from '../../store/index.js';
import type { EventCollector, EventEntry, ModelResponse } from '../../store/index.js';

const MODELS = ['model-a', 'model-b'];
const RECIPE = parseRecipe('# Harness\nversion: 1\n\n## Models\n- model-a\n- model-b\n');
/** Every few runs a new snapshot goes into recipes.json, under its cross-process lock. */
const RECIPE_PUT_EVERY = 3;

const ack = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<void> {
  const [dataDir, sessionId, runsArg] = process.argv.slice(2);
  const runs = runsArg === undefined ? Infinity : Number(runsArg);
  const layout = dataLayout(dataDir);
  const paths = sessionPathsFor(layout.sessions, sessionId);
  const stored = await loadMetadata(paths.metadataPath, { keepEncodings: true });
  const recipeStore = await RecipeStore.open(layout.recipeStore);
  const store = await Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths: paths,
    sessionId,
    meta: stored ?? newSessionMetadata(sessionId, MODELS),
    recipeStore,
    recipe: RECIPE,
    projectRoot: dataDir,
  });
  for (const file of [...store.quarantined, ...recipeStore.quarantined]) ack(`quarantined ${typeof file === 'string' ? file : file.path}`);
  ack(`open ${store.metadata().prompt_count}`);
  if (!stored) await store.saveInitialMeta();
  for (let done = 0; done < runs; done++) await recordRun(store, recipeStore, store.metadata().prompt_count);
  await store.close();
  ack('closed');
}

async function recordRun(store: Store, recipeStore: RecipeStore, index: number): Promise<void> {
  const prompt = `run ${index}`;
  await store.recordPrompt(prompt);
  ack(`prompt ${index}`);
  const responses = MODELS.map((model) => responseFor(model, index));
  const checkpoint = new IncrementalCheckpointSaver(store.checkpointPath(), prompt, MODELS, false);
  await checkpoint.update(MODELS[0], responseSnapshot({ ...responses[0], interrupted: true }));
  const appended = store.appendHistories(MODELS, responses, prompt);
  const persisted = store.persistRunState(prompt, responses, collectorFor(index), ['read_file']);
  const feedIndex = store.metadata().runs.length - 1;
  const [historyLengths] = await Promise.all([appended, persisted]);
  ack(`run ${index}`);
  await store.clearCheckpoint();
  await store.pushRewindEntry({ historyLengths, feedIndex, prompt });
  ack(`rewind ${index}`);
  const selected = MODELS[index % MODELS.length];
  await store.recordSelection({ prompt, selectedModelId: selected, responses, appliedFiles: null });
  ack(`selected ${index} ${selected}`);
  await store.updateLastRunNote(`note ${index}`);
  ack(`note ${index}`);
  if (index % RECIPE_PUT_EVERY === 0) {
    const hash = recipeStore.put({ version: 1, name: `harness ${index}`, system_prompt: `snapshot of run ${index}` });
    // A lock left by a killed writer can outlast RecipeStore's retries: the put is refused, not acknowledged.
    const refused = await recipeStore.flush().then(
      () => null,
      (error: Error) => error,
    );
    ack(refused ? `recipe-refused ${refused.message}` : `recipe ${hash}`);
  }
}

/** Answers of varied length, so the content file grows and a kill lands inside writes of every size. */
function responseFor(modelId: string, index: number): ModelResponse {
  const words = 5 + ((index * 7919 + modelId.length * 104729) % 80);
  const text = `${modelId} answers run ${index}: ` + 'lorem ipsum dolor sit amet '.repeat(words);
  return { modelId, text, latencyMs: 100 + index, inputTokens: 10, outputTokens: words, costUsd: 0.001 };
}

function collectorFor(index: number): EventCollector {
  const events: EventEntry[] = [{ type: 'text', data: `run ${index}` }];
  return { record: () => undefined, events: () => events };
}

main().catch((error: Error) => {
  process.stderr.write(`writer failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
