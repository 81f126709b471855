// The pick after a run: the finished run waiting for a choice, its numbered options, the highlighted one.
import { useCallback, useState } from 'react';
import type { Choice, CompletedRun } from '../runs/types.js';
import type { SelectionOption } from '../../components/types.js';
import { parseSelection } from './selection.js';
import { canRate } from '../runs/pickable.js';

export interface SelectionState {
  pending: CompletedRun | null;
  options: SelectionOption[];
  highlighted: number;
  rateable: boolean;
  error: string;
  begin(run: CompletedRun, options: SelectionOption[]): void;
  move(delta: number): void;
  /** the choice a typed line makes, or null (and an error shown) */
  parse(line: string): Choice | null;
  end(): void;
  fail(message: string): void;
}

export function useSelection(): SelectionState {
  const [pending, setPending] = useState<CompletedRun | null>(null);
  const [options, setOptions] = useState<SelectionOption[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  const [error, setError] = useState('');
  const rateable = pending ? canRate(pending) : false;

  const begin = useCallback((run: CompletedRun, next: SelectionOption[]) => {
    setPending(run);
    setOptions(next);
    setHighlighted(0);
    setError('');
  }, []);
  const move = useCallback(
    (delta: number) => setHighlighted((i) => (options.length === 0 ? 0 : (i + delta + options.length) % options.length)),
    [options.length],
  );
  const parse = useCallback(
    (line: string): Choice | null => {
      const choice = parseSelection(line, options, rateable, highlighted);
      if ('error' in choice) {
        setError(choice.error);
        return null;
      }
      setError('');
      return choice;
    },
    [options, rateable, highlighted],
  );
  const end = useCallback(() => {
    setPending(null);
    setOptions([]);
    setError('');
  }, []);
  return { pending, options, highlighted, rateable, error, begin, move, parse, end, fail: setError };
}
