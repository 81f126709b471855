// /rewind: every undoable run, newest first, and what rewinding to the selected one would do in the
// selected mode: each file and its diff, files changed by hand, conversation turns removed. Fits in `height`.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { oneLine, pad, visibleLine } from './format.js';
import type { RewindConfirmation, RewindModeView, RewindPreview, RewindPreviewFile, RewindRow } from './types.js';

const MAX_ROWS = 8;
const MAX_DIFF_LINES = 12;
/** border, title, mode, preview header, conversation line */
const FIXED_LINES = 6;
/** the question or a note, when there is one */
const CONFIRMATION_LINES = 2;

export const REWIND_MODES: readonly RewindModeView[] = ['both', 'conversation', 'code'];

export const rewindModeLabel: Record<RewindModeView, string> = {
  both: 'code and conversation',
  conversation: 'conversation only',
  code: 'code only',
};

export interface RewindPickerProps {
  rows: RewindRow[];
  selected: number;
  mode: RewindModeView;
  /** the plan of the selection (or of the previous one while `loading`); null before the first arrives */
  preview: RewindPreview | null;
  /** the preview shown is not yet the selection's */
  loading: boolean;
  confirmation: RewindConfirmation | null;
  /** terminal lines the whole panel may take */
  height: number;
}

/** Diff lines per file: short diffs take what they need, the longer ones share the rest evenly. */
export function diffAllowance(files: readonly RewindPreviewFile[], lines: number): number[] {
  const allowance = files.map(() => 0);
  let remaining = Math.max(0, lines);
  const byLength = files.map((file, index) => ({ index, need: file.diff.length })).sort((a, b) => a.need - b.need);
  byLength.forEach(({ index, need }, order) => {
    const share = Math.floor(remaining / (byLength.length - order));
    allowance[index] = Math.min(need, share, MAX_DIFF_LINES);
    remaining -= allowance[index];
  });
  return allowance;
}

/** Added lines green, removed red, hunk headers cyan. */
export function diffLineColor(line: string): string | undefined {
  if (line.startsWith('+')) return 'green';
  if (line.startsWith('-')) return 'red';
  if (line.startsWith('@@')) return 'cyan';
  return undefined;
}

