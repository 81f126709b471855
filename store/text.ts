// Small text rules of the data format: previews cut as Errata cuts them, prompt hashes.
import { createHash } from 'node:crypto';
import { firstCodePoints } from './code-points.js';

export const PREVIEW_LENGTH = 120;

/** The first `max` Unicode code points of `text` (a surrogate pair is never cut in half). */
export function preview(text: string, max = PREVIEW_LENGTH): string {
  return firstCodePoints(text, max);
}

/**
 * A run's `prompt_preview` as Errata writes it: the first `max` UTF-8 bytes (Go's `prompt[:120]`); a character
 * cut in half leaves bytes that Go's JSON encoder writes as one U+FFFD each.
 */
export function previewBytes(text: string, max = PREVIEW_LENGTH): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max;
  // back to the start of the character the cut falls in (continuation bytes are 10xxxxxx)
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8') + '\uFFFD'.repeat(max - end);
}

/** "ph_" + hex sha256 of the prompt's UTF-8 bytes. */
export function promptHash(prompt: string): string {
  return 'ph_' + createHash('sha256').update(prompt, 'utf8').digest('hex');
}
