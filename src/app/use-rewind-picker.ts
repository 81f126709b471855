// The rewind picker's state and keys: which run, which mode, the plan of that choice (loaded from the Store,
// the last one kept on screen while the next loads), and the question before overwriting files changed by hand.
// Esc is the app's: it closes every panel.

import { usePanelKeys } from '../editor/use-panel-keys.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RewindDriftError } from '../../store/rewind-plan.js';
import type { RewindFileChange, RewindMode, RewindPlan } from '../../store/rewind-plan.js';
import { displayPath, fileAction, fileDiff } from '../rewind/plan-text.js';
import { REWIND_MODES, rewindModeLabel } from '../../components/RewindPicker.js';
import type { RewindConfirmation, RewindPreview, RewindRow } from '../../components/types.js';
import { useLatest } from './use-latest.js';

/** What the picker asks of the app: a plan to preview, and the rewind itself (which closes the picker). */
export interface RewindActions {
  plan(feedIndex: number, mode: RewindMode): Promise<RewindPlan>;
  rewindTo(feedIndex: number, mode: RewindMode, allowDrift: boolean): Promise<void>;
}

export interface RewindPickerState {
  selected: number;
  mode: RewindMode;
  preview: RewindPreview | null;
  loading: boolean;
  confirmation: RewindConfirmation | null;
}

/** "\ No newline at end of file" only says something when one side has that newline and the other not. */
function newlineAtEndDiffers(file: RewindFileChange): boolean {
  return file.current !== null && file.restored !== null && (file.current.at(-1) === 0x0a) !== (file.restored.at(-1) === 0x0a);
}

/** A unified diff without its ---/+++ header (a binary file's one line has none). */
const withoutHeader = (lines: string[]): string[] => (lines[0]?.startsWith('---') ? lines.slice(2) : lines);

/** The plan as the picker shows it: run numbers, each file's action and diff lines. */
export function previewOfPlan(plan: RewindPlan, runNumber: (feedIndex: number) => number): RewindPreview {
  return {
    mode: plan.mode,
    runs: plan.runs.map((run) => runNumber(run.feedIndex)),
    files: plan.files.map((file) => ({
      path: displayPath(file),
      action: fileAction(file),
      // the ---/+++ header names the file and the sides, which the picker already says
      diff: withoutHeader(fileDiff(file).split('\n')).filter((line) => !line.startsWith('\\') || newlineAtEndDiffers(file)),
      drifted: file.drifted,
      lost: file.lost,
    })),
    turnsRemoved: plan.turnsRemoved,
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface Choice {
  selected: number;
  mode: RewindMode;
  confirmation: RewindConfirmation | null;
}

export function useRewindPicker(rows: readonly RewindRow[], actions: RewindActions, isActive: boolean): RewindPickerState {
  const [choice, setChoice] = useState<Choice>({ selected: 0, mode: 'both', confirmation: null });
  // keys can come faster than renders: every change goes through the ref, so the next key sees it
  const current = useRef(choice);
  const update = useCallback((changes: Partial<Choice>) => {
    current.current = { ...current.current, ...changes };
    setChoice(current.current);
  }, []);
  const [shown, setShown] = useState<{ key: string; plan: RewindPlan } | null>(null);
  const latest = useLatest({ rows, actions });

  const row = rows[choice.selected];
  const planKey = row ? `${row.feedIndex}:${choice.mode}` : '';
  useEffect(() => {
    if (!row) return;
    let wanted = true;
    actions.plan(row.feedIndex, choice.mode).then(
      (plan) => wanted && setShown({ key: planKey, plan }),
      (error: unknown) => wanted && update({ confirmation: { kind: 'note', level: 'error', text: `Cannot work out the rewind: ${messageOf(error)}` } }),
    );
    return () => {
      wanted = false;
    };
    // planKey stands for the row and the mode
  }, [planKey, actions, update]);

  const preview = useMemo(
    () => (shown ? previewOfPlan(shown.plan, (feedIndex) => rows.find((r) => r.feedIndex === feedIndex)?.run ?? feedIndex + 1) : null),
    [shown, rows],
  );

  const confirm = async (allowDrift: boolean): Promise<void> => {
    const { rows: list, actions: act } = latest.current;
    const { selected, mode } = current.current;
    const target = list[selected];
    if (!target) return;
    try {
      if (!allowDrift) {
        // the preview may be older than someone's edit: check the files again now
        update({ confirmation: { kind: 'working', text: 'Checking the files…' } });
        const plan = await act.plan(target.feedIndex, mode);
        setShown({ key: `${target.feedIndex}:${mode}`, plan });
        const drifted = plan.files.filter((file) => file.drifted).map(displayPath);
        if (drifted.length > 0) return update({ confirmation: { kind: 'drift', paths: drifted } });
      }
      update({ confirmation: { kind: 'working', text: `Rewinding (${rewindModeLabel[mode]})…` } });
      await act.rewindTo(target.feedIndex, mode, allowDrift);
    } catch (error) {
      // a file edited between the check and the rewind: the Store refused, nothing changed
      const text =
        error instanceof RewindDriftError
          ? `Nothing was rewound: ${error.message.replace(/; rewind again.*/, '')}. Enter asks again.`
          : `The rewind failed: ${messageOf(error)}`;
      update({ confirmation: { kind: 'note', level: 'error', text } });
    }
  };

  usePanelKeys(
    (input, key) => {
      const { selected, mode, confirmation } = current.current;
      const count = latest.current.rows.length;
      if (confirmation?.kind === 'working') return;
      if (confirmation?.kind === 'drift') {
        if (input.toLowerCase() === 'y') void confirm(true);
        else if (input.toLowerCase() === 'n') {
          const leftAs = confirmation.paths.length === 1 ? 'it is' : 'they are';
          const text = `Nothing was rewound; ${confirmation.paths.join(', ')} left as ${leftAs}. Tab to "conversation only" keeps the files.`;
          update({ confirmation: { kind: 'note', level: 'info', text } });
        }
        return;
      }
      if (key.upArrow || input === 'k') update({ selected: Math.max(0, selected - 1), confirmation: null });
      else if (key.downArrow || input === 'j') update({ selected: Math.min(count - 1, selected + 1), confirmation: null });
      else if (/^[1-9]$/.test(input) && Number(input) <= count) update({ selected: Number(input) - 1, confirmation: null });
      else if (key.tab || input === 'm') {
        const step = key.shift ? REWIND_MODES.length - 1 : 1;
        update({ mode: REWIND_MODES[(REWIND_MODES.indexOf(mode) + step) % REWIND_MODES.length], confirmation: null });
      } else if (key.return) void confirm(false);
    },
    { isActive },
  );

  return {
    selected: choice.selected,
    mode: choice.mode,
    preview,
    loading: shown?.key !== planKey,
    confirmation: choice.confirmation,
  };
}
