// `bakeoff rewind <session>`: undo a run and every later one without the app — code and conversation,
// code only or conversation only; --dry-run prints the plan (files and how they change, turns removed).
import type { Command } from 'commander';
import * as z from 'zod';
import { RewindDriftError } from '../../store/rewind-plan.js';
import type { RewindMode } from '../../store/rewind-plan.js';
import { openSession } from '../session/open-session.js';
import { findSessionId } from '../session/find-session.js';
import { resolveDataDir } from '../session/data-dir.js';
import { dataLayout } from '../../store/index.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { printJson, printText, printWarning } from './print.js';
import { runViews } from './run-views.js';
import { UsageError } from './usage-error.js';
import { wholeNumberOption } from './numeric-option.js';

const optionsSchema = dataDirSchema
  .extend({
    to: wholeNumberOption('--to', 'a run number').optional(),
    codeOnly: z.boolean().default(false),
    conversationOnly: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    force: z.boolean().default(false),
    json: z.boolean().default(false),
  })
  .refine((o) => !(o.codeOnly && o.conversationOnly), { message: 'give --code-only or --conversation-only, not both', path: ['codeOnly'] });

type RewindOptions = z.output<typeof optionsSchema>;

export function addRewindCommand(program: Command): void {
  const command = program
    .command('rewind')
    .description('undo a run and every later one: files and conversation, or one of them')
    .argument('<session>', 'session id, unique prefix or title')
    .option('--to <run>', 'the oldest run to undo, numbered as `bakeoff show` prints (default: the newest)')
    .option('--code-only', 'restore the files, keep the conversation')
    .option('--conversation-only', 'cut the conversation, keep the files')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--force', 'overwrite files that changed since bakeoff wrote them')
    .option('--json', 'print the plan and the outcome as JSON');
  addCommonOptions(command).action((session: string, _options: unknown, self: Command) => rewindSession(session, parseOptions(optionsSchema, commandOptions(self))));
}

async function rewindSession(idOrPrefix: string, options: RewindOptions): Promise<void> {
  const mode: RewindMode = options.codeOnly ? 'code' : options.conversationOnly ? 'conversation' : 'both';
  const dataDir = await resolveDataDir(options.dataDir);
  const id = await findSessionId(dataLayout(dataDir).sessions, idOrPrefix);
  const { store, warnings } = await openSession({ dataDir, resume: id, readOnly: options.dryRun });
  // a refused rewind.json entry (rewind-trust.ts) is said, never applied
  for (const warning of warnings) printWarning(warning);
  try {
    const views = runViews(store.metadata(), null);
    const runNumber = (feedIndex: number) => views.find((view) => view.index === feedIndex)?.number ?? feedIndex + 1;
    const undoable = store.rewindEntries();
    if (undoable.length === 0) throw new Error(`session ${id} has nothing to undo`);
    const target = options.to === undefined ? undoable[0].feedIndex : views[options.to - 1]?.index;
    if (target === undefined || !undoable.some((entry) => entry.feedIndex === target)) {
      const numbers = undoable.map((entry) => `#${runNumber(entry.feedIndex)}`).join(', ');
      throw new UsageError(`--to: run #${options.to} of session ${id} cannot be undone; these can: ${numbers}`);
    }
    const plan = await store.rewindPlan(target, mode);
    const { planText, planJson } = await import('../rewind/plan-text.js');
    if (options.dryRun) {
      if (options.json) printJson({ session_id: id, dry_run: true, ...planJson(plan, runNumber) });
      else printText(planText(plan, runNumber));
      return;
    }
    const outcome = await store.rewindTo(target, mode, { allowDrift: options.force }).catch((error: unknown) => {
      if (error instanceof RewindDriftError) throw new Error(`${error.message.replace(/; rewind again.*/, '')}; nothing was changed (--force overwrites them)`);
      throw error;
    });
    if (options.json) {
      printJson({ session_id: id, dry_run: false, ...planJson(plan, runNumber), restored_prompt: outcome.restoredPrompt, warning: outcome.fileMsg.trim() });
      return;
    }
    printText(planText(plan, runNumber));
    printText(`Undone: ${outcome.undone.map((u) => `#${runNumber(u.feedIndex)}`).join(', ')}${outcome.fileMsg}`);
    printText(`Prompt of #${runNumber(target)}: ${outcome.restoredPrompt}`);
  } finally {
    await store.close();
  }
}
