// Every component that shows a string from outside bakeoff, fed the hostile strings: the frame holds their
// visible forms (␛, <U+202E>) and none of the raw sequences (OSC title/clipboard, SGR conceal, bidi override).
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckpointPanel } from '../../components/CheckpointPanel.js';
import { FeedEntry } from '../../components/Feed.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { ModelPanel } from '../../components/ModelPanel.js';
import { PromptInput } from '../../components/PromptInput.js';
import { RecipesPanel } from '../../components/RecipesPanel.js';
import { RewindPicker } from '../../components/RewindPicker.js';
import { Selection } from '../../components/Selection.js';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import { StatsPanel } from '../../components/StatsPanel.js';
import { StatusBar } from '../../components/StatusBar.js';
import type { LiveModel } from '../../src/runs/types.js';

const title = '\x1b]2;PWNED\x07';
const clip = '\x1b]52;c;UFdORUQ=\x07';
const conceal = '\x1b[8m';
const bidi = '\u202E';
const evil = `${title}${clip}${conceal}x${bidi}y`;
/** What must never reach the terminal: Ink's own colours are SGR codes, so only these are looked for. */
const raw = /\x1b\]|\x1b\[8m|\u202E|\x07/;

const model: LiveModel = {
  modelId: `demo/${evil}`,
  status: 'failed',
  text: `line one ${evil}\nline two ${evil}`,
  events: [{ type: 'reading', data: `read_file ${evil}` }],
  startedAt: 0,
  elapsedMs: 10,
  inputTokens: 1,
  outputTokens: 1,
  costUsd: 0,
  proposedWrites: [],
  error: `HTTP 401: ${evil}`,
};

const cases: [string, ReactElement][] = [
  ['the pick list', <Selection options={[{ number: 1, modelId: `m${evil}`, latencyMs: 1, outputTokens: 1, costUsd: 0, writes: ['README.md', conceal, '.git/config'] }]} highlighted={0} rateable={false} error={evil} />],
  ['a model panel', <ModelPanel model={model} verbose={false} width={100} />],
  ['a model panel, verbose', <ModelPanel model={model} verbose width={100} />],
  ['a finished run in the feed', <FeedEntry item={{ kind: 'run', key: 'k', prompt: evil, models: [{ modelId: evil, outcome: 'failed', latencyMs: 1, inputTokens: 1, outputTokens: 1, costUsd: 0, selected: false, error: evil }], note: `Applied: ${evil}`, feedIndex: 0 }} />],
  ['a message in the feed', <FeedEntry item={{ kind: 'message', key: 'k', level: 'error', text: `could not write ${evil}` }} />],
  ['the history panel', <HistoryPanel histories={{ [evil]: [{ role: 'user', content: evil }, { role: 'assistant', content: `a\n${evil}` }] }} isActive={false} />],
  [
    'the rewind picker',
    <RewindPicker
      rows={[{ feedIndex: 0, run: 1, prompt: evil, time: evil, picked: evil, files: [conceal, '.git/config'] }]}
      selected={0}
      mode="both"
      preview={{ mode: 'both', runs: [1], files: [{ path: `${conceal}a`, action: 'restore', diff: [`-${evil}`, `+${evil}`], drifted: true, lost: false }], turnsRemoved: { [evil]: 1 } }}
      loading={false}
      confirmation={{ kind: 'drift', paths: [evil] }}
      height={30}
    />,
  ],
  ['a rewind note', <RewindPicker rows={[{ feedIndex: 0, run: 1, prompt: 'p', time: 't', picked: '', files: [] }]} selected={0} mode="both" preview={null} loading={false} confirmation={{ kind: 'note', level: 'error', text: evil }} height={30} />],
  ['the sessions panel', <SessionsPanel sessions={[{ id: `ses_${evil}`, title: evil, lastActiveAt: evil, promptCount: 1, firstPrompt: evil, current: false }]} skipped={[evil]} isActive={false} onSelect={() => undefined} onDelete={() => undefined} />],
  ['the checkpoint panel', <CheckpointPanel checkpoint={{ prompt: evil, timestamp: evil, models: [{ modelId: evil, state: 'failed', textPreview: evil, inputTokens: 1, outputTokens: 1, costUsd: 0, writes: [evil], error: evil }] }} />],
  ['the recipes panel', <RecipesPanel view={{ base: evil, session: evil, active: evil, activeHash: evil, saved: [evil], recipesDir: evil, snapshots: [{ hash: evil, name: evil }] }} />],
  ['the stats panel', <StatsPanel scope="session" filters={[{ hash: 'h', label: evil, session: [{ rank: 1, modelId: evil, rating: { score: 1000, low: 990, high: 1010 }, comparisons: 5, wins: 1, losses: 0, thumbsDown: 0, participations: 1, winRate: 100, avgLatencyMs: 1, avgCostUsd: 0, costPerWinUsd: 0, latencyP50Ms: 1 }], all: [] }]} isActive={false} />],
  ['the status bar', <StatusBar status={{ sessionId: `ses_${evil}`, title: evil, redoDepth: 1, recipeName: evil, recipeHash: evil, models: [evil], sessionCostUsd: 0, costUnknown: false, rewindDepth: 0, checkpoint: false, verbose: false, blind: false, sandbox: '' }} hint={evil} />],
  ['the reverse search line', <PromptInput text="" cursor={0} focus={false} placeholder="" search={{ query: evil, match: evil }} suggestions={[]} candidates={[evil]} columns={100} maxRows={5} />],
  ['the prompt line', <PromptInput text={`recalled ${evil}`} cursor={3} focus placeholder="" search={null} suggestions={[]} candidates={[]} columns={100} maxRows={5} />],
];

describe('components show outside strings escaped', () => {
  it.each(cases)('%s', (_name, element) => {
    const frame = render(element).lastFrame() ?? '';
    expect(frame).not.toMatch(raw);
    expect(frame).toContain('␛');
  });

  it('a write whose name conceals cannot hide the next one in the pick list', () => {
    const frame = render(cases[0][1]).lastFrame() ?? '';
    expect(frame.replace(/\s+/g, ' ')).toContain('writes: README.md, ␛[8m, .git/config');
  });
});
