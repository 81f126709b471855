// checkpoint.json: the state of a run under way, saved at each turn boundary so /resume can re-run
// only the models that did not complete, even after a kill -9.
import { checkpointSchema } from './schemas.js';
import type { Checkpoint, ResponseSnapshot } from './schemas.js';
import type { ModelResponse } from './types.js';
import { readJsonFile } from './read-json.js';
import { DurableFile, writeDurably } from './durable-file.js';
import { nowTimestamp } from './timestamp.js';
import { reportCorruptFileToStderr, setAsideIfUnparsable } from './quarantine.js';
import type { CorruptFileReporter } from './quarantine.js';

/** null when there is none; a checkpoint that does not parse is moved aside and reported, then null (nothing to resume). */
export async function loadCheckpoint(path: string, onCorrupt: CorruptFileReporter = reportCorruptFileToStderr): Promise<Checkpoint | null> {
  const { value, corrupt } = await setAsideIfUnparsable(path, () => readCheckpointFile(path));
  if (corrupt) onCorrupt(corrupt);
  return value;
}

/** The checkpoint as it is on disk: null when missing, UnparsableFileError when it does not parse. */
export async function readCheckpointFile(path: string): Promise<Checkpoint | null> {
  return (await readJsonFile(path, checkpointSchema))?.value ?? null;
}

export function saveCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  return writeDurably(path, JSON.stringify(checkpoint));
}

/** Removes the checkpoint; a missing one is fine. */
export function clearCheckpoint(path: string): Promise<void> {
  return new DurableFile(path).remove();
}

/** A response as the checkpoint records it, keys in the listed order, empty optional keys left out. */
export function responseSnapshot(response: ModelResponse): ResponseSnapshot {
  const failed = Boolean(response.error);
  const interrupted = Boolean(response.interrupted);
  return {
    model_id: response.modelId,
    text: response.text || undefined,
    latency_ms: Math.round(response.latencyMs),
    input_tokens: response.inputTokens,
    output_tokens: response.outputTokens,
    reasoning_tokens: response.reasoningTokens || undefined,
    cost_usd: Number.isFinite(response.costUsd) ? response.costUsd : 0,
    proposed_writes: response.proposedWrites?.length ? response.proposedWrites.map((w) => ({ path: w.path, content: w.content, delete: w.delete || undefined })) : undefined,
    tool_calls: response.toolCalls && Object.keys(response.toolCalls).length > 0 ? response.toolCalls : undefined,
    error: response.error || undefined,
    interrupted,
    completed: !failed && !interrupted,
  };
}

/** The checkpoint of a finished-or-stopped run, or null when no model was interrupted. */
export function buildCheckpoint(prompt: string, adapterIds: string[], responses: ModelResponse[], verbose: boolean): Checkpoint | null {
  if (!responses.some((response) => response.interrupted)) return null;
  const byModel = new Map(responses.map((response) => [response.modelId, responseSnapshot(response)]));
  return {
    prompt,
    timestamp: nowTimestamp(),
    adapter_ids: adapterIds,
    responses: adapterIds.flatMap((id) => byModel.get(id) ?? []),
    verbose,
  };
}

/** Keeps checkpoint.json current while a run is under way; writes coalesce, the newest state wins. */
export class IncrementalCheckpointSaver {
  private readonly file: DurableFile;
  private readonly snapshots = new Map<string, ResponseSnapshot>();
  private readonly timestamp = nowTimestamp();
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly prompt: string,
    private readonly adapterIds: string[],
    private readonly verbose: boolean,
  ) {
    this.file = new DurableFile(path);
  }

  /** A model's progress so far: not completed (if the process dies now, /resume re-runs it). */
  update(modelId: string, snap: ResponseSnapshot): Promise<void> {
    return this.save(modelId, { ...snap, model_id: modelId, completed: false });
  }

  /** A model that finished: kept as it is by /resume. */
  markCompleted(modelId: string, snap: ResponseSnapshot): Promise<void> {
    return this.save(modelId, { ...snap, model_id: modelId, interrupted: false, completed: !snap.error });
  }

  checkpoint(): Checkpoint {
    return {
      prompt: this.prompt,
      timestamp: this.timestamp,
      adapter_ids: this.adapterIds,
      responses: this.adapterIds.flatMap((id) => this.snapshots.get(id) ?? []),
      verbose: this.verbose,
    };
  }

  /** Resolves when the newest state is on disk; rejects if that write failed. */
  flush(): Promise<void> {
    return this.lastWrite;
  }

  private save(modelId: string, snap: ResponseSnapshot): Promise<void> {
    this.snapshots.set(modelId, snap);
    this.lastWrite = this.file.write(() => JSON.stringify(this.checkpoint()));
    return this.lastWrite;
  }
}