function DiffLines({ diff, allowed }: { diff: string[]; allowed: number }) {
  if (allowed <= 0 || diff.length === 0) return null;
  // a cut diff gives its last allowed line to the "… N more lines" note
  const shown = diff.length <= allowed ? diff : diff.slice(0, allowed - 1);
  const hidden = diff.length - shown.length;
  return (
    <>
      {shown.map((line, index) => (
        <Text key={index} color={diffLineColor(line)} dimColor={line.startsWith('\\')} wrap="truncate">
          {`    ${visibleLine(line)}`}
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>{`    … ${hidden} more line${hidden === 1 ? '' : 's'}`}</Text> : null}
    </>
  );
}

const actionColor = { restore: 'yellow', delete: 'red', recreate: 'green', unchanged: 'gray' } as const;

function FileSection({ preview, lines }: { preview: RewindPreview; lines: number }) {
  if (preview.mode === 'conversation') return <Text dimColor>Files: kept as they are</Text>;
  if (preview.files.length === 0) return <Text dimColor>Files: none were written</Text>;
  // headers first; when not all fit, the last line says how many are left out
  const fitting = preview.files.length <= lines ? preview.files.length : Math.max(0, lines - 1);
  // files changed by hand or lost come first, so a cut never hides a warning
  const needsCare = (file: RewindPreviewFile) => (file.drifted || file.lost ? 0 : 1);
  const files = [...preview.files].sort((a, b) => needsCare(a) - needsCare(b)).slice(0, fitting);
  const allowance = diffAllowance(files, lines - fitting - (fitting < preview.files.length ? 1 : 0));
  return (
    <>
      {files.map((file, index) => (
        <Box key={file.path} flexDirection="column">
          <Text wrap="truncate">
            {'  '}
            <Text color={actionColor[file.action]}>{pad(file.action, 9)}</Text>
            {visibleLine(file.path)}
            {file.drifted ? <Text color="yellow" bold>{'  changed since bakeoff wrote it'}</Text> : null}
            {file.lost ? <Text color="red">{'  stored content lost: cannot restore'}</Text> : null}
          </Text>
          <DiffLines diff={file.diff} allowed={allowance[index]} />
        </Box>
      ))}
      {fitting < preview.files.length ? <Text dimColor>{`  … ${preview.files.length - fitting} more files`}</Text> : null}
    </>
  );
}

function ConversationLine({ preview }: { preview: RewindPreview }) {
  if (preview.mode === 'code') return <Text dimColor>Conversation: kept</Text>;
  const turns = Object.entries(preview.turnsRemoved);
  if (turns.length === 0) return <Text dimColor>Conversation: no turns removed</Text>;
  return <Text wrap="truncate">{`Conversation: ${turns.map(([model, n]) => `${visibleLine(model)} −${n} turn${n === 1 ? '' : 's'}`).join(', ')}`}</Text>;
}

function ConfirmationLine({ confirmation }: { confirmation: RewindConfirmation }) {
  switch (confirmation.kind) {
    case 'drift':
      return (
        <Text color="yellow">
          {`${confirmation.paths.map(visibleLine).join(', ')} changed since bakeoff wrote ${confirmation.paths.length === 1 ? 'it' : 'them'}. Overwrite? `}
          <Text bold>y</Text> rewind anyway · <Text bold>n</Text> leave {confirmation.paths.length === 1 ? 'it' : 'them'}
        </Text>
      );
    case 'working':
      return <Text dimColor>{visibleLine(confirmation.text)}</Text>;
    case 'note':
      return <Text color={confirmation.level === 'error' ? 'red' : 'yellow'}>{visibleLine(confirmation.text)}</Text>;
  }
}

export const RewindPicker = memo(function RewindPicker({ rows, selected, mode, preview, loading, confirmation, height }: RewindPickerProps) {
  const title = `Rewind to a run (${rows.length} undoable)`;
  const keys = '↑/↓ j/k 1-9 · Tab/m mode · Enter rewind';
  if (rows.length === 0) {
    return (
      <PanelFrame title={title}>
        <Text dimColor>Nothing to rewind.</Text>
      </PanelFrame>
    );
  }
  const fixed = FIXED_LINES + (confirmation ? CONFIRMATION_LINES : 0);
  const visible = Math.min(rows.length, MAX_ROWS, Math.max(2, Math.floor((height - fixed) / 3)));
  const first = Math.max(0, Math.min(selected - visible + 1, rows.length - visible));
  const fileLines = Math.max(1, height - fixed - visible);
  const promptWidth = 32;
  const modelWidth = Math.max(...rows.map((row) => (row.picked || 'nothing picked').length));
  return (
    <PanelFrame title={title} keys={keys}>
      {rows.slice(first, first + visible).map((row, offset) => {
        const active = first + offset === selected;
        return (
          <Text key={row.feedIndex} color={active ? 'cyan' : undefined} wrap="truncate">
            {active ? '❯ ' : '  '}
            {pad(`${first + offset + 1}.`, 4)}
            {pad(`#${row.run}`, 5)}
            <Text dimColor={!active}>{visibleLine(row.time)}</Text>
            {`  ${pad(oneLine(row.prompt, promptWidth), promptWidth)}  `}
            {pad(row.picked || 'nothing picked', modelWidth)}
            {`  ${row.files.length > 0 ? row.files.map(visibleLine).join(', ') : 'no files'}`}
          </Text>
        );
      })}
      <Text>
        {'Mode: '}
        {REWIND_MODES.map((m) => (
          <Text key={m} color={m === mode ? 'cyan' : undefined} bold={m === mode} dimColor={m !== mode}>
            {m === mode ? `[${rewindModeLabel[m]}]` : ` ${rewindModeLabel[m]} `}{' '}
          </Text>
        ))}
      </Text>
      {preview ? (
        <>
          <Text wrap="truncate">
            {`Undoes ${preview.runs.map((n) => `#${n}`).join(', ')}`}
            <Text dimColor>{`${loading ? ' (updating…)' : ''}${preview.mode === 'conversation' ? '' : ' · diff: − now, + after rewind'}`}</Text>
          </Text>
          <FileSection preview={preview} lines={fileLines} />
          <ConversationLine preview={preview} />
        </>
      ) : (
        <Text dimColor>Working out what the rewind would change…</Text>
      )}
      {confirmation ? <ConfirmationLine confirmation={confirmation} /> : null}
    </PanelFrame>
  );
});
