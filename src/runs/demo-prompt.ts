// What a prompt asks of the demo models: `write PATH: TEXT`, `delete PATH` and `run COMMAND` lines, `fail` and `slow`.

export type DemoChange = { kind: 'write'; path: string; text: string } | { kind: 'delete'; path: string } | { kind: 'run'; command: string };

export interface DemoRequest {
  changes: DemoChange[];
  fail: boolean;
  slow: boolean;
}

const writeLine = /^\s*write\s+(.+?):(?:\s(.*))?$/i;
const deleteLine = /^\s*delete\s+(\S.*?)\s*$/i;
const runLine = /^\s*run\s+(\S.*?)\s*$/i;

/** `\n` in TEXT stands for a line break, so one prompt line can propose a multi-line file. */
function unescapeText(text: string): string {
  return text.replace(/\\n/g, '\n');
}

export function readDemoPrompt(prompt: string): DemoRequest {
  const changes: DemoChange[] = [];
  for (const line of prompt.split('\n')) {
    const write = writeLine.exec(line);
    if (write) {
      changes.push({ kind: 'write', path: write[1].trim(), text: unescapeText(write[2] ?? '') });
      continue;
    }
    const del = deleteLine.exec(line);
    if (del) {
      changes.push({ kind: 'delete', path: del[1] });
      continue;
    }
    const run = runLine.exec(line);
    if (run) changes.push({ kind: 'run', command: run[1] });
  }
  const lower = prompt.toLowerCase();
  return { changes, fail: lower.includes('fail'), slow: lower.includes('slow') };
}

/** The prompt on one line, cut at 80 characters, for the demo answer to quote. */
export function quotePrompt(prompt: string, max = 80): string {
  // a bounded head: a recalled or pasted prompt can be megabytes long
  const oneLine = prompt.slice(0, max * 8).replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : `${chars.slice(0, max - 1).join('')}…`;
}
