// A rewind plan as people read it: the runs undone, each file and what it becomes (a unified diff),
// files changed since bakeoff wrote them, and the conversation turns removed. Shared by the picker and `bakeoff rewind`.
import { isUtf8 } from 'node:buffer';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { RewindFileChange, RewindPlan } from '../../store/rewind-plan.js';
import { visibleLine } from '../text/visible-text.js';

export type FileAction = 'restore' | 'delete' | 'recreate' | 'unchanged';

export function fileAction(file: RewindFileChange): FileAction {
  if (file.restored === null) return file.current === null ? 'unchanged' : 'delete';
  if (file.current === null) return 'recreate';
  return file.current.equals(file.restored) ? 'unchanged' : 'restore';
}

/** The path as the user knows it: relative to its project root when inside it. */
export function displayPath(file: RewindFileChange): string {
  const inside = relative(file.root, file.path);
  return inside && !inside.startsWith('..') ? inside : file.path;
}

/** Text a diff can show: UTF-8 without NUL bytes; anything else is a binary file. */
const isText = (bytes: Buffer | null): boolean => bytes === null || (isUtf8(bytes) && !bytes.includes(0));

/** What the file becomes, as a unified diff from its current content (empty when nothing changes; sizes for a binary file). */
export function fileDiff(file: RewindFileChange): string {
  const name = visibleLine(displayPath(file));
  if (fileAction(file) === 'unchanged') return '';
  if (!isText(file.current) || !isText(file.restored)) {
    const size = (bytes: Buffer | null) => (bytes === null ? 'absent' : `${bytes.length} bytes`);
    return `binary file ${name}: ${size(file.current)} now, ${size(file.restored)} after the rewind`;
  }
  const patch = createTwoFilesPatch(`${name} (now)`, `${name} (after rewind)`, file.current?.toString('utf8') ?? '', file.restored?.toString('utf8') ?? '', '', '', { context: 3 });
  // The first two lines are the "====" banner and the header we pass as names; keep from the --- line.
  return patch.slice(patch.indexOf('---')).trimEnd();
}

const modeText = { both: 'code and conversation', code: 'code only (conversation kept)', conversation: 'conversation only (files kept)' } as const;

/** The whole plan as text for a terminal, one section per part. */
export function planText(plan: RewindPlan, runNumber: (feedIndex: number) => number): string {
  const lines: string[] = [`Rewind ${modeText[plan.mode]}: undo ${plan.runs.length} run${plan.runs.length === 1 ? '' : 's'}`];
  for (const run of plan.runs) lines.push(`  #${runNumber(run.feedIndex)}  ${run.prompt.split('\n')[0]}`);
  if (plan.mode !== 'conversation') {
    lines.push(plan.files.length === 0 ? 'Files: none were written' : 'Files:');
    for (const file of plan.files) {
      const flags = [file.drifted ? 'CHANGED SINCE BAKEOFF WROTE IT' : '', file.lost ? 'stored content lost: cannot restore' : ''].filter(Boolean).join(', ');
      lines.push(`  ${fileAction(file).padEnd(9)} ${visibleLine(displayPath(file))}${flags ? `  (${flags})` : ''}`);
      const diff = fileDiff(file);
      if (diff) lines.push(...diff.split('\n').map((line) => `    ${line}`));
    }
  }
  if (plan.mode !== 'code') {
    const turns = Object.entries(plan.turnsRemoved);
    lines.push(turns.length === 0 ? 'Conversation: no turns removed' : `Conversation: ${turns.map(([model, n]) => `${model} -${n} turns`).join(', ')}`);
  }
  return lines.join('\n');
}

/** The plan for scripts: snake_case, each file with its action and diff instead of whole contents. */
export function planJson(plan: RewindPlan, runNumber: (feedIndex: number) => number) {
  return {
    mode: plan.mode,
    runs: plan.runs.map((run) => ({ run: runNumber(run.feedIndex), prompt: run.prompt })),
    files: plan.files.map((file) => ({ path: displayPath(file), action: fileAction(file), drifted: file.drifted, lost: file.lost, diff: fileDiff(file) })),
    turns_removed: plan.turnsRemoved,
  };
}
