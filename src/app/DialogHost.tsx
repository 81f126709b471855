// The open panel: a command's dialog result rendered by its component.
import { memo } from 'react';
import type { Dialog } from '../commands/types.js';
import { CheckpointPanel } from '../../components/CheckpointPanel.js';
import { CostPanel } from '../../components/CostPanel.js';
import { HelpPanel } from '../../components/HelpPanel.js';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import { RecipesPanel } from '../../components/RecipesPanel.js';
import { RewindPanel } from '../../components/RewindPanel.js';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import { StatsPanel } from '../../components/StatsPanel.js';

export interface DialogHostProps {
  dialog: Dialog;
  isActive: boolean;
  onSelectSession(sessionId: string): void;
}

export const DialogHost = memo(function DialogHost({ dialog, isActive, onSelectSession }: DialogHostProps) {
  switch (dialog.kind) {
    case 'help':
      return <HelpPanel commands={dialog.commands} />;
    case 'history':
      return <HistoryPanel histories={dialog.histories} isActive={isActive} />;
    case 'cost':
      return <CostPanel rows={dialog.rows} processTotalUsd={dialog.processTotalUsd} sessionTotalUsd={dialog.sessionTotalUsd} unknown={dialog.unknown} />;
    case 'rewind':
      return <RewindPanel rows={dialog.rows} />;
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
