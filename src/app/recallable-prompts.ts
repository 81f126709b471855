// The prompt history as Up/Down and Ctrl-R offer it: each entry made visible (a hostile
// prompt_history.jsonl cannot drive the terminal through the input line) and cut to a bounded prefix (a
// 50 MB line is recalled as its first 64 KB, so the input stays responsive and Ctrl-C keeps working).
import { visibleText } from '../text/visible-text.js';

export const RECALL_MAX_CHARS = 65_536;

export function recallablePrompt(entry: string): string {
  const cut = entry.length > RECALL_MAX_CHARS;
  return visibleText(cut ? entry.slice(0, RECALL_MAX_CHARS) : entry) + (cut ? '…' : '');
}

/** A mapper that converts the store's list once per change (it grows at the front), not on every key. */
export function recallableEntries(): (entries: readonly string[]) => readonly string[] {
  let source: readonly string[] | null = null;
  let length = -1;
  let newest: string | undefined;
  let mapped: readonly string[] = [];
  return (entries) => {
    if (entries !== source || entries.length !== length || entries[0] !== newest) {
      source = entries;
      length = entries.length;
      newest = entries[0];
      mapped = entries.map(recallablePrompt);
    }
    return mapped;
  };
}
