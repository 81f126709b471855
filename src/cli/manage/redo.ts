// `bakeoff redo <session>`: puts back what the newest rewind took (valid until a new run starts).
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout } from '../../../store/index.js';
import { RedoDriftError } from '../../../store/redo-plan.js';
import { openSession } from '../../session/open-session.js';
import { findSessionId } from '../../session/find-session.js';
import { resolveDataDir } from '../../session/data-dir.js';
import { dataDirSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { printJson, printText } from '../print.js';
import { runViews } from '../run-views.js';
import { visibleLine } from '../../text/visible-text.js';

const optionsSchema = dataDirSchema.extend({ force: z.boolean().default(false), json: z.boolean().default(false) });

/** What a redo puts back besides the runs: what its rewind had taken (`--code-only` kept the conversation, `--conversation-only` the files). */
const WHAT_CAME_BACK = {
  both: 'with their files and conversation',
  code: 'with their files; the rewind had kept the conversation',
  conversation: 'with their conversation; the rewind had kept the files',
} as const;

export function addRedoCommand(program: Command): void {
  const command = program
    .command('redo')
    .description('undo the newest rewind: its files, the conversation and the session files, exactly as before it')
    .argument('<session>', 'session id, unique prefix or title')
    .option('--force', 'overwrite files that changed since the rewind')
    .option('--json', 'print JSON: {"session_id", "redone": [{"run", "note"}], "files": [{"path", "action"}]}');
  addCommonOptions(command).action((session: string, _options: unknown, self: Command) => redo(session, parseOptions(optionsSchema, commandOptions(self))));
}

async function redo(name: string, options: z.output<typeof optionsSchema>): Promise<void> {
  const dataDir = await resolveDataDir(options.dataDir);
  const id = await findSessionId(dataLayout(dataDir).sessions, name);
  const { store } = await openSession({ dataDir, resume: id });
  try {
    const { plan, redone } = await store.redo({ allowDrift: options.force }).catch((error: unknown) => {
      if (error instanceof RedoDriftError) throw new Error(`${error.message.replace(/; redo again.*/, '')}; nothing was changed (--force overwrites them)`);
      throw error;
    });
    const views = runViews(store.metadata(), null);
    const runNumber = (feedIndex: number) => views.find((view) => view.index === feedIndex)?.number ?? feedIndex + 1;
    const files = plan.files.map((file) => ({ path: file.path, action: file.restored === null ? 'delete' : file.current === null ? 'recreate' : 'restore' }));
    if (options.json) {
      printJson({ session_id: id, redone: redone.map((r) => ({ run: runNumber(r.feedIndex), note: r.note })), files });
      return;
    }
    for (const file of files) printText(`  ${file.action.padEnd(8)} ${visibleLine(file.path)}`);
    printText(`Redone: ${redone.map((r) => `#${runNumber(r.feedIndex)}`).join(', ')} (${redone.length} run(s) back, ${WHAT_CAME_BACK[plan.record.mode]})`);
  } finally {
    await store.close();
  }
}
