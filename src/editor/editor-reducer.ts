// One editor state and one pure reducer: every key the prompt line gets is an action applied in order, so
// a burst of N keys has the effect of N keys. Kills go to a kill buffer (Ctrl-Y yanks it), edits to an undo
// stack (Ctrl-_), typing in a row is one undo step.
import * as buffer from './text-buffer.js';
import type { TextBuffer } from './text-buffer.js';

export type EditAction =
  | { type: 'insert'; text: string; paste?: boolean }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'word-left' }
  | { type: 'word-right' }
  | { type: 'line-start' }
  | { type: 'line-end' }
  /** Up/Down inside a multi-line prompt; nothing on the first/last line (the caller walks history) */
  | { type: 'line-up' }
  | { type: 'line-down' }
  | { type: 'kill-to-start' }
  | { type: 'kill-to-end' }
  | { type: 'kill-word-back' }
  | { type: 'kill-word-forward' }
  | { type: 'kill-space-word-back' }
  | { type: 'yank' }
  | { type: 'undo' }
  /** the app puts a whole text in (history, completion, a rewind, $EDITOR): undoable, cursor at the end */
  | { type: 'set'; text: string };

export interface EditorState extends TextBuffer {
  /** the last kill, for Ctrl-Y */
  readonly killed: string;
  /** earlier texts and cursors, newest last */
  readonly undo: readonly TextBuffer[];
  /** the previous action's type: typing in a row is one undo step, kills in a row add up */
  readonly last: EditAction['type'] | null;
  /** the column Up/Down aim for, kept across a run of them */
  readonly goalColumn: number | null;
}

export const UNDO_LIMIT = 200;

export const initialEditor: EditorState = { text: '', cursor: 0, killed: '', undo: [], last: null, goalColumn: null };

export function editorWith(text: string): EditorState {
  return { ...initialEditor, text, cursor: text.length };
}

const isKill = (type: EditAction['type'] | null): boolean => type !== null && type.startsWith('kill-');

function withUndo(state: EditorState, next: TextBuffer, action: EditAction, killed = state.killed): EditorState {
  if (next.text === state.text) return { ...state, cursor: next.cursor, last: action.type, goalColumn: null, killed };
  const groupTyping = action.type === 'insert' && !action.paste && state.last === 'insert';
  const undo = groupTyping ? state.undo : [...state.undo.slice(-(UNDO_LIMIT - 1)), { text: state.text, cursor: state.cursor }];
  return { ...state, text: next.text, cursor: next.cursor, undo, killed, last: action.type, goalColumn: null };
}

function move(state: EditorState, cursor: number, action: EditAction): EditorState {
  return { ...state, cursor, last: action.type, goalColumn: null };
}

/** Remove [from, to) into the kill buffer; kills in a row add up, as in readline. */
function kill(state: EditorState, from: number, to: number, action: EditAction, backward: boolean): EditorState {
  if (from >= to) return { ...state, last: action.type };
  const cut = state.text.slice(from, to);
  const killed = isKill(state.last) ? (backward ? cut + state.killed : state.killed + cut) : cut;
  return withUndo(state, buffer.removeRange(state, from, to), action, killed);
}

export function editorReducer(state: EditorState, action: EditAction): EditorState {
  switch (action.type) {
    case 'insert':
      return action.text ? withUndo(state, buffer.insert(state, action.text), action) : state;
    case 'backspace':
      return withUndo(state, buffer.removeRange(state, buffer.left(state), state.cursor), action);
    case 'delete':
      return withUndo(state, buffer.removeRange(state, state.cursor, buffer.right(state)), action);
    case 'left':
      return move(state, buffer.left(state), action);
    case 'right':
      return move(state, buffer.right(state), action);
    case 'word-left':
      return move(state, buffer.wordLeft(state), action);
    case 'word-right':
      return move(state, buffer.wordRight(state), action);
    case 'line-start':
      return move(state, buffer.lineStart(state), action);
    case 'line-end':
      return move(state, buffer.lineEnd(state), action);
    case 'line-up':
    case 'line-down': {
      const goal = state.goalColumn ?? buffer.column(state);
      const cursor = action.type === 'line-up' ? buffer.lineUp(state, goal) : buffer.lineDown(state, goal);
      return cursor === null ? state : { ...state, cursor, last: action.type, goalColumn: goal };
    }
    case 'kill-to-start': {
      const start = buffer.lineStart(state);
      // at the start of a line, join it to the one above (as Ctrl-K at the end joins the next)
      return kill(state, start === state.cursor ? Math.max(0, start - 1) : start, state.cursor, action, true);
    }
    case 'kill-to-end': {
      const end = buffer.lineEnd(state);
      return kill(state, state.cursor, end === state.cursor ? Math.min(state.text.length, end + 1) : end, action, false);
    }
    case 'kill-word-back':
      return kill(state, buffer.wordLeft(state), state.cursor, action, true);
    case 'kill-space-word-back':
      return kill(state, buffer.spaceWordLeft(state), state.cursor, action, true);
    case 'kill-word-forward':
      return kill(state, state.cursor, buffer.wordRight(state), action, false);
    case 'yank':
      return state.killed ? withUndo(state, buffer.insert(state, state.killed), action) : state;
    case 'undo': {
      const previous = state.undo.at(-1);
      if (!previous) return { ...state, last: action.type };
      return { ...state, text: previous.text, cursor: previous.cursor, undo: state.undo.slice(0, -1), last: action.type, goalColumn: null };
    }
    case 'set':
      return withUndo(state, buffer.bufferOf(action.text), action);
  }
}

/** Is the editor's cursor on the first (Up walks history) or last (Down walks history) line? */
export const atFirstLine = (state: EditorState): boolean => buffer.onFirstLine(state);
export const atLastLine = (state: EditorState): boolean => buffer.onLastLine(state);
