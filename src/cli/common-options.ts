// Options every subcommand accepts after its name (`bakeoff show x -d dir`): the program parses its own options
// only before the subcommand (positional options), so that `stats --recipe <name>` is not `--recipe <path>`.
import type { Command } from 'commander';

export function addCommonOptions(command: Command): Command {
  return command
    .option('-d, --data-dir <dir>', 'data directory (default: $BAKEOFF_DATA_DIR or ./data)')
    .option('--debug', 'print the stack trace of an error');
}

/** The program's options overridden by the ones given to the subcommand (commander's optsWithGlobals does the opposite). */
export function commandOptions(command: Command): Record<string, unknown> {
  const given = Object.entries(command.opts()).filter(([, value]) => value !== undefined);
  return { ...(command.parent?.opts() ?? {}), ...Object.fromEntries(given) };
}
