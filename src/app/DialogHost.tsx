// The open panel: a command's dialog result rendered by its component, in `height` rows (a taller body
// scrolls, or the panel windows its own list).
import { memo, type ReactNode } from 'react';
import type { Dialog, DialogKind } from '../commands/types.js';
import { CheckpointPanel } from '../../components/CheckpointPanel.js';
import { CostPanel } from '../../components/CostPanel.js';
import { HelpPanel } from '../../components/HelpPanel.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { PanelScroll } from '../../components/PanelFrame.js';
import { RecipesPanel } from '../../components/RecipesPanel.js';
import { RewindPicker } from '../../components/RewindPicker.js';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import { StatsPanel } from '../../components/StatsPanel.js';
import type { RewindRow } from '../../components/types.js';
import { useRewindPicker, type RewindActions } from './use-rewind-picker.js';

/** Rows a panel's frame takes around its body: the border and the title. */
export const PANEL_CHROME_ROWS = 3;

/** What the prompt line says while each panel has the keys. */
export const PANEL_HINTS: Record<DialogKind, string> = {
  help: '↑/↓ PgUp/PgDn scroll',
  history: '←/→ model · ↑/↓ PgUp/PgDn scroll',
  cost: '↑/↓ PgUp/PgDn scroll',
  rewind: '↑/↓ move · Tab mode · Enter rewind',
  recipes: '↑/↓ PgUp/PgDn scroll',
  checkpoint: '↑/↓ PgUp/PgDn scroll',
  stats: 'Tab session/all · ←/→ recipe · ↑/↓ scroll',
  sessions: '↑/↓ move · Enter switch · / filter · d delete',
};

/** The panels whose own keys include `/` (the sessions panel's filter): there it does not start a command. */
export function panelTakesSlash(kind: DialogKind): boolean {
  return kind === 'sessions';
}

export function panelHint(kind: DialogKind): string {
  return `${kind} has the keys: ${PANEL_HINTS[kind]} · Esc closes${panelTakesSlash(kind) ? '' : ' · / starts a command'}`;
}

export interface DialogHostProps {
  dialog: Dialog;
  isActive: boolean;
  /** rows the panel may take, frame included */
  height: number;
  onSelectSession(sessionId: string): void;
  /** the sessions panel's delete, after its y/n */
  onDeleteSession(sessionId: string): void;
  /** stable across renders, so the memo holds */
  rewind: RewindActions;
}

/** The picker's state lives as long as the dialog: a new /rewind starts at the newest run. */
function RewindDialog({ rows, actions, isActive, height }: { rows: RewindRow[]; actions: RewindActions; isActive: boolean; height: number }) {
  const picker = useRewindPicker(rows, actions, isActive);
  return <RewindPicker rows={rows} {...picker} height={Math.max(12, height)} />;
}

function Scrolling({ height, isActive, children }: { height: number; isActive: boolean; children: ReactNode }) {
  return <PanelScroll.Provider value={{ height: Math.max(3, height - PANEL_CHROME_ROWS), isActive }}>{children}</PanelScroll.Provider>;
}

export const DialogHost = memo(function DialogHost({ dialog, isActive, height, onSelectSession, onDeleteSession, rewind }: DialogHostProps) {
  const scroll = { height, isActive };
  switch (dialog.kind) {
    case 'help':
      return (
        <Scrolling {...scroll}>
          <HelpPanel commands={dialog.commands} />
        </Scrolling>
      );
    case 'history':
      return <HistoryPanel histories={dialog.histories} isActive={isActive} height={Math.max(3, Math.min(12, height - PANEL_CHROME_ROWS - 1))} />;
    case 'cost':
      return (
        <Scrolling {...scroll}>
          <CostPanel rows={dialog.rows} processTotalUsd={dialog.processTotalUsd} sessionTotalUsd={dialog.sessionTotalUsd} unknown={dialog.unknown} />
        </Scrolling>
      );
    case 'rewind':
      return <RewindDialog rows={dialog.rows} actions={rewind} isActive={isActive} height={height} />;
    case 'recipes':
      return (
        <Scrolling {...scroll}>
          <RecipesPanel view={dialog.view} />
        </Scrolling>
      );
    case 'checkpoint':
      return (
        <Scrolling {...scroll}>
          <CheckpointPanel checkpoint={dialog.checkpoint} />
        </Scrolling>
      );
    case 'stats':
      return (
        <Scrolling {...scroll}>
          <StatsPanel filters={dialog.filters} scope={dialog.scope} isActive={isActive} />
        </Scrolling>
      );
    case 'sessions':
      return (
        <SessionsPanel sessions={dialog.sessions} skipped={dialog.skipped} searchContent={dialog.searchContent} isActive={isActive} onSelect={onSelectSession} onDelete={onDeleteSession} />
      );
  }
});
