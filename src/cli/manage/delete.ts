// `bakeoff delete <session>` moves it to data/trash/ and `bakeoff restore <session>` brings it back.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout } from '../../../store/index.js';
import { restoreSession, trashSession } from '../../../store/manage/session-trash.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { findSessionId } from '../../session/find-session.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { printJson, printText } from '../print.js';
import { confirmOrRefuse } from './confirm.js';

const optionsSchema = dataDirSchema.extend({ yes: z.boolean().default(false), json: z.boolean().default(false) });
type Options = z.output<typeof optionsSchema>;

export function addDeleteCommands(program: Command): void {
  const remove = program
    .command('delete')
    .description('move a session to the trash (data/trash/; `bakeoff restore` brings it back)')
    .argument('<session>', 'session id, unique prefix or title')
    .option('-y, --yes', 'do not ask (needed when not on a terminal)')
    .option('--json', 'print JSON: {"session_id", "trashed": true}');
  addCommonOptions(remove).action((session: string, _options: unknown, self: Command) => deleteSession(session, parseOptions(optionsSchema, commandOptions(self))));

  const restore = program
    .command('restore')
    .description('bring a session back from the trash, exactly as it was deleted')
    .argument('<session>', 'id, unique prefix or title of a session in the trash')
    .option('--json', 'print JSON: {"session_id", "restored": true}');
  addCommonOptions(restore).action((session: string, _options: unknown, self: Command) => restoreFromTrash(session, parseOptions(optionsSchema, commandOptions(self))));
}

async function deleteSession(name: string, options: Options): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.sessions, name);
  await confirmOrRefuse(`Move session ${id} to the trash?`, options.yes);
  await trashSession(layout, id);
  if (options.json) printJson({ session_id: id, trashed: true });
  else printText(`Moved ${id} to the trash (bakeoff restore ${id} brings it back)`);
}

async function restoreFromTrash(name: string, options: Options): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.trash, name);
  await restoreSession(layout, id);
  if (options.json) printJson({ session_id: id, restored: true });
  else printText(`Restored ${id}`);
}
