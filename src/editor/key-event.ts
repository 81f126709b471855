// One key as the app sees it, parsed from the terminal's bytes: a control character, an escape sequence
// (arrows, Home/End, Delete, PgUp/PgDn, with their Shift/Alt/Ctrl forms), Alt+key, or text.

export type KeyName =
  | 'text'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'insert'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'paste-start'
  | 'paste-end'
  /** focus reports and sequences bakeoff has no use for: never inserted */
  | 'ignored'
  /** a letter or symbol with Ctrl or Alt: `text` holds it (`a` for Ctrl-A, `_` for Ctrl-_) */
  | 'chord';

export interface KeyEvent {
  name: KeyName;
  /** what a `text` event inserts; the letter of a `chord` */
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  /** text that came in a bracketed paste (or a burst that can only be one) */
  paste: boolean;
}

export function keyEvent(name: KeyName, fields: Partial<Omit<KeyEvent, 'name'>> = {}): KeyEvent {
  return { name, text: '', ctrl: false, meta: false, shift: false, paste: false, ...fields };
}

/** Ctrl+letter? (`isChord(key, 'a', 'ctrl')`) */
export function isChord(key: KeyEvent, letter: string, modifier: 'ctrl' | 'meta'): boolean {
  return key.name === 'chord' && key.text === letter && key[modifier];
}

/** The key a single control character is (Ctrl-A … Ctrl-_, Tab, Enter, Backspace). */
export function controlKey(code: number): KeyEvent {
  if (code === 0x0d) return keyEvent('return');
  if (code === 0x09) return keyEvent('tab');
  if (code === 0x7f) return keyEvent('backspace');
  if (code === 0x08) return keyEvent('backspace', { ctrl: true });
  if (code === 0x1b) return keyEvent('escape');
  if (code >= 0x01 && code <= 0x1a) return keyEvent('chord', { text: String.fromCharCode(code + 0x60), ctrl: true });
  if (code >= 0x1c && code <= 0x1f) return keyEvent('chord', { text: String.fromCharCode(code + 0x40), ctrl: true });
  return keyEvent('ignored');
}

/** Modifier parameter of xterm sequences (`1;5` is Ctrl): 1 + Shift 1, Alt 2, Ctrl 4. */
function modifiers(parameter: string | undefined): Pick<KeyEvent, 'shift' | 'meta' | 'ctrl'> {
  const bits = Math.max(0, (Number(parameter) || 1) - 1);
  return { shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
}

const finalKeys: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const tildeKeys: Record<string, KeyName> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '2': 'insert', '3': 'delete', '5': 'pageup', '6': 'pagedown', '200': 'paste-start', '201': 'paste-end' };

/** One escape sequence as Ink's parser delivers it whole: `\x1b[1;5D`, `\x1bOH`, `\x1bb`, a lone `\x1b`. */
export function escapeSequenceKey(sequence: string): KeyEvent {
  if (sequence === '\x1b' || sequence === '\x1b\x1b') return keyEvent('escape');
  const meta = sequence.startsWith('\x1b\x1b');
  const body = meta ? sequence.slice(1) : sequence;
  const csi = /^\x1b\[(\[?)([\d;]*)([A-Za-z~^$])$/.exec(body);
  if (csi) {
    const [, , parameters, final] = csi;
    const [first, second] = parameters.split(';');
    if (final === '~') {
      const name = tildeKeys[first];
      return name ? keyEvent(name, { ...modifiers(second), ...(meta ? { meta } : {}) }) : keyEvent('ignored');
    }
    if (final === 'Z') return keyEvent('tab', { shift: true });
    const name = finalKeys[final];
    if (name) return keyEvent(name, { ...modifiers(second), ...(meta ? { meta } : {}) });
    return keyEvent('ignored');
  }
  const ss3 = /^\x1bO([A-Za-z])$/.exec(body);
  if (ss3) {
    if (ss3[1] === 'M') return keyEvent('return');
    const name = finalKeys[ss3[1]];
    return name ? keyEvent(name, meta ? { meta } : {}) : keyEvent('ignored');
  }
  // Alt+key: ESC then the key
  const rest = sequence.slice(1);
  if ([...rest].length === 1) {
    const code = rest.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return { ...controlKey(code), meta: true };
    const lower = rest.toLowerCase();
    return keyEvent('chord', { text: lower, meta: true, shift: lower !== rest });
  }
  return keyEvent('ignored');
}
