// Every slash command, in /help order, and how a typed line finds one: lookup, completion, suggestions.
import type { CommandHint } from '../../components/types.js';
import { blindCommand } from './blind.js';
import { checkpointCommand } from './checkpoint.js';
import { clearCommand } from './clear.js';
import { compactCommand } from './compact.js';
import { costCommand } from './cost.js';
import { editCommand } from './edit.js';
import { exitCommand } from './exit.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { historyCommand } from './history.js';
import { loadCommand } from './load.js';
import { modelsCommand } from './models.js';
import { nearestName } from './nearest.js';
import { recipesCommand } from './recipes.js';
import { resumeCommand } from './resume.js';
import { retryCommand } from './retry.js';
import { rewindCommand } from './rewind.js';
import { redoCommand } from './redo.js';
import { renameCommand } from './rename.js';
import { forkCommand } from './fork.js';
import { saveCommand } from './save.js';
import { sessionsCommand } from './sessions.js';
import { statsCommand } from './stats.js';
import type { CommandContext, SlashCommand } from './types.js';
import { verboseCommand } from './verbose.js';
import { wipeCommand } from './wipe.js';

export const commands: readonly SlashCommand[] = [
  helpCommand,
  exitCommand,
  clearCommand,
  wipeCommand,
  compactCommand,
  rewindCommand,
  redoCommand,
  resumeCommand,
  retryCommand,
  statsCommand,
  historyCommand,
  costCommand,
  recipesCommand,
  checkpointCommand,
  sessionsCommand,
  renameCommand,
  forkCommand,
  saveCommand,
  loadCommand,
  exportCommand,
  verboseCommand,
  blindCommand,
  modelsCommand,
  editCommand,
];

const namesOf = (command: SlashCommand): string[] => [command.name, ...(command.altNames ?? [])];

export function isCommandLine(line: string): boolean {
  return line.trimStart().startsWith('/');
}

/** `/stats all` → { name: 'stats', args: 'all' } */
export function splitCommandLine(line: string): { name: string; args: string } {
  const body = line.trim().slice(1);
  const space = body.search(/\s/);
  return space === -1 ? { name: body, args: '' } : { name: body.slice(0, space), args: body.slice(space).trim() };
}

export function findCommand(name: string): SlashCommand | undefined {
  const wanted = name.toLowerCase();
  return commands.find((command) => namesOf(command).includes(wanted));
}

/** "Unknown command /stat. Did you mean /stats?" */
export function unknownCommandMessage(name: string): string {
  const nearest = nearestName(name.toLowerCase(), commands.flatMap(namesOf));
  return `Unknown command /${name}.` + (nearest ? ` Did you mean /${nearest}?` : ' Type /help for the list.');
}

/** The commands whose name starts with what is typed after the slash (shown under the input). */
export function commandSuggestions(line: string): CommandHint[] {
  if (!line.startsWith('/') || /\s/.test(line)) return [];
  const typed = line.slice(1).toLowerCase();
  return commands
    .filter((command) => namesOf(command).some((name) => name.startsWith(typed)))
    .map((command) => ({ name: command.name, args: command.args, description: command.description }));
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Tab: the line completed as far as it is unambiguous, and the candidates when it is not. */
export async function completeLine(line: string, context: CommandContext): Promise<{ line: string; candidates: string[] }> {
  if (!line.startsWith('/')) return { line, candidates: [] };
  const { name, args } = splitCommandLine(line);
  const hasArgs = /\s/.test(line.trim()) || line.endsWith(' ');
  if (!hasArgs) {
    const names = commands.flatMap(namesOf).filter((n) => n.startsWith(name.toLowerCase()));
    if (names.length === 1) return { line: `/${names[0]} `, candidates: [] };
    const prefix = commonPrefix(names);
    return { line: `/${prefix.length > name.length ? prefix : name}`, candidates: names };
  }
  const command = findCommand(name);
  if (!command?.completion) return { line, candidates: [] };
  const options = (await command.completion(context, args)).filter((option) => option.startsWith(args));
  if (options.length === 1) return { line: `/${name} ${options[0]}`, candidates: [] };
  const prefix = commonPrefix(options);
  return { line: `/${name} ${prefix.length > args.length ? prefix : args}`, candidates: options };
}
