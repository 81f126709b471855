// The open panel: a command's dialog result rendered by its component.
import { memo } from 'react';
import type { Dialog } from '../commands/types.js';
import { CheckpointPanel } from '../../components/CheckpointPanel.js';
import { CostPanel } from '../../components/CostPanel.js';
import { HelpPanel } from '../../components/HelpPanel.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { RecipesPanel } from '../../components/RecipesPanel.js';
import { RewindPicker } from '../../components/RewindPicker.js';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import { StatsPanel } from '../../components/StatsPanel.js';
import type { RewindRow } from '../../components/types.js';
import { useRewindPicker, type RewindActions } from './use-rewind-picker.js';
import { useTerminalSize } from './use-terminal-size.js';

/** Lines under the panel: the input box (3) and the status bar, and one Ink keeps free. */
const LINES_BELOW_PANEL = 5;

export interface DialogHostProps {
  dialog: Dialog;
  isActive: boolean;
  onSelectSession(sessionId: string): void;
  /** stable across renders, so the memo holds */
  rewind: RewindActions;
}

/** The picker's state lives as long as the dialog: a new /rewind starts at the newest run. */
function RewindDialog({ rows, actions, isActive }: { rows: RewindRow[]; actions: RewindActions; isActive: boolean }) {
  const { rows: terminalRows } = useTerminalSize();
  const picker = useRewindPicker(rows, actions, isActive);
  return <RewindPicker rows={rows} {...picker} height={Math.max(12, terminalRows - LINES_BELOW_PANEL)} />;
}

export const DialogHost = memo(function DialogHost({ dialog, isActive, onSelectSession, rewind }: DialogHostProps) {
  switch (dialog.kind) {
    case 'help':
      return <HelpPanel commands={dialog.commands} />;
    case 'history':
      return <HistoryPanel histories={dialog.histories} isActive={isActive} />;
    case 'cost':
      return <CostPanel rows={dialog.rows} processTotalUsd={dialog.processTotalUsd} sessionTotalUsd={dialog.sessionTotalUsd} unknown={dialog.unknown} />;
    case 'rewind':
      return <RewindDialog rows={dialog.rows} actions={rewind} isActive={isActive} />;
    case 'recipes':
      return <RecipesPanel view={dialog.view} />;
    case 'checkpoint':
      return <CheckpointPanel checkpoint={dialog.checkpoint} />;
    case 'stats':
      return <StatsPanel filters={dialog.filters} scope={dialog.scope} isActive={isActive} />;
    case 'sessions':
      return <SessionsPanel sessions={dialog.sessions} skipped={dialog.skipped} isActive={isActive} onSelect={onSelectSession} />;
  }
});
