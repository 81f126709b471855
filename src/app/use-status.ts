// The status bar's facts, re-read from the Store when something changed (not on every live frame).
import { useEffect, useMemo, useState } from 'react';
import { hashOfWhatWillRun } from '../session/run-hash.js';
import type { Store } from '../../store/index.js';
import type { StatusInfo } from '../../components/types.js';
import { sessionCostUsd } from './session-cost.js';

export interface StatusInputs {
  /** bumped after every change to the Store */
  revision: number;
  running: boolean;
  verbose: boolean;
  blind: boolean;
  unrecordedSpendUsd: number;
  unknownPriceModels: ReadonlySet<string>;
  /** `sandbox: …`, or '' */
  sandboxLabel: string;
}

export function useStatus(store: Store, models: string[], inputs: StatusInputs): StatusInfo {
  const { revision, running, verbose, blind, unrecordedSpendUsd, unknownPriceModels, sandboxLabel } = inputs;
  const [checkpoint, setCheckpoint] = useState(false);
  useEffect(() => {
    let current = true;
    store.loadCheckpoint().then(
      (cp) => current && setCheckpoint(cp !== null),
      () => current && setCheckpoint(false),
    );
    return () => {
      current = false;
    };
  }, [store, revision, running]);

  return useMemo(
    () => ({
      sessionId: store.sessionId(),
      title: store.title(),
      recipeName: store.activeRecipe()?.name || 'default',
      recipeHash: hashOfWhatWillRun(store),
      models,
      sessionCostUsd: sessionCostUsd(store.metadata().runs, unrecordedSpendUsd),
      costUnknown: models.some((m) => unknownPriceModels.has(m)),
      rewindDepth: store.rewindStackLen(),
      redoDepth: store.redoDepth(),
      // while a run is under way its checkpoint is being written: only an interrupted one counts
      checkpoint: checkpoint && !running,
      verbose,
      blind,
      sandbox: sandboxLabel,
    }),
    // `revision` stands for every change to the Store
    [store, models, revision, running, verbose, blind, unrecordedSpendUsd, unknownPriceModels, checkpoint, sandboxLabel],
  );
}
