// Where a read-only tool may look: any path inside the project root but the protected ones, and the root itself.
import path from 'node:path';
import type { ProposedFiles } from './proposed-files.js';

/** The canonical directory or file to read; '' and '.' (or the root spelt out) mean the root. */
export async function readablePath(files: ProposedFiles, proposed: string | undefined): Promise<string> {
  const realRoot = await files.rootPath();
  const wanted = (proposed ?? '').trim();
  if (wanted === '' || wanted === '.' || wanted === './') return realRoot;
  const lexical = path.resolve(files.root, wanted);
  if (lexical === path.resolve(files.root) || lexical === (await files.rootOnDisk())) return realRoot;
  return (await files.locate(wanted)).absolute;
}

/** A path for the model to read back: relative to the root, '.' for the root. */
export function shownPath(realRoot: string, absolute: string): string {
  return path.relative(realRoot, absolute) || '.';
}
