// The run under way: one panel per model, side by side, stacked when the terminal is too narrow.
import { Box } from 'ink';
import { memo, useEffect, useState } from 'react';
import type { LiveModel, LiveRun as LiveRunState } from '../src/runs/types.js';
import { ModelPanel } from './ModelPanel.js';
import { PromptHeader } from './PromptHeader.js';
import { disguised } from '../src/session/blind-labels.js';

/** A running model's elapsed time is redrawn this often even when nothing streams, so a wait never looks hung. */
export const ELAPSED_TICK_MS = 500;

/** The clock, ticking while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ELAPSED_TICK_MS);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/** Narrower than this, a panel cannot show a useful line: stack them instead. */
const MIN_PANEL_WIDTH = 36;

/** Blind mode: the panels' order and titles, and a mask that hides model names in what they show. */
export interface PanelDisguise {
  order: readonly string[];
  labelOf: ReadonlyMap<string, string>;
  mask(text: string): string;
}

export interface LiveRunProps {
  run: LiveRunState;
  verbose: boolean;
  columns: number;
  disguise?: PanelDisguise | null;
}

/** Blind mode's panels: in label order, titled by label, names masked in the text, the error and the events too. */
function disguisedPanels(models: readonly LiveModel[], disguise: PanelDisguise): LiveModel[] {
  return disguised(disguise, models, disguise.mask).map((model) => ({ ...model, events: model.events.map((event) => ({ ...event, data: disguise.mask(event.data) })) }));
}

export const LiveRun = memo(function LiveRun({ run, verbose, columns, disguise }: LiveRunProps) {
  const models = disguise ? disguisedPanels(run.models, disguise) : run.models;
  const count = Math.max(1, models.length);
  const sideBySide = Math.floor(columns / count) >= MIN_PANEL_WIDTH;
  const width = sideBySide ? Math.floor(columns / count) : columns;
  const now = useNow(run.models.some((model) => model.status === 'running'));
  return (
    <Box flexDirection="column">
      <PromptHeader prompt={disguise ? disguise.mask(run.prompt) : run.prompt} />
      <Box flexDirection={sideBySide ? 'row' : 'column'}>
        {models.map((model) => (
          <ModelPanel key={model.modelId} model={model} verbose={verbose} width={width} now={now} />
        ))}
      </Box>
    </Box>
  );
});
