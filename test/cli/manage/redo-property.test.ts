// Redo through the command line, as a property: any short sequence of real `bakeoff run`s, `bakeoff rewind`s (any
// undoable run, any mode) and `bakeoff redo`s keeps the project tree equal to a reference replay, and every redo
// gives back both session files byte for byte as they were before its rewind. (test/store/redo-property.test.ts
// checks many more sequences, and the histories and runs, through the Store.)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { realWorkspace, type RealWorkspace } from '../../helpers/real-sessions.js';
import { tree } from '../../helpers/recorded-run.js';
import { assertBuilt } from '../run-cli.js';

beforeAll(assertBuilt);

const MODES = { both: [], code: ['--code-only'], conversation: ['--conversation-only'] } as const;

const ops = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('run' as const), path: fc.constantFrom('a.txt', 'b.txt', 'dir/c.txt'), remove: fc.boolean() }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('rewind' as const), pick: fc.nat(3), mode: fc.constantFrom<keyof typeof MODES>('both', 'code', 'conversation') }), weight: 2 },
    { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 2 },
  ),
  { minLength: 2, maxLength: 7 },
);

interface Reference {
  tree: Record<string, string>;
  /** the undoable runs, oldest first: the run's number and the content of the file it wrote, before it */
  stack: { run: number; path: string; before: string | null }[];
}

const sessionFiles = async (ws: RealWorkspace, id: string) =>
  Promise.all(['session_metadata.json', 'session_content.json'].map((name) => readFile(join(ws.sessionDir(id), name), 'base64')));

describe('bakeoff redo, property', () => {
  it('runs, rewinds and redos through the binary keep the tree and the session files equal to a reference replay', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const ws = await realWorkspace();
        // a first run, so there is a session
        let ref: Reference = { tree: { 'a.txt': 'v0' }, stack: [{ run: 1, path: 'a.txt', before: null }] };
        const id = (await ws.record('write a.txt: v0')).sessionId;
        let runs = 1;
        const redo: { ref: Reference; files: string[] }[] = [];
        for (const [index, op] of sequence.entries()) {
          if (op.kind === 'run') {
            const remove = op.remove && ref.tree[op.path] !== undefined;
            const content = `v${index + 1}`;
            await ws.record(remove ? `delete ${op.path}` : `write ${op.path}: ${content}`, { session: id });
            ref.stack.push({ run: ++runs, path: op.path, before: ref.tree[op.path] ?? null });
            if (remove) delete ref.tree[op.path];
            else ref.tree[op.path] = content;
            redo.length = 0;
          } else if (op.kind === 'rewind') {
            if (ref.stack.length === 0) continue;
            const position = ref.stack.length - 1 - (op.pick % ref.stack.length);
            redo.push({ ref: structuredClone(ref), files: await sessionFiles(ws, id) });
            // a conversation-only rewind leaves a later run's file in place: an older run's file has drifted, so --force, as the reference does
            const rewound = await ws.cli(['rewind', id, '--to', String(ref.stack[position].run), '--force', ...MODES[op.mode]]);
            expect(rewound.code, rewound.stderr).toBe(0);
            for (const undone of ref.stack.splice(position).reverse()) {
              if (op.mode === 'conversation') continue;
              if (undone.before === null) delete ref.tree[undone.path];
              else ref.tree[undone.path] = undone.before;
            }
          } else {
            const expected = redo.pop();
            const redone = await ws.cli(['redo', id]);
            if (!expected) {
              expect(redone.stderrLines).toEqual([`bakeoff: session ${id} has nothing to redo (a redo is possible after a rewind, until a new run starts)`]);
              continue;
            }
            expect(redone.code, redone.stderr).toBe(0);
            expect(await sessionFiles(ws, id)).toEqual(expected.files);
            ref = expected.ref;
          }
          expect(await tree(ws.project)).toEqual(ref.tree);
        }
      }),
      { numRuns: 5 },
    );
  }, 240_000);
});
