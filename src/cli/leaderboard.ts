// `bakeoff stats` as a leaderboard (text) and as CSV for spreadsheets: one row per model, best score first.
import { leaderboardRows } from '../../store/index.js';
import type { ModelStats } from '../../store/index.js';
import { formatDurationMs, formatPercent, formatUsd } from './format.js';
import { renderTable } from './table.js';
import { visibleLine } from '../text/visible-text.js';

const NO_RATING = '—';

export function renderLeaderboard(models: Record<string, ModelStats>): string {
  const rows = leaderboardRows(models).map(({ rank, model, stats: s }) => [
    rank === null ? '' : String(rank),
    model,
    s.rating ? s.rating.score.toFixed(0) : NO_RATING,
    s.rating ? `${s.rating.low.toFixed(0)}–${s.rating.high.toFixed(0)}` : NO_RATING,
    String(s.comparisons),
    formatPercent(Number(s.winRate.toFixed(1))),
    s.costPerWinUsd === null ? NO_RATING : formatUsd(s.costPerWinUsd),
    s.latencyP50Ms === null ? NO_RATING : formatDurationMs(s.latencyP50Ms),
  ]);
  const right = (header: string) => ({ header, align: 'right' as const });
  return renderTable(
    [right('RANK'), { header: 'MODEL' }, right('SCORE'), right('95% INTERVAL'), right('COMPARISONS'), right('WIN RATE'), right('COST/WIN'), right('MEDIAN LATENCY')],
    rows,
  );
}

const CSV_COLUMNS = [
  'rank', 'model', 'score', 'low', 'high', 'comparisons', 'wins', 'losses', 'thumbs_down', 'runs', 'win_rate',
  'cost_per_win_usd', 'avg_cost_usd', 'latency_p50_ms', 'latency_p90_ms',
];

export function renderCsv(models: Record<string, ModelStats>): string {
  const number = (value: number | null) => (value === null ? '' : String(value));
  const lines = leaderboardRows(models).map(({ rank, model, stats: s }) =>
    [
      number(rank),
      csvText(model),
      number(s.rating?.score ?? null),
      number(s.rating?.low ?? null),
      number(s.rating?.high ?? null),
      number(s.comparisons),
      number(s.wins),
      number(s.losses),
      number(s.thumbsDown),
      number(s.participations),
      number(s.winRate),
      number(s.costPerWinUsd),
      number(s.avgCostUsd),
      number(s.latencyP50Ms),
      number(s.latencyP90Ms),
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

/**
 * A text cell as RFC 4180 quotes it; one a spreadsheet would take for a formula (= + - @) gets a
 * leading apostrophe first, so a model id from a data file cannot run anything when the file is opened.
 */
function csvText(text: string): string {
  // control characters shown as visible-text shows them, as everywhere bakeoff prints a data file's string
  const visible = visibleLine(text);
  const safe = /^[=+\-@]/.test(visible) ? `'${visible}` : visible;
  return /[",]/.test(safe) || safe !== visible ? `"${safe.replace(/"/g, '""')}"` : safe;
}
