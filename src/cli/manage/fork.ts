// `bakeoff fork <session> [--at <run>]`: a new session holding the source's runs, histories and recipe up to a run.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout } from '../../../store/index.js';
import { ForkError, forkSession } from '../../../store/manage/session-fork.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { findSessionId } from '../../session/find-session.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { printJson, printText } from '../print.js';
import { wholeNumberOption } from '../numeric-option.js';
import { UsageError } from '../usage-error.js';

const optionsSchema = dataDirSchema.extend({
  at: wholeNumberOption('--at', 'a run number').optional(),
  json: z.boolean().default(false),
});

export function addForkCommand(program: Command): void {
  const command = program
    .command('fork')
    .description("start a new session from another's runs, histories and recipe (up to a run); the source is untouched")
    .argument('<session>', 'session id, unique prefix or title')
    .option('--at <run>', 'the last run to take, numbered as `bakeoff show` prints (default: the newest)')
    .option('--json', 'print JSON: {"session_id", "forked_from", "runs"}');
  addCommonOptions(command).action((session: string, _options: unknown, self: Command) => fork(session, parseOptions(optionsSchema, commandOptions(self))));
}

async function fork(name: string, options: z.output<typeof optionsSchema>): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const source = await findSessionId(layout.sessions, name);
  const { id, runs } = await forkSession(layout, source, options.at).catch((error: unknown) => {
    // a run the session does not have is a bad --at, as a bad --to is for rewind
    throw error instanceof ForkError && error.noSuchRun ? new UsageError(`--at: ${error.message}`) : error;
  });
  if (options.json) printJson({ session_id: id, forked_from: source, runs });
  else printText(`${id}\nForked ${source} at run #${runs}: bakeoff --resume ${id}`);
}
