// The Markdown form of a session report: header facts, then each run with its prompt and every response.
import type { ResponseReport, RunReport, SessionReport } from './session-report.js';
import { formatCount, formatDurationMs, formatUsd, oneLine, truncate } from './format.js';
import { visibleLine } from '../text/visible-text.js';

export function renderMarkdownReport(report: SessionReport): string {
  const header = [
    `# bakeoff session ${report.id}`,
    '',
    `- **Created:** ${report.created_at}`,
    `- **Last active:** ${report.last_active_at}`,
    `- **Models:** ${report.models.join(', ') || 'none'}`,
    `- **Prompts:** ${report.prompt_count}`,
    `- **Recipe hash:** ${report.config_hash ?? 'none'}`,
    `- **Total cost:** ${formatUsd(report.total_cost_usd)}`,
  ].join('\n');
  const runs = report.runs.length === 0 ? ['_No runs yet._'] : report.runs.map(renderRun);
  return [header, ...runs].join('\n\n') + '\n';
}

function renderRun(run: RunReport): string {
  const title = `## Run ${run.number}${run.rewound ? ' (rewound)' : ''}: ${truncate(oneLine(run.prompt), 70) || '(empty prompt)'}`;
  const facts = [
    `- **When:** ${run.timestamp}`,
    `- **Winner:** ${run.selected ?? 'none'}`,
    ...(run.rating ? [`- **Rating:** ${run.rating}`] : []),
    ...(run.note ? [`- **Note:** ${oneLine(run.note)}`] : []),
    ...(run.applied_files.length > 0 ? [`- **Applied files:** ${run.applied_files.map(visibleLine).join(', ')}`] : []),
    `- **Cost:** ${formatUsd(run.total_cost_usd)}`,
    ...(run.rewound ? ['- **Rewound:** yes (left out of stats)'] : []),
  ].join('\n');
  const prompt = ['**Prompt**', '', quote(run.prompt)].join('\n');
  return [title, facts, prompt, ...run.responses.map((response) => renderResponse(response, run.selected))].join('\n\n');
}

function renderResponse(response: ResponseReport, selected: string | null): string {
  const title = `### ${response.model_id}${response.model_id === selected ? ' (winner)' : ''}`;
  const writes = response.proposed_writes.map((write) => (write.delete ? `${visibleLine(write.path)} (delete)` : visibleLine(write.path)));
  const facts = [
    formatUsd(response.cost_usd),
    formatDurationMs(response.latency_ms),
    `${formatCount(response.input_tokens)} in / ${formatCount(response.output_tokens)} out tokens`,
    ...(writes.length > 0 ? [`proposed writes: ${writes.join(', ')}`] : []),
    ...(response.stop_reason && response.stop_reason !== 'complete' ? [`stopped: ${response.stop_reason}`] : []),
  ].join(' · ');
  const text = response.text === null ? '_(response not recorded)_' : response.text.trim() === '' ? '_(no text)_' : response.text.trimEnd();
  return [title, `_${facts}_`, text].join('\n\n');
}

/** Every line of the prompt as a Markdown quote, blank lines included, so it stays one block. */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
