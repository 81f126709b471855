// Turns what Ink reads from the terminal into keys, in order. Ink hands over escape sequences whole and
// text as runs (a run can hold many keys: three Backspaces, `abc` and Enter); this splits runs into keys,
// collects a bracketed paste (`\x1b[200~ … \x1b[201~`, over any number of reads) into one text event, and
// treats a run with a return followed by more text as an unbracketed paste, so it is never sent early.
import { controlKey, escapeSequenceKey, keyEvent, type KeyEvent } from './key-event.js';
import { graphemes } from './graphemes.js';

export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export interface KeyReader {
  /** the keys in one piece of input (an escape sequence, or a run of text) */
  push(piece: string): KeyEvent[];
  /** a paste cut off (the app is leaving): what was collected, as one text event */
  flush(): KeyEvent[];
}

/** Pasted text as the prompt keeps it: lines end in `\n`, no escape sequences or control characters but tabs. */
export function cleanPastedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

/** A return with text after it in one read is a paste without brackets (terminals paste line breaks as
 *  returns); Ctrl-J, a typed newline, is a key like any other. */
function isUnbracketedPaste(run: string): boolean {
  const lineBreak = run.indexOf('\r');
  return lineBreak !== -1 && /[^\x00-\x1f\x7f]/.test(run.slice(lineBreak + 1));
}

function runKeys(run: string): KeyEvent[] {
  if (isUnbracketedPaste(run)) return [keyEvent('text', { text: cleanPastedText(run), paste: true })];
  const keys: KeyEvent[] = [];
  for (const grapheme of graphemes(run)) {
    const code = grapheme.codePointAt(0)!;
    if (grapheme.length === 1 && (code < 0x20 || code === 0x7f)) keys.push(controlKey(code));
    else if (code >= 0x80 && code <= 0x9f) continue; // C1 controls are never text
    else keys.push(keyEvent('text', { text: grapheme }));
  }
  return keys;
}

export function createKeyReader(): KeyReader {
  let pasted: string[] | null = null;
  const endPaste = (): KeyEvent[] => {
    const text = cleanPastedText((pasted ?? []).join(''));
    pasted = null;
    return text ? [keyEvent('text', { text, paste: true })] : [];
  };
  return {
    push(piece) {
      if (piece.startsWith('\x1b')) {
        const key = escapeSequenceKey(piece);
        if (key.name === 'paste-start') {
          pasted ??= [];
          return [];
        }
        if (key.name === 'paste-end') return pasted ? endPaste() : [];
        if (pasted) {
          pasted.push(piece);
          return [];
        }
        return key.name === 'ignored' ? [] : [key];
      }
      if (pasted) {
        pasted.push(piece);
        return [];
      }
      return runKeys(piece);
    },
    flush: () => (pasted ? endPaste() : []),
  };
}
