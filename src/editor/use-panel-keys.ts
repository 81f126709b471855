// Keys for a panel, in the shape Ink's useInput gives (`input`, `key.upArrow`…), but one key at a time from
// the app's dispatcher: a panel only gets the keys the app's router leaves to it.
import type { KeyEvent } from './key-event.js';
import { useKeypress } from './KeypressProvider.js';

export interface PanelKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

export function panelKey(key: KeyEvent): { input: string; key: PanelKey } {
  const is = (name: KeyEvent['name']) => key.name === name;
  return {
    input: key.name === 'text' || key.name === 'chord' ? key.text : '',
    key: {
      upArrow: is('up'),
      downArrow: is('down'),
      leftArrow: is('left'),
      rightArrow: is('right'),
      pageUp: is('pageup'),
      pageDown: is('pagedown'),
      home: is('home'),
      end: is('end'),
      return: is('return'),
      escape: is('escape'),
      tab: is('tab'),
      backspace: is('backspace'),
      delete: is('delete'),
      ctrl: key.ctrl,
      meta: key.meta,
      shift: key.shift,
    },
  };
}

export function usePanelKeys(handler: (input: string, key: PanelKey) => void, { isActive }: { isActive: boolean }): void {
  useKeypress(
    (event) => {
      const { input, key } = panelKey(event);
      handler(input, key);
      return true;
    },
    { isActive },
  );
}
