// `bakeoff rename <session> <title>`: names a session; every command that takes a session accepts the title.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, sessionPathsFor } from '../../../store/index.js';
import { setSessionTitle } from '../../../store/manage/session-rename.js';
import { SessionLock } from '../../../store/session-lock.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { findSessionId } from '../../session/find-session.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { printJson, printText } from '../print.js';

const optionsSchema = dataDirSchema.extend({ json: z.boolean().default(false) });

export function addRenameCommand(program: Command): void {
  const command = program
    .command('rename')
    .description('give a session a title (unique; usable wherever a session id is)')
    .argument('<session>', 'session id, unique prefix or title')
    .argument('<title>', `the new title (at most 80 characters, no line breaks, / or \\, not starting with "ses_")`)
    .option('--json', 'print JSON: {"session_id", "title"}');
  addCommonOptions(command).action((session: string, title: string, _options: unknown, self: Command) =>
    renameSession(session, title, parseOptions(optionsSchema, commandOptions(self))),
  );
}

async function renameSession(name: string, title: string, options: z.output<typeof optionsSchema>): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.sessions, name);
  const { dir } = sessionPathsFor(layout.sessions, id);
  // only the holder of a session's lock writes in its directory: refused while it is open elsewhere
  const lock = await SessionLock.acquire(dir, id);
  try {
    await setSessionTitle(layout.sessions, dir, id, title);
  } finally {
    await lock.release();
  }
  if (options.json) printJson({ session_id: id, title });
  else printText(`Session ${id} is now titled ${JSON.stringify(title)}`);
}
