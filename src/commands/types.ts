// A slash command is data: a name, words for /help, and an action that works through the Store and
// returns what the UI should do next. Actions never touch the UI, so a test can run them on a fake context.
import type { Checkpoint, DataLayout, Store } from '../../store/index.js';
import type { AppServices } from '../app/services.js';
import type {
  CheckpointView,
  CommandHint,
  ContentSearch,
  CostRow,
  HistoryTurn,
  RecipesView,
  RewindRow,
  SessionRow,
  StatsFilterView,
} from '../../components/types.js';

/** A panel to open, with the data it shows (loaded by the command, rendered by a component). */
export type Dialog =
  | { kind: 'help'; commands: CommandHint[] }
  | { kind: 'history'; histories: Record<string, HistoryTurn[]> }
  | { kind: 'cost'; rows: CostRow[]; processTotalUsd: number; sessionTotalUsd: number; unknown: boolean }
  /** the rewind picker over every undoable run, newest first */
  | { kind: 'rewind'; rows: RewindRow[] }
  | { kind: 'recipes'; view: RecipesView }
  | { kind: 'checkpoint'; checkpoint: CheckpointView | null }
  | { kind: 'stats'; filters: StatsFilterView[]; scope: 'session' | 'all' }
  | { kind: 'sessions'; sessions: SessionRow[]; skipped: string[]; searchContent: ContentSearch };

export type DialogKind = Dialog['kind'];

export type CommandResult =
  | { type: 'message'; level: 'info' | 'error'; text: string }
  | { type: 'dialog'; dialog: Dialog }
  | { type: 'quit' }
  /** the display is cleared; what the Store had to forget is already forgotten */
  | { type: 'clear'; text: string }
  /** runs were undone: each one's feed item gets its new note, the oldest one's prompt goes back in the input */
  | { type: 'rewound'; undone: { feedIndex: number; note: string }[]; restoredPrompt: string; text: string }
  /** a rewind was taken back: each redone run's feed item gets its note back */
  | { type: 'redone'; redone: { feedIndex: number; note: string }[]; text: string }
  /** start a run (/resume) */
  | { type: 'run'; prompt: string; resume: Checkpoint }
  | { type: 'switch-session'; sessionId: string }
  /** a recipe was loaded: its models run from the next prompt on */
  | { type: 'models'; models: string[]; text: string }
  | { type: 'verbose'; verbose: boolean; text: string }
  /** open $VISUAL/$EDITOR on this text; the result goes in the prompt line */
  | { type: 'edit-prompt'; text: string }
  | { type: 'blind'; blind: boolean; text: string }
  /** run the pending pick's failed models again */
  | { type: 'retry' };

/** What a command may use: the Store, the session it belongs to, a read-only view of the UI. */
export interface CommandContext {
  store: Store;
  session: {
    layout: DataLayout;
    /** the models that run */
    models: string[];
    /** every model the recipe names, usable or not */
    recipeModels: string[];
    projectRoot: string;
  };
  ui: {
    verbose: boolean;
    /** blind mode: runs show labels, not model names, until the pick */
    blind: boolean;
    /** spend of cancelled runs that were not recorded in the session (see session-cost.ts) */
    unrecordedSpendUsd: number;
    /** models whose price is unknown */
    unknownPriceModels: ReadonlySet<string>;
    /** every command, for /help */
    commands: readonly SlashCommand[];
  };
  services: Pick<AppServices, 'compactSession' | 'resolveModels' | 'renderSessionReport'>;
}

export interface SlashCommand {
  name: string;
  altNames?: string[];
  description: string;
  /** usage of the arguments for /help, e.g. `[all]`, `<path>` */
  args?: string;
  /** refuse while a run is under way or waits for a pick: it changes what the run depends on */
  idleOnly?: boolean;
  /** candidates for the argument being typed */
  completion?(context: CommandContext, partial: string): Promise<string[]> | string[];
  action(context: CommandContext, args: string): Promise<CommandResult> | CommandResult;
}

export const info = (text: string): CommandResult => ({ type: 'message', level: 'info', text });
export const failure = (text: string): CommandResult => ({ type: 'message', level: 'error', text });
