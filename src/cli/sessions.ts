// `bakeoff sessions`: every session of the data directory, newest first.
import type { Command } from 'commander';
import { z } from 'zod';
import { dataLayout, readSessions } from '../../store/index.js';
import type { SessionMetadata } from '../../store/index.js';
import { resolveDataDir } from '../session/data-dir.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { cell, formatLocalTime } from './format.js';
import { renderTable } from './table.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = dataDirSchema.extend({ json: z.boolean().default(false) });
type SessionsOptions = z.output<typeof optionsSchema>;

export function addSessionsCommand(program: Command): void {
  const command = program
    .command('sessions')
    .description('list the sessions, newest first')
    .option('--json', 'print JSON: {"sessions": [header…], "skipped": [{"id", "reason"}]}');
  addCommonOptions(command).action((_options: unknown, self: Command) => listSessionsCommand(parseOptions(optionsSchema, commandOptions(self))));
}

/** The header of a session's metadata: everything but its runs (that list is as long as the history). */
function sessionHeader({ runs: _runs, ...header }: SessionMetadata): Omit<SessionMetadata, 'runs'> {
  return header;
}

async function listSessionsCommand(options: SessionsOptions): Promise<void> {
  const root = await resolveDataDir(options.dataDir);
  const { sessions, skipped } = await readSessions(dataLayout(root).sessions);
  for (const { id, reason } of skipped) printWarning(`skipped session ${id}: ${reason}`);
  if (options.json) {
    printJson({ sessions: sessions.map(sessionHeader), skipped });
    return;
  }
  if (sessions.length === 0) {
    printText(`no sessions in ${root}`);
    return;
  }
  const rows = sessions.map((s) => [s.id, formatLocalTime(s.last_active_at), String(s.prompt_count), (s.models ?? []).join(', '), cell(s.first_prompt, 60)]);
  const columns = [{ header: 'ID' }, { header: 'LAST ACTIVE' }, { header: 'PROMPTS', align: 'right' as const }, { header: 'MODELS' }, { header: 'FIRST PROMPT' }];
  printText(renderTable(columns, rows));
}
