// `bakeoff stats`: per-model wins, losses, thumbs-down and averages, across sessions, rewound runs left out.
import type { Command } from 'commander';
import { z } from 'zod';
import { RecipeStore, dataLayout, statsAcrossSessions, statsToJson } from '../../store/index.js';
import type { DataLayout, ModelStats, SkippedSession } from '../../store/index.js';
import { resolveDataDir } from '../session/data-dir.js';
import { findSessionId } from '../session/find-session.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { formatCount, formatDurationMs, formatPercent, formatUsd } from './format.js';
import { renderTable } from './table.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = dataDirSchema.extend({
  json: z.boolean().default(false),
  session: z.string().min(1, 'needs a session id or prefix').optional(),
  recipe: z.string().min(1, 'needs a recipe name').optional(),
});
type StatsOptions = z.output<typeof optionsSchema>;

export function addStatsCommand(program: Command): void {
  const command = program
    .command('stats')
    .description('per-model stats across all sessions (rewound runs left out)')
    .option('--session <id>', 'only this session (id or unique prefix)')
    .option('--recipe <name>', 'only runs recorded under a recipe with this name')
    .option('--json', 'print JSON: {"models": {"<id>": {"wins", "losses", …}}}');
  addCommonOptions(command).action((_options: unknown, self: Command) => showStats(parseOptions(optionsSchema, commandOptions(self))));
}

async function showStats(options: StatsOptions): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const sessionId = options.session === undefined ? '' : await findSessionId(layout.sessions, options.session);
  const configHashes = options.recipe === undefined ? undefined : await hashesForRecipeName(layout, options.recipe);
  const { models, skipped } = await statsAcrossSessions(layout.sessions, { sessionId, configHashes });
  reportSkipped(skipped, sessionId);
  if (options.json) {
    printJson({ models: Object.fromEntries(Object.entries(models).map(([model, stats]) => [model, statsToJson(stats)])) });
    return;
  }
  printText(renderStats(models));
}

/** Every snapshot hash stored under `name`; an unknown name is an error that lists the known ones. */
async function hashesForRecipeName(layout: DataLayout, name: string): Promise<string[]> {
  const recipes = await RecipeStore.open(layout.recipeStore, { readOnly: true });
  for (const problem of recipes.unreadable) printWarning(problem);
  const hashes = recipes.hashesForName(name);
  if (hashes.length > 0) return hashes;
  const known = [...new Set(Object.values(recipes.list()).map((snapshot) => snapshot.name))].sort();
  const listing = known.length > 0 ? `; known: ${known.map((n) => JSON.stringify(n)).join(', ')}` : '';
  throw new Error(`no recipe named ${JSON.stringify(name)} in ${layout.recipeStore}${listing}`);
}

function reportSkipped(skipped: readonly SkippedSession[], sessionId: string): void {
  // A session asked for by name that cannot be read is the whole answer, so it is an error, not a warning.
  if (sessionId !== '' && skipped.length > 0) throw new Error(`session ${sessionId} cannot be read: ${skipped[0].reason}`);
  for (const { id, reason } of skipped) printWarning(`skipped session ${id}: ${reason}`);
}

function renderStats(models: Record<string, ModelStats>): string {
  const entries = Object.entries(models);
  if (entries.length === 0) return 'no runs to count\n';
  const rows = entries.map(([model, s]) => [
    model,
    String(s.wins),
    String(s.losses),
    String(s.thumbsDown),
    String(s.participations),
    formatPercent(s.winRate),
    formatDurationMs(s.avgLatencyMs),
    formatUsd(s.avgCostUsd),
    formatCount(s.avgInputTokens),
    formatCount(s.avgOutputTokens),
  ]);
  const right = (header: string) => ({ header, align: 'right' as const });
  return renderTable(
    [{ header: 'MODEL' }, right('WINS'), right('LOSSES'), right('THUMBS DOWN'), right('RUNS'), right('WIN RATE'), right('AVG LATENCY'), right('AVG COST'), right('AVG IN TOKENS'), right('AVG OUT TOKENS')],
    rows,
  );
}
