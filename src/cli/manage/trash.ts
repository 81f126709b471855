// `bakeoff trash`: the deleted sessions; `--empty [--older-than <age>]` deletes them for good, after a yes.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout } from '../../../store/index.js';
import { emptyTrash, listTrash, trashedBefore } from '../../../store/manage/session-trash.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { cell, formatLocalTime } from '../format.js';
import { renderTable } from '../table.js';
import { printJson, printText } from '../print.js';
import { UsageError } from '../usage-error.js';
import { confirmOrRefuse } from './confirm.js';
import { ageSchema, cutoffFor } from './age-option.js';

const optionsSchema = dataDirSchema.extend({
  empty: z.boolean().default(false),
  olderThan: ageSchema.optional(),
  yes: z.boolean().default(false),
  json: z.boolean().default(false),
});

export function addTrashCommand(program: Command): void {
  const command = program
    .command('trash')
    .description('list the deleted sessions; --empty deletes them for good')
    .option('--empty', 'delete the trashed sessions for good (asks first)')
    .option('--older-than <age>', 'with --empty: only those trashed longer ago than this: 90m, 12h, 30d, 2w')
    .option('-y, --yes', 'do not ask (needed when not on a terminal)')
    .option('--json', 'print JSON: {"trash": [{"id", "trashed_at", "title", "first_prompt"}]} or {"deleted": [ids]}');
  addCommonOptions(command).action((_options: unknown, self: Command) => trash(parseOptions(optionsSchema, commandOptions(self))));
}

async function trash(options: z.output<typeof optionsSchema>): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const trashed = await listTrash(layout);
  if (!options.empty) {
    if (options.olderThan !== undefined) throw new UsageError('--older-than: only with --empty');
    if (options.json) {
      printJson({ trash: trashed.map((t) => ({ id: t.id, trashed_at: t.trashedAt, title: t.title, first_prompt: t.metadata?.first_prompt ?? null })) });
    } else if (trashed.length === 0) printText(`the trash of ${layout.root} is empty`);
    else {
      const rows = trashed.map((t) => [t.id, formatLocalTime(t.trashedAt), cell(t.title ?? '', 30), cell(t.metadata?.first_prompt, 50)]);
      printText(renderTable([{ header: 'ID' }, { header: 'TRASHED' }, { header: 'TITLE' }, { header: 'FIRST PROMPT' }], rows));
    }
    return;
  }
  const chosen = options.olderThan === undefined ? trashed : trashedBefore(trashed, cutoffFor(options.olderThan));
  if (chosen.length === 0) {
    if (options.json) printJson({ deleted: [] });
    else printText('nothing to delete');
    return;
  }
  await confirmOrRefuse(`Delete ${chosen.length} trashed session(s) for good (${chosen.map((t) => t.id).join(', ')})? This cannot be undone`, options.yes);
  const deleted = await emptyTrash(layout, chosen.map((t) => t.id));
  if (options.json) printJson({ deleted });
  else printText(`Deleted ${deleted.length} session(s) for good`);
}
