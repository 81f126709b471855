// `bakeoff show <id>`: one session's header and every run (prompt, models, winner, rating, cost, each
// model's proposed changes, note, rewound).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, loadContent, readTitle, sessionPathsFor } from '../../store/index.js';
import type { SessionContent, SessionMetadata } from '../../store/index.js';
import { writeLabel } from '../text/write-label.js';
import { resolveDataDir } from '../session/data-dir.js';
import { findSessionId, readSessionMetadata } from '../session/find-session.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { cell, formatLocalTime, formatUsd, oneLine, truncate } from './format.js';
import { renderFacts } from './table.js';
import { printJson, printText } from './print.js';
import { readRecipeNames } from './recipe-names.js';
import { runViews, sessionCost } from './run-views.js';
import type { RunView } from './run-views.js';

const optionsSchema = dataDirSchema.extend({ json: z.boolean().default(false) });

type ShowOptions = z.output<typeof optionsSchema>;

export function addShowCommand(program: Command): void {
  const command = program
    .command('show')
    .description('show one session: its header and every run')
    .argument('<id>', 'session id, unique prefix or title')
    .option('--json', 'print the session as session_metadata.json holds it');
  addCommonOptions(command).action((id: string, _options: unknown, self: Command) => showSession(id, parseOptions(optionsSchema, commandOptions(self))));
}

async function showSession(idOrPrefix: string, options: ShowOptions): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.sessions, idOrPrefix);
  const metadata = await readSessionMetadata(layout.sessions, id);
  if (options.json) {
    // validated above; printed with the file's own values (a Go `null` stays null, not the {} or [] it reads as)
    printJson(JSON.parse(await readFile(sessionPathsFor(layout.sessions, id).metadataPath, 'utf8')) as unknown);
    return;
  }
  // the proposals are in the content; a session whose content cannot be read still shows its runs
  const content = await loadContent(sessionPathsFor(layout.sessions, id).contentPath, { keepEncodings: false }).catch(() => null);
  const title = await readTitle(sessionPathsFor(layout.sessions, id).dir);
  printText(renderSession(metadata, content, title, await readRecipeNames(layout.recipeStore)));
}

function renderSession(metadata: SessionMetadata, content: SessionContent | null, title: string | null, recipeName: (hash: string) => string): string {
  const views = runViews(metadata, content);
  // Errata's newest version writes the hash on each run only: then the newest run's names the recipe
  const hash = metadata.config_hash || (metadata.runs.findLast((run) => run.config_hash)?.config_hash ?? '');
  const header = renderFacts([
    ['Session', metadata.id],
    ...(title === null ? [] : ([['Title', title]] as [string, string][])),
    ['Created', formatLocalTime(metadata.created_at)],
    ['Last active', formatLocalTime(metadata.last_active_at)],
    ['Models', (metadata.models ?? []).join(', ') || '-'],
    ['Prompts', String(metadata.prompt_count)],
    ['Recipe', hash === '' ? '-' : `${recipeName(hash) || '(unknown name)'} (${truncate(hash, 20)})`],
    ['Total cost', formatUsd(sessionCost(views))],
  ]);
  if (views.length === 0) return header + '\nno runs yet\n';
  return header + '\n' + views.map(renderRun).join('\n');
}

function renderRun(view: RunView): string {
  const { summary } = view;
  const rewound = view.rewound ? (view.rewoundAt ? `  REWOUND at ${formatLocalTime(view.rewoundAt)}` : '  REWOUND') : '';
  const facts: [string, string][] = [
    ['models', (summary.models ?? []).join(', ')],
    ['winner', summary.selected || 'none'],
  ];
  if (summary.rating) facts.push(['rating', summary.rating]);
  if (summary.note) facts.push(['note', oneLine(summary.note)]);
  const indented = renderFacts(facts)
    .trimEnd()
    .split('\n')
    .map((line) => '    ' + line)
    .join('\n');
  // each model's proposal: what it created (+), deleted (-) or changed
  const changes = (view.content?.models ?? [])
    .filter((model) => (model.proposed_writes ?? []).length > 0)
    .map((model) => `    changes by ${oneLine(model.model_id)}: ${(model.proposed_writes ?? []).map((write) => writeLabel(write)).join(', ')}`);
  return [
    `#${view.number}  ${formatLocalTime(summary.timestamp)}  ${formatUsd(view.totalCostUsd)}${rewound}`,
    `    ${cell(summary.prompt_preview, 200) || '(empty prompt)'}`,
    indented,
    ...changes,
  ].join('\n') + '\n';
}
