// The readline (emacs) keys of the prompt line: which key is which edit. Keys that are not edits (Enter,
// Up/Down on the first/last line, Tab, Ctrl-R, Ctrl-L, Ctrl-X Ctrl-E, Esc, Ctrl-C) belong to the app.
// A control key never inserts a character: a chord with no edit is ignored.
import type { EditAction } from './editor-reducer.js';
import type { KeyEvent } from './key-event.js';

const ctrlChords: Record<string, EditAction> = {
  a: { type: 'line-start' },
  e: { type: 'line-end' },
  b: { type: 'left' },
  f: { type: 'right' },
  h: { type: 'backspace' },
  d: { type: 'delete' },
  w: { type: 'kill-space-word-back' },
  u: { type: 'kill-to-start' },
  k: { type: 'kill-to-end' },
  y: { type: 'yank' },
  _: { type: 'undo' },
  j: { type: 'insert', text: '\n' },
};

const metaChords: Record<string, EditAction> = {
  b: { type: 'word-left' },
  f: { type: 'word-right' },
  d: { type: 'kill-word-forward' },
};

/** The edit a key makes on the prompt line, or null when it is not an edit. */
export function editActionFor(key: KeyEvent): EditAction | null {
  switch (key.name) {
    case 'text':
      return { type: 'insert', text: key.text, paste: key.paste };
    case 'chord':
      return (key.ctrl ? ctrlChords[key.text] : undefined) ?? (key.meta ? metaChords[key.text] : undefined) ?? null;
    case 'backspace':
      return key.meta ? { type: 'kill-word-back' } : { type: 'backspace' };
    case 'delete':
      return key.ctrl || key.meta ? { type: 'kill-word-forward' } : { type: 'delete' };
    case 'left':
      return key.ctrl || key.meta ? { type: 'word-left' } : { type: 'left' };
    case 'right':
      return key.ctrl || key.meta ? { type: 'word-right' } : { type: 'right' };
    case 'up':
      return { type: 'line-up' };
    case 'down':
      return { type: 'line-down' };
    case 'home':
      return { type: 'line-start' };
    case 'end':
      return { type: 'line-end' };
    default:
      return null;
  }
}
