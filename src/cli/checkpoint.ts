// `bakeoff checkpoint [id]`: the interrupted run a session can resume (the latest session by default).
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, sessionPathsFor, readCheckpointFile } from '../../store/index.js';
import type { Checkpoint, ResponseSnapshot } from '../../store/index.js';
import { resolveDataDir } from '../session/data-dir.js';
import { findSessionId } from '../session/find-session.js';
import { commandHint } from '../session/command-hint.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { cell, formatCount, formatDurationMs, formatLocalTime, formatUsd, oneLine } from './format.js';
import { renderFacts, renderTable } from './table.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = dataDirSchema.extend({ json: z.boolean().default(false) });
type CheckpointOptions = z.output<typeof optionsSchema>;

export function addCheckpointCommand(program: Command): void {
  const command = program
    .command('checkpoint')
    .description("show a session's interrupted run (the latest session by default)")
    .argument('[id]', 'session id, unique prefix or title')
    .option('--json', 'print JSON: {"session_id", "checkpoint": <checkpoint.json> or null}');
  addCommonOptions(command).action((id: string | undefined, _options: unknown, self: Command) =>
    showCheckpoint(id, parseOptions(optionsSchema, commandOptions(self))),
  );
}

async function showCheckpoint(idOrPrefix: string | undefined, options: CheckpointOptions): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.sessions, idOrPrefix, ({ id: skippedId, reason }) => printWarning(`skipped session ${skippedId}: ${reason}`));
  // Only read: loadCheckpoint would move a corrupt file aside, which is the app's call, not a viewer's.
  const checkpoint = await readCheckpointFile(sessionPathsFor(layout.sessions, id).checkpointPath);
  if (options.json) {
    printJson({ session_id: id, checkpoint });
    return;
  }
  printText(checkpoint === null ? `no interrupted run in session ${id}` : renderCheckpoint(id, checkpoint, layout.root));
}

export type ModelRunStatus = 'completed' | 'interrupted' | 'failed' | 'not started';

/** What /resume will do with a model: keep it (completed) or run it again (everything else). */
export function modelStatus(snapshot: ResponseSnapshot | undefined): ModelRunStatus {
  if (!snapshot) return 'not started';
  if (snapshot.completed) return 'completed';
  // Errata writes an interrupted model with `error: "context canceled"`: stopped, not failed
  if (snapshot.interrupted) return 'interrupted';
  if (snapshot.error) return 'failed';
  return 'interrupted';
}

function renderCheckpoint(sessionId: string, checkpoint: Checkpoint, dataDir: string): string {
  const byModel = new Map(checkpoint.responses.map((snapshot) => [snapshot.model_id, snapshot]));
  // adapter_ids is the panel order; a model that never reported has no snapshot but still belongs to the run
  const models = [...new Set([...checkpoint.adapter_ids, ...byModel.keys()])];
  const rows = models.map((model) => {
    const snapshot = byModel.get(model);
    const status = modelStatus(snapshot);
    return [
      model,
      status,
      snapshot ? formatDurationMs(snapshot.latency_ms) : '-',
      snapshot ? `${formatCount(snapshot.input_tokens)} / ${formatCount(snapshot.output_tokens)}` : '-',
      snapshot ? formatUsd(snapshot.cost_usd) : '-',
      String(snapshot?.proposed_writes?.length ?? 0),
      status === 'failed' ? cell(`error: ${snapshot?.error ?? ''}`, 50) : cell(snapshot?.text, 50),
    ];
  });
  const right = (header: string) => ({ header, align: 'right' as const });
  const facts = renderFacts([
    ['Session', sessionId],
    ['Interrupted run', formatLocalTime(checkpoint.timestamp)],
    ['Prompt', oneLine(checkpoint.prompt)],
  ]);
  const table = renderTable(
    [{ header: 'MODEL' }, { header: 'STATUS' }, right('LATENCY'), right('TOKENS IN / OUT'), right('COST'), right('WRITES'), { header: 'TEXT' }],
    rows,
  );
  return `${facts}\n${table}\nTo finish it: ${commandHint(dataDir, '--resume', sessionId)}, then /resume (re-runs every model not completed)\n`;
}
