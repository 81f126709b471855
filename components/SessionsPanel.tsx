// /sessions: the data directory's sessions, newest first. ↑/↓ move, Enter switches, `/` filters as you type
// (title, first prompt and id at once; every prompt and answer after a short pause, as `sessions --search`),
// `d` deletes the highlighted one after a y/n (it goes to the trash).
import { Text } from 'ink';
import { usePanelKeys } from '../src/editor/use-panel-keys.js';
import { memo, useRef, useState } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { oneLine, pad, plural, visibleLine } from './format.js';
import { formatLocalTime } from '../src/text/local-time.js';
import type { ContentSearch, SessionRow } from './types.js';
import { useContentSearch } from './use-content-search.js';

const VISIBLE = 10;

export interface SessionsPanelProps {
  sessions: SessionRow[];
  skipped: string[];
  /** looks through every prompt and answer; without it the filter reads the rows' own fields only */
  searchContent?: ContentSearch;
  isActive: boolean;
  onSelect(sessionId: string): void;
  /** after the user said yes: move the session to the trash */
  onDelete(sessionId: string): void;
}

/** Whether the row's title, first prompt or id holds `needle` (lower case). */
function rowHolds(row: SessionRow, needle: string): boolean {
  return [row.title ?? '', row.firstPrompt, row.id].some((text) => text.toLowerCase().includes(needle));
}

/** The rows whose title, first prompt or id hold `filter`, in any case, or that `contentHits` found. */
export function filterSessions(sessions: readonly SessionRow[], filter: string, contentHits: ReadonlyMap<string, string> = new Map()): SessionRow[] {
  const needle = filter.toLowerCase();
  if (needle === '') return [...sessions];
  return sessions.filter((s) => rowHolds(s, needle) || contentHits.has(s.id));
}

interface PanelState {
  highlighted: number;
  filter: string;
  /** typing goes to the filter */
  filtering: boolean;
  /** the session a `d` asks about */
  confirming: string | null;
  /** `d` on the session open here: refused at once, until the next key */
  refusedCurrent: boolean;
}

export const SessionsPanel = memo(function SessionsPanel({ sessions, skipped, searchContent, isActive, onSelect, onDelete }: SessionsPanelProps) {
  const [state, setState] = useState<PanelState>({ highlighted: 0, filter: '', filtering: false, confirming: null, refusedCurrent: false });
  // a key can arrive before the handler sees the last change's render: read the newest value
  const current = useRef(state);
  const update = (changes: Partial<PanelState>) => {
    current.current = { ...current.current, ...changes };
    setState(current.current);
  };
  const content = useContentSearch(state.filter, searchContent);
  const contentHits = useRef(content.hits);
  contentHits.current = content.hits;
  const shown = filterSessions(sessions, state.filter, content.hits);
  const highlighted = Math.min(state.highlighted, Math.max(0, shown.length - 1));
  usePanelKeys(
    (input, key) => {
      const now = current.current;
      const rows = filterSessions(sessions, now.filter, contentHits.current);
      const at = Math.min(now.highlighted, Math.max(0, rows.length - 1));
      if (now.refusedCurrent) update({ refusedCurrent: false });
      if (now.confirming) {
        if (input.toLowerCase() === 'y') onDelete(now.confirming);
        if (input.toLowerCase() === 'y' || input.toLowerCase() === 'n') update({ confirming: null });
        return;
      }
      if (key.upArrow) return update({ highlighted: Math.max(0, at - 1), filtering: false });
      if (key.downArrow) return update({ highlighted: Math.min(rows.length - 1, at + 1), filtering: false });
      if (key.return) {
        if (now.filtering) return update({ filtering: false });
        if (rows[at]) onSelect(rows[at].id);
        return;
      }
      if (now.filtering) {
        if (key.backspace || key.delete) return update({ filter: now.filter.slice(0, -1), highlighted: 0 });
        if (input && !key.ctrl && !key.meta && !key.tab) update({ filter: now.filter + input, highlighted: 0 });
        return;
      }
      if (input === '/') return update({ filtering: true });
      if (input === 'd' && rows[at]) update(rows[at].current ? { refusedCurrent: true } : { confirming: rows[at].id });
    },
    { isActive },
  );
  const first = Math.max(0, Math.min(highlighted - VISIBLE + 1, shown.length - VISIBLE));
  const keys = state.filtering ? 'type to filter · Enter done' : '↑/↓ move · Enter switch · / filter · d delete';
  const title = `Sessions (${state.filter ? `${shown.length} of ${sessions.length}` : sessions.length})${content.searching ? ' · searching prompts and answers…' : ''}`;
  const asked = sessions.find((s) => s.id === state.confirming);
  const countWidth = Math.max(0, ...sessions.map((s) => plural(s.promptCount, 'prompt').length));
  return (
    <PanelFrame title={title} keys={keys}>
      {state.filtering || state.filter ? <Text color={state.filtering ? 'cyan' : undefined}>{`filter: ${state.filter}${state.filtering ? '▏' : ''}`}</Text> : null}
      {shown.length === 0 ? <Text dimColor>no session matches</Text> : null}
      {shown.slice(first, first + VISIBLE).map((s, offset) => {
        const active = first + offset === highlighted;
        return (
          <Text key={s.id} color={active ? 'cyan' : undefined} wrap="truncate">
            {active ? '❯ ' : '  '}
            {`${visibleLine(s.id.slice(0, 17))}  ${visibleLine(formatLocalTime(s.lastActiveAt))}  ${pad(plural(s.promptCount, 'prompt'), countWidth)}  `}
            {s.title ? <Text bold>{`${oneLine(s.title, 30)}  `}</Text> : null}
            {shownLine(s, state.filter, content.hits)}
            {s.current ? <Text color="green"> (current)</Text> : null}
          </Text>
        );
      })}
      {shown.length > VISIBLE ? (
        <Text dimColor>{[first > 0 ? `↑ ${first} more` : null, shown.length - first - VISIBLE > 0 ? `↓ ${shown.length - first - VISIBLE} more` : 'end'].filter(Boolean).join(' · ')}</Text>
      ) : null}
      {asked ? (
        <Text color="yellow">{`Move ${visibleLine(asked.id)}${asked.title ? ` (${oneLine(asked.title, 30)})` : ''} to the trash? y/n (bakeoff restore brings it back)`}</Text>
      ) : null}
      {state.refusedCurrent ? <Text color="yellow">This is the session open here: switch to another one (or quit) to delete it.</Text> : null}
      {skipped.map((line) => (
        <Text key={line} color="yellow">{`skipped ${visibleLine(line)}`}</Text>
      ))}
    </PanelFrame>
  );
});

/** The row's first prompt, or, when only its prompts or answers hold the filter, the line that does. */
function shownLine(row: SessionRow, filter: string, contentHits: ReadonlyMap<string, string>): string {
  const hit = contentHits.get(row.id);
  return hit !== undefined && !rowHolds(row, filter.toLowerCase()) ? oneLine(hit, 60) : oneLine(row.firstPrompt, 40);
}
