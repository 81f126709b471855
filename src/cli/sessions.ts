// `bakeoff sessions`: every session of the data directory, newest first.
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, readSessionHeaders, sessionTitles } from '../../store/index.js';
import { hitPlace, searchSessions } from '../../store/manage/session-search.js';
import type { SessionMatch } from '../../store/manage/session-search.js';
import { resolveDataDir } from '../session/data-dir.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { cell, formatLocalTime } from './format.js';
import { renderTable } from './table.js';
import { matchInView } from '../text/match-in-view.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = dataDirSchema.extend({ json: z.boolean().default(false), search: z.string().min(1, 'needs a text to look for').optional() });
type SessionsOptions = z.output<typeof optionsSchema>;

export function addSessionsCommand(program: Command): void {
  const command = program
    .command('sessions')
    .description('list the sessions, newest first')
    .option('--search <text>', 'only sessions whose title, prompts or answers hold the text (any case), with the lines that do')
    .option('--json', 'print JSON: {"sessions": [header… + "title"], "skipped": [{"id", "reason"}]} (with --search each also has "hits")');
  addCommonOptions(command).action((_options: unknown, self: Command) => listSessionsCommand(parseOptions(optionsSchema, commandOptions(self))));
}

async function listSessionsCommand(options: SessionsOptions): Promise<void> {
  const root = await resolveDataDir(options.dataDir);
  const sessionsDir = dataLayout(root).sessions;
  if (options.search !== undefined) return searchCommand(sessionsDir, options.search, options.json);
  const [{ sessions, skipped }, titles] = await Promise.all([readSessionHeaders(sessionsDir), sessionTitles(sessionsDir)]);
  for (const { id, reason } of skipped) printWarning(`skipped session ${id}: ${reason}`);
  if (options.json) {
    printJson({ sessions: sessions.map((s) => ({ ...s, title: titles.get(s.id) ?? null })), skipped });
    return;
  }
  if (sessions.length === 0) {
    printText(`no sessions in ${root}`);
    return;
  }
  // a TITLE column only when some session has a title
  const titled = titles.size > 0;
  const rows = sessions.map((s) => [
    s.id,
    ...(titled ? [cell(titles.get(s.id), 30)] : []),
    formatLocalTime(s.last_active_at),
    String(s.prompt_count),
    cell((s.models ?? []).join(', '), 60),
    cell(s.first_prompt, 60),
  ]);
  const columns = [
    { header: 'ID' },
    ...(titled ? [{ header: 'TITLE' }] : []),
    { header: 'LAST ACTIVE' },
    { header: 'PROMPTS', align: 'right' as const },
    { header: 'MODELS' },
    { header: 'FIRST PROMPT' },
  ];
  printText(renderTable(columns, rows));
}

async function searchCommand(sessionsDir: string, query: string, json: boolean): Promise<void> {
  const { matches, skipped } = await searchSessions(sessionsDir, query);
  for (const { id, reason } of skipped) printWarning(`skipped session ${id}: ${reason}`);
  if (json) {
    printJson({ sessions: matches.map((m) => ({ ...m.session, title: m.title, hits: m.hits, more_hits: m.more })), skipped });
    return;
  }
  if (matches.length === 0) {
    printText(`no session holds ${JSON.stringify(query)}`);
    return;
  }
  printText(matches.map((match) => renderMatch(match, query)).join('\n'));
}

/** Code points of a hit's line shown in text: a terminal line's worth. */
const HIT_WIDTH = 100;

/** The session's line, then one line per hit: where it is and the line that holds the text, the match in view. */
function renderMatch({ session, title, hits, more }: SessionMatch, query: string): string {
  const head = `${session.id}  ${formatLocalTime(session.last_active_at)}${title ? `  ${JSON.stringify(title)}` : ''}`;
  const lines = hits.map((hit) => `  ${hitPlace(hit)}: ${cell(matchInView(hit.line, query, HIT_WIDTH), HIT_WIDTH)}`);
  if (more > 0) lines.push(`  … and ${more} more ${more === 1 ? 'line' : 'lines'}`);
  return [head, ...lines].join('\n') + '\n';
}
