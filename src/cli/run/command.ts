// `bakeoff run [prompt]`: one prompt through the models without the app, for scripts and CI. The options
// are read here; the run engine is loaded only once they are valid (the other subcommands never load it).
import type { Command } from 'commander';
import * as z from 'zod';
import { parseDuration } from '../../../store/recipe/duration.js';
import { addCommonOptions, commandOptions } from '../common-options.js';
import { sessionOptionsObject, withSessionRules } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { UsageError } from '../usage-error.js';
import { parsePickRule } from './pick.js';

const timeoutSchema = z.string().transform((text, context) => {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
  if (!(ms > 0)) {
    context.addIssue({ code: 'custom', message: `needs a duration above zero, e.g. 30s, 5m or 1h30m (got ${JSON.stringify(text)})` });
    return z.NEVER;
  }
  return ms;
});

const optionsSchema = withSessionRules(
  sessionOptionsObject.extend({
    resume: z.string().min(1, 'needs a session id or prefix').optional(),
    pick: z.string().trim().min(1, 'needs fastest, cheapest, none or a model id').default('none').transform(parsePickRule),
    json: z.boolean().default(false),
    timeout: timeoutSchema.optional(),
  }),
);

/** `setExitCode` carries the run's exit code (0, 1, 130) out of commander's action. */
export function addRunCommand(program: Command, setExitCode: (code: number) => void): void {
  const command = program
    .command('run')
    .description('run one prompt through the models without the app and record it in a session')
    .argument('[prompt]', 'the prompt; `-` (or none, when stdin is not a terminal) reads it from stdin')
    .option('-m, --models <ids>', "comma-separated model ids (overrides the recipe's Models)")
    .option('--recipe <path>', 'start a new session from this recipe file (default: the built-in recipe)')
    .option('-c, --continue', 'add the run to the most recent session')
    .option('-r, --resume <id>', 'add the run to this session (whole id, title or unique prefix)')
    .option('--pick <choice>', 'keep an answer: fastest, cheapest, none or a model id (default: none)')
    .option('--json', 'print the run as one JSON object, nothing else on stdout')
    .option('--blind', 'blind mode: the report calls the models Model A, Model B, … until the pick (recorded as a blind run)')
    .option('--timeout <duration>', "each model's time limit, e.g. 90s or 5m (overrides the recipe's)");
  // Excess words reach the action, which says to quote the prompt (commander would say "too many arguments").
  addCommonOptions(command.allowExcessArguments(true)).action(async (prompt: string | undefined, _options: unknown, self: Command) => {
    if (self.args.length > 1) throw new UsageError(`the prompt must be one argument (got ${self.args.length} words): quote it, or give - to read it from stdin`);
    const options = parseOptions(optionsSchema, runOptions(self));
    // both load only now: the prompt is cleaned by the app's editor code, kept out of the other subcommands' start
    const [{ readPrompt }, { runHeadless }] = await Promise.all([import('./read-prompt.js'), import('./headless.js')]);
    const text = await readPrompt(prompt);
    const code = await runHeadless({
      prompt: text,
      dataDir: options.dataDir,
      continue: options.continue,
      resume: options.resume,
      models: options.models,
      recipe: options.recipe,
      pick: options.pick,
      json: options.json,
      blind: options.blind,
      timeoutMs: options.timeout,
    });
    setExitCode(code);
  });
}

/** The program's options and run's own; `bakeoff -r run` (no id before the subcommand) means --continue. */
function runOptions(self: Command): Record<string, unknown> {
  const options = commandOptions(self);
  if (options.resume === true) return { ...options, resume: undefined, continue: true };
  return options;
}
