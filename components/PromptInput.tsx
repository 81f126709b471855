// The prompt line: the editor's text wrapped in a box that grows with it (up to `maxRows`, then scrolls),
// the cursor drawn in inverse; dimmed with the panel's hint while a panel has the keys; the reverse search
// line in its place during Ctrl-R; the `/` suggestions under it, scrolling, with what is cut said.
import { Box, Text } from 'ink';
import { memo, useRef } from 'react';
import { nextBoundary } from '../src/editor/graphemes.js';
import { layoutPrompt, scrollTop, type PromptRow } from '../src/editor/layout.js';
import { cutToWidth, pad, visibleLine } from './format.js';
import type { CommandHint } from './types.js';

/** Columns the box takes around the text: borders, padding and the `> ` prefix. */
export const PROMPT_CHROME_COLUMNS = 6;
const SUGGESTION_ROWS = 8;

export interface PromptInputProps {
  text: string;
  cursor: number;
  focus: boolean;
  /** while a panel has the keys: what they do there */
  hint?: string;
  placeholder: string;
  /** Ctrl-R: the search replaces the input line */
  search: { query: string; match: string | null } | null;
  suggestions: CommandHint[];
  /** the suggestion Up/Down highlight, -1 for none */
  highlighted?: number;
  /** Tab found several completions */
  candidates: string[];
  columns: number;
  /** rows of text the box shows before it scrolls */
  maxRows: number;
}

function CursorRow({ row, cursor, prefix }: { row: PromptRow; cursor: number | null; prefix: string }) {
  // a recalled or restored prompt may hold control characters: shown, never sent to the terminal
  if (cursor === null) return <Text><Text color="magenta">{prefix}</Text>{visibleLine(row.text)}</Text>;
  const at = cursor - row.start;
  const end = nextBoundary(row.text, at);
  return (
    <Text>
      <Text color="magenta">{prefix}</Text>
      {visibleLine(row.text.slice(0, at))}
      <Text inverse>{at < row.text.length ? visibleLine(row.text.slice(at, end)) : ' '}</Text>
      {visibleLine(row.text.slice(end))}
    </Text>
  );
}

function Editor({ text, cursor, focus, placeholder, width, maxRows }: { text: string; cursor: number; focus: boolean; placeholder: string; width: number; maxRows: number }) {
  const top = useRef(0);
  if (text === '') {
    return (
      <Text>
        <Text color="magenta">{'> '}</Text>
        {focus ? <Text inverse>{placeholder.slice(0, 1) || ' '}</Text> : null}
        <Text dimColor>{focus ? placeholder.slice(1) : placeholder}</Text>
      </Text>
    );
  }
  const { rows, cursorRow } = layoutPrompt(text, cursor, width);
  const height = rows.length > maxRows ? Math.max(1, maxRows - 1) : rows.length;
  top.current = scrollTop(top.current, cursorRow, rows.length, height);
  const shown = rows.slice(top.current, top.current + height);
  const above = top.current;
  const below = rows.length - top.current - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((row, index) => {
        const rowIndex = top.current + index;
        const prefix = rowIndex === 0 ? '> ' : '  ';
        return <CursorRow key={rowIndex} row={row} prefix={prefix} cursor={focus && rowIndex === cursorRow ? cursor : null} />;
      })}
      {rows.length > maxRows ? <Text dimColor>{`  ${above > 0 ? `↑ ${above} more` : ''}${above > 0 && below > 0 ? ' · ' : ''}${below > 0 ? `↓ ${below} more` : ''} (${rows.length} lines)`}</Text> : null}
    </Box>
  );
}

function Suggestions({ suggestions, highlighted, columns }: { suggestions: CommandHint[]; highlighted: number; columns: number }) {
  if (suggestions.length === 0) return null;
  const width = Math.max(...suggestions.map((s) => s.name.length + (s.args ? s.args.length + 1 : 0)), 0) + 3;
  const start = suggestions.length <= SUGGESTION_ROWS || highlighted < 0 ? 0 : Math.min(Math.max(0, highlighted - SUGGESTION_ROWS + 1), suggestions.length - SUGGESTION_ROWS);
  const shown = suggestions.slice(start, start + SUGGESTION_ROWS);
  const below = suggestions.length - start - shown.length;
  return (
    <Box flexDirection="column">
      {start > 0 ? <Text dimColor>{`  ↑ ${start} more`}</Text> : null}
      {shown.map((s, index) => (
        <Text key={s.name} wrap="truncate">
          <Text inverse={start + index === highlighted} color="cyan">
            {pad(`/${s.name}${s.args ? ` ${s.args}` : ''}`, width)}
          </Text>
          <Text dimColor>{cutToWidth(s.description, Math.max(10, columns - width - 1))}</Text>
        </Text>
      ))}
      {below > 0 ? <Text dimColor>{`  ↓ ${below} more (↑/↓ to scroll, Tab completes)`}</Text> : null}
    </Box>
  );
}

export const PromptInput = memo(function PromptInput(props: PromptInputProps) {
  const { text, cursor, focus, hint, placeholder, search, suggestions, highlighted = -1, candidates, columns, maxRows } = props;
  const width = Math.max(1, columns - PROMPT_CHROME_COLUMNS);
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor={focus ? 'magenta' : 'gray'} borderDimColor={!focus} paddingX={1}>
        {search ? (
          <Text>
            <Text color="yellow">{`(reverse-i-search)'${visibleLine(search.query)}': `}</Text>
            {search.match === null ? <Text dimColor>no match</Text> : visibleLine(search.match)}
          </Text>
        ) : !focus && hint ? (
          <Text dimColor wrap="truncate">
            {'> '}
            {text ? `${cutToWidth(text.split('\n')[0], Math.max(1, Math.floor(width / 2)))} · ` : ''}
            {hint}
          </Text>
        ) : (
          <Editor text={text} cursor={cursor} focus={focus} placeholder={placeholder} width={width} maxRows={maxRows} />
        )}
      </Box>
      {candidates.length > 0 ? <Text dimColor>{candidates.map(visibleLine).join('  ')}</Text> : null}
      <Suggestions suggestions={suggestions} highlighted={highlighted} columns={columns} />
    </Box>
  );
});
