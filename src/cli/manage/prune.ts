// `bakeoff prune --older-than <age> [--keep <n>]`: moves sessions not active for that long to the trash.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, readSessionHeaders, SessionLockedError } from '../../../store/index.js';
import { assertTrashable, sessionsToPrune, trashSession } from '../../../store/manage/session-trash.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { printJson, printText, printWarning } from '../print.js';
import { confirmOrRefuse } from './confirm.js';
import { ageSchema, cutoffFor } from './age-option.js';
import { wholeNumberOption } from '../numeric-option.js';

const optionsSchema = dataDirSchema.extend({
  olderThan: ageSchema,
  keep: wholeNumberOption('--keep', 'a number of sessions', 0).default(0),
  yes: z.boolean().default(false),
  json: z.boolean().default(false),
});

export function addPruneCommand(program: Command): void {
  const command = program
    .command('prune')
    .description('move sessions not active for a while to the trash (the newest --keep are always kept)')
    .requiredOption('--older-than <age>', 'last active longer ago than this: 90m, 12h, 30d, 2w')
    .option('--keep <n>', 'never prune the n most recently active sessions', '0')
    .option('-y, --yes', 'do not ask (needed when not on a terminal)')
    .option('--json', 'print JSON: {"trashed": [ids], "refused": [{"id", "reason"}]}');
  addCommonOptions(command).action((_options: unknown, self: Command) => prune(parseOptions(optionsSchema, commandOptions(self))));
}

async function prune(options: z.output<typeof optionsSchema>): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const { sessions, skipped } = await readSessionHeaders(layout.sessions);
  for (const { id, reason } of skipped) printWarning(`skipped session ${id}: ${reason}`);
  const chosen = sessionsToPrune(sessions, cutoffFor(options.olderThan), options.keep);
  if (chosen.length === 0) {
    if (options.json) printJson({ trashed: [], refused: [] });
    else printText('no session to prune');
    return;
  }
  await confirmOrRefuse(`Move ${chosen.length} session(s) to the trash (${chosen.map((s) => s.id).join(', ')})?`, options.yes);
  // a session that cannot go (a link on its way, a note in the way) stops the prune before anything moves
  for (const { id } of chosen) await assertTrashable(layout, id);
  const trashed: string[] = [];
  const refused: { id: string; reason: string }[] = [];
  for (const { id } of chosen) {
    try {
      await trashSession(layout, id);
      trashed.push(id);
    } catch (error) {
      if (!(error instanceof SessionLockedError)) throw error;
      refused.push({ id, reason: error.message });
      printWarning(`kept ${id}: ${error.message}`);
    }
  }
  if (options.json) printJson({ trashed, refused });
  else printText(`Moved ${trashed.length} session(s) to the trash${trashed.length > 0 ? `: ${trashed.join(', ')}` : ''}`);
}
