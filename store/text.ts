// Small text rules of the data format: previews cut at code points, prompt hashes.
import { createHash } from 'node:crypto';

export const PREVIEW_LENGTH = 120;

/** The first `max` Unicode code points of `text` (a surrogate pair is never cut in half). */
export function preview(text: string, max = PREVIEW_LENGTH): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === max) break;
    out += ch;
    count++;
  }
  return out;
}

/** "ph_" + hex sha256 of the prompt's UTF-8 bytes. */
export function promptHash(prompt: string): string {
  return 'ph_' + createHash('sha256').update(prompt, 'utf8').digest('hex');
}
