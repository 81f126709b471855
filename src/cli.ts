// The command line: `bakeoff [options]` opens the app; the subcommands read the data directory without it.
// Every failure is one line on stderr: exit 2 for a usage error, 1 for the rest, the stack only with --debug.
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { openSession } from './session/open-session.js';
import { loadDotEnv } from './runs/dotenv.js';
import { commandHint } from './session/command-hint.js';
import { globalOptionsSchema } from './cli/global-options.js';
import type { GlobalOptions } from './cli/global-options.js';
import { parseOptions } from './cli/parse-options.js';
import { UsageError } from './cli/usage-error.js';
import { printError, printText, printWarning, stderrLine } from './cli/print.js';
import { onDataNotice } from '../store/index.js';
import { visibleText } from './text/visible-text.js';
import { redactSecrets } from './text/redact-secrets.js';
import { addSessionsCommand } from './cli/sessions.js';
import { addShowCommand } from './cli/show.js';
import { addStatsCommand } from './cli/stats.js';
import { addCheckpointCommand } from './cli/checkpoint.js';
import { addRecipeCommand } from './cli/recipe.js';
import { addExportCommand } from './cli/export.js';
import { addRewindCommand } from './cli/rewind.js';
import { addManageCommands } from './cli/manage/index.js';
import { addRunCommand } from './cli/run/command.js';
import { loadColumnWidths } from './cli/table.js';

export async function main(argv: string[]): Promise<number> {
  // Read from argv, not the parsed options, so a failure while parsing still honours it.
  const debug = argv.slice(2).includes('--debug');
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  let exitCode = 0;
  try {
    const program = buildProgram((code) => {
      exitCode = code;
    });
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error, debug);
  }
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('bakeoff')
    .description('Run one prompt through several language models side by side and keep the best answer.')
    .usage('[options] [command]')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    // commander leaves out `help <command>` when the program has an action of its own
    .helpCommand('help [command]', 'print the help of a command')
    // The program's options go before a subcommand, so `stats --recipe <name>` is not `--recipe <path>`.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: writeVisible, outputError: oneLineError('bakeoff') })
    .addOption(new Option('-d, --data-dir <dir>', 'data directory').env('BAKEOFF_DATA_DIR').default('./data'))
    .option('-c, --continue', 'continue the most recent session')
    .option('-r, --resume [id]', 'resume a session by id, unique prefix or title (no id: like --continue)')
    .option('-m, --models <ids>', "comma-separated model ids (overrides the recipe's Models)")
    .option('--recipe <path>', 'start a new session from this recipe file (default: the built-in recipe; not with -c / -r)')
    .option('--blind', 'blind mode: answers show as Model A, Model B, … until you pick (toggle with /blind)')
    .option('--debug', 'print the stack trace of an error');

  for (const add of [addSessionsCommand, addShowCommand, addStatsCommand, addCheckpointCommand, addRecipeCommand, addExportCommand, addRewindCommand, addManageCommands]) add(program);
  addRunCommand(program, setExitCode);
  // Every subcommand says each data file the store set aside or ignored, as one warning line (the app shows them in its feed).
  program.hook('preSubcommand', async () => {
    onDataNotice(({ message }) => printWarning(message));
    await loadColumnWidths();
  });
  for (const sub of program.commands) sub.configureOutput({ writeErr: writeVisible, outputError: oneLineError(`bakeoff ${sub.name()}`) });

  // Excess operands reach the action, which names them as an unknown command (commander would say "too many arguments").
  program.allowExcessArguments(true).action(async (_options: unknown, self: Command) => {
    if (self.args.length > 0) self.error(`error: unknown command '${self.args[0]}'`, { code: 'commander.unknownCommand', exitCode: 2 });
    setExitCode(await openApp(parseOptions(globalOptionsSchema, self.opts())));
  });
  return program;
}

/** The default action: open (or resume) a session and hand it to the Ink app, loaded only now. */
async function openApp(options: GlobalOptions): Promise<number> {
  // Before anything is loaded: without a terminal Ink cannot read keys, and the subcommands are what works.
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(`the app needs a terminal; try '${commandHint(options.dataDir, 'sessions')}'`);
  // A lazy import, so the subcommands never load Ink and React; started now, so Ink loads while the session opens.
  const appModule = import('./app/run-app.js');
  appModule.catch(() => undefined);
  // Keys and base URLs in the project's .env count like the environment (set variables win).
  const dotEnv = loadDotEnv(process.cwd());
  const opened = await openSession({
    dataDir: options.dataDir,
    continue: options.continue,
    resume: options.resume,
    models: options.models,
    recipePath: options.recipe,
  });
  opened.warnings.unshift(...dotEnv.warnings);
  const { runApp } = await appModule;
  let exit: { code: number; session: { store: typeof opened.store } } = { code: 1, session: opened };
  try {
    exit = await runApp(opened, { debug: options.debug, blind: options.blind });
  } finally {
    await exit.session.store.close();
  }
  // The session the user ended in (after /sessions it is another); one that never ran has nothing on disk to resume.
  const { store } = exit.session;
  if (existsSync(store.metadataPath())) printText(`To continue this session: ${commandHint(opened.layout.root, '--resume', store.sessionId())}`);
  return exit.code;
}

/** Commander's error lines (and its "Did you mean" hint) as one line, with where to look; they quote argv, so control characters are shown. */
function oneLineError(commandName: string): (text: string, write: (text: string) => void) => void {
  return (text, write) => write(`bakeoff: ${stderrLine(text)} (see ${commandName} --help)\n`);
}

/** Whatever else commander writes to stderr, never raw. */
function writeVisible(text: string): void {
  process.stderr.write(visibleText(text));
}

/** `bakeoff sessions | head` closes the pipe early: the reader has what it wanted, so that is no crash. */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') return;
  printError(`cannot write the output: ${error.message}`);
  process.exitCode = 1;
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its line already (or the help, or the version, which exit 0).
    return error.exitCode === 0 ? 0 : 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  printError(message);
  if (debug && error instanceof Error && error.stack) process.stderr.write(visibleText(redactSecrets(error.stack)) + '\n');
  return error instanceof UsageError ? 2 : 1;
}

/** package.json's version: two levels up from dist/src/cli.js, one from src/cli.ts (tests run the source). */
function packageVersion(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'bakeoff' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // not this one: try the next candidate
    }
  }
  return 'unknown';
}
