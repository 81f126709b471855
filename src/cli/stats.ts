// `bakeoff stats`: the leaderboard (ratings with intervals, cost per win, latency) and per-model counts and
// averages, across sessions, rewound runs left out; as text, JSON or CSV.
import type { Command } from 'commander';
import * as z from 'zod';
import { RecipeStore, dataLayout, statsAcrossSessions, statsToJson } from '../../store/index.js';
import type { DataLayout, ModelStats, SkippedSession } from '../../store/index.js';
import { resolveDataDir } from '../session/data-dir.js';
import { findSessionId } from '../session/find-session.js';
import { dataDirSchema } from './global-options.js';
import { timestampSchema } from '../../store/schemas.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { formatCount, formatDurationMs, formatPercent, formatUsd } from './format.js';
import { renderCsv, renderLeaderboard } from './leaderboard.js';
import { renderTable } from './table.js';
import { printJson, printText, printWarning } from './print.js';

/** `2026-03-01` (midnight, local time) or an RFC 3339 timestamp, as epoch ms. */
export function parseSince(text: string): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [year, month, date] = day.slice(1).map(Number);
    const local = new Date(year, month - 1, date);
    return local.getFullYear() === year && local.getMonth() === month - 1 && local.getDate() === date ? local.getTime() : null;
  }
  if (!timestampSchema.safeParse(text).success) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

const optionsSchema = dataDirSchema.extend({
  json: z.boolean().default(false),
  format: z.enum(['text', 'json', 'csv'], { message: 'expected text, json or csv' }).optional(),
  session: z.string().min(1, 'needs a session id or prefix').optional(),
  recipe: z.string().min(1, 'needs a recipe name').optional(),
  since: z
    .string()
    .transform((text, context) => {
      const ms = parseSince(text);
      if (ms === null) context.addIssue({ code: 'custom', message: `expected a date (2026-03-01) or an RFC 3339 time, got ${JSON.stringify(text)}` });
      return ms ?? 0;
    })
    .optional(),
  blindOnly: z.boolean().default(false),
});
type StatsOptions = z.output<typeof optionsSchema>;

export function addStatsCommand(program: Command): void {
  const command = program
    .command('stats')
    .description('per-model stats across all sessions (rewound runs left out)')
    .option('--session <id>', 'only this session (id, unique prefix or title)')
    .option('--recipe <name>', 'only runs recorded under a recipe with this name')
    .option('--since <date>', 'only runs from this date (2026-03-01, local midnight) or RFC 3339 time on')
    .option('--blind-only', 'only runs made in blind mode')
    .option('--format <format>', 'text (default), json or csv')
    .option('--json', 'print JSON: {"models": {"<id>": {"wins", "losses", …, "rating", "cost_per_win_usd", "latency_ms"}}}');
  addCommonOptions(command).action((_options: unknown, self: Command) => showStats(parseOptions(optionsSchema, commandOptions(self))));
}

async function showStats(options: StatsOptions): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const sessionId = options.session === undefined ? '' : await findSessionId(layout.sessions, options.session);
  const configHashes = options.recipe === undefined ? undefined : await hashesForRecipeName(layout, options.recipe);
  const { models, skipped } = await statsAcrossSessions(layout.sessions, { sessionId, configHashes, sinceMs: options.since, blindOnly: options.blindOnly });
  reportSkipped(skipped, sessionId);
  const format = options.format ?? (options.json ? 'json' : 'text');
  if (format === 'json') {
    printJson({ models: Object.fromEntries(Object.entries(models).map(([model, stats]) => [model, statsToJson(stats)])) });
    return;
  }
  if (format === 'csv') {
    process.stdout.write(renderCsv(models));
    return;
  }
  if (Object.keys(models).length === 0) {
    printText('no runs to count\n');
    return;
  }
  printText(`${renderLeaderboard(models)}\n${renderStats(models)}`);
}

/** Every snapshot hash stored under `name`; an unknown name is an error that lists the known ones. */
async function hashesForRecipeName(layout: DataLayout, name: string): Promise<string[]> {
  const recipes = await RecipeStore.open(layout.recipeStore, { readOnly: true });
  for (const problem of recipes.unreadable) printWarning(problem);
  const hashes = recipes.hashesForName(name);
  if (hashes.length > 0) return hashes;
  const known = recipes.names();
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
