// `bakeoff export <id>`: writes a session report (Markdown or JSON) atomically and prints where.
import { extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import * as z from 'zod';
import { dataLayout, loadContent, sessionPathsFor } from '../../store/index.js';
import { writeUserFile } from '../../store/durable-file.js';
import { resolveDataDir } from '../session/data-dir.js';
import { findSessionId, readSessionMetadata } from '../session/find-session.js';
import { dataDirSchema } from './global-options.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { printJson, printText } from './print.js';
import { renderSessionReport } from './session-report.js';
import type { ReportFormat } from './session-report.js';

/** A report holds every prompt and answer: private like the data files (0600); the app's /export uses the same mode. */
const REPORT_FILE_MODE = 0o600;

const optionsSchema = dataDirSchema.extend({
  json: z.boolean().default(false),
  format: z.enum(['json', 'md'], { error: (issue) => `want json or md, not ${JSON.stringify(issue.input)}` }).optional(),
  output: z.string().min(1, 'needs a file path').optional(),
});
type ExportOptions = z.output<typeof optionsSchema>;

export function addExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('write a session report to data/outputs/<id>.<md|json> (or -o path)')
    .argument('<id>', 'session id, unique prefix or title')
    .option('--format <format>', 'json or md (default: md, or json when -o ends in .json)')
    .option('-o, --output <path>', 'where to write the report')
    .option('--json', 'print JSON: {"session_id", "format", "path"}');
  addCommonOptions(command).action((id: string, _options: unknown, self: Command) => exportSession(id, parseOptions(optionsSchema, commandOptions(self))));
}

/** --format wins; else an -o path ending in .json means JSON; else Markdown. */
function formatFor(options: ExportOptions): ReportFormat {
  if (options.format) return options.format;
  return options.output !== undefined && extname(options.output).toLowerCase() === '.json' ? 'json' : 'md';
}

async function exportSession(idOrPrefix: string, options: ExportOptions): Promise<void> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const id = await findSessionId(layout.sessions, idOrPrefix);
  const metadata = await readSessionMetadata(layout.sessions, id);
  const content = await loadContent(sessionPathsFor(layout.sessions, id).contentPath, { keepEncodings: false });
  const format = formatFor(options);
  const path = options.output === undefined ? join(layout.outputs, `${id}.${format}`) : resolve(options.output);
  await writeUserFile(path, renderSessionReport(metadata, content, format), REPORT_FILE_MODE);
  if (options.json) printJson({ session_id: id, format, path });
  else printText(path);
}
