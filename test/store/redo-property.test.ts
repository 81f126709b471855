// Redo, as a property: any sequence of runs, rewinds (any run, any mode) and redos keeps the project tree, the
// histories and the session's runs equal to a reference replayed by the rules alone, and every redo gives back
// the session files byte for byte as they were before its rewind. From a fresh session and from an Errata one.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationTurn, RunSummary } from '../../store/schemas.js';
import type { Store } from '../../store/store.js';
import type { RewindMode } from '../../store/rewind-plan.js';
import { isRewound } from '../../store/run-records.js';
import { openExistingStore, openFreshStore, reopenStore } from '../helpers/store-fixture.js';
import { runAndApply, tree } from '../helpers/recorded-run.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const ERRATA_SESSION = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';
const MODELS = ['a', 'b'] as const;

const ops = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('run' as const), path: fc.constantFrom('a.txt', 'b.txt', 'dir/c.txt'), remove: fc.boolean() }),
    fc.record({ kind: fc.constant('rewind' as const), pick: fc.nat(5), mode: fc.constantFrom<RewindMode>('both', 'code', 'conversation') }),
    fc.constant({ kind: 'redo' as const }),
  ),
  { minLength: 1, maxLength: 14 },
);

/** A run as the reference sees it: its prompt and whether it was undone; a rewind marker names the run it undid. */
type RunView = { run: string; rewound: boolean } | { marker: string };

/** What the session must be, replayed by the rules alone. */
interface Reference {
  tree: Record<string, string>;
  histories: Record<string, ConversationTurn[]>;
  runs: RunView[];
  /** the undoable runs, oldest first: the run's index in `runs`, each file's content before it, each history's length before it */
  stack: { index: number; before: Record<string, string | null>; lengths: Record<string, number> }[];
}

/** Per rewind since the last run, newest last: the reference before it and the session files' bytes. */
type RedoReference = { ref: Reference; bytes: Record<string, string | null> }[];

const copy = (ref: Reference): Reference => structuredClone(ref);

function runViews(runs: readonly RunSummary[], promptOf: Map<string, string>): RunView[] {
  return runs.map((run) => (run.type === 'rewind' ? { marker: promptOf.get(run.prompt_hash) ?? run.prompt_hash } : { run: run.prompt_preview, rewound: isRewound(run) }));
}

async function sessionBytes(store: Store): Promise<Record<string, string | null>> {
  await store.flush();
  const read = (path: string) => readFile(path, 'base64').catch(() => null);
  return { metadata: await read(store.metadataPath()), content: await read(store.contentPath()) };
}

async function openStart(fromErrata: boolean): Promise<{ store: Store; project: string }> {
  if (!fromErrata) {
    const { store, project } = await openFreshStore();
    await mkdir(project, { recursive: true });
    await store.saveInitialMeta();
    return { store, project };
  }
  const data = await copyErrataFixture('errata-head-data');
  const project = join(await tempDir(), 'project');
  await mkdir(project, { recursive: true });
  return { store: await openExistingStore(data, ERRATA_SESSION, { projectRoot: project }), project };
}

/** Checks the store against the reference: the tree on disk, the histories, the runs, the stack depths. */
async function expectMatches(store: Store, project: string, ref: Reference, redo: RedoReference, promptOf: Map<string, string>): Promise<void> {
  expect(await tree(project)).toEqual(ref.tree);
  expect(store.histories()).toEqual(ref.histories);
  expect(runViews(store.metadata().runs, promptOf)).toEqual(ref.runs);
  expect(store.rewindStackLen()).toBe(ref.stack.length);
  expect(store.redoDepth()).toBe(redo.length);
}

describe('redo, property', () => {
  it('any sequence of runs, rewinds and redos keeps the tree, the histories and the runs equal to a reference replay', async () => {
    await fc.assert(
      fc.asyncProperty(ops, fc.boolean(), async (sequence, fromErrata) => {
        const { store, project } = await openStart(fromErrata);
        const promptOf = new Map<string, string>();
        const ref: Reference = { tree: {}, histories: structuredClone(store.histories()) as Reference['histories'], runs: [], stack: [] };
        ref.runs = runViews(store.metadata().runs, promptOf);
        let redo: RedoReference = [];
        let counter = 0;
        let current = store;
        for (const op of sequence) {
          if (op.kind === 'run') {
            const prompt = `run ${++counter}`;
            const content = `v${counter}`;
            const lengths = Object.fromEntries(MODELS.map((model) => [model, ref.histories[model]?.length ?? 0]));
            ref.stack.push({ index: ref.runs.length, before: { [op.path]: ref.tree[op.path] ?? null }, lengths });
            const feedIndex = await runAndApply(current, project, prompt, [{ path: op.path, content, delete: op.remove || undefined }]);
            promptOf.set(current.metadata().runs[feedIndex].prompt_hash, prompt);
            if (op.remove) delete ref.tree[op.path];
            else ref.tree[op.path] = content;
            for (const model of MODELS) ref.histories[model] = [...(ref.histories[model] ?? []), { role: 'user', content: prompt }, { role: 'assistant', content: `${model}: ${prompt}` }];
            ref.runs.push({ run: prompt, rewound: false });
            redo = [];
          } else if (op.kind === 'rewind') {
            const entries = current.rewindEntries();
            if (entries.length === 0) continue;
            redo.push({ ref: copy(ref), bytes: await sessionBytes(current) });
            // a conversation-only rewind leaves a later run's file in place, so an older run's file has drifted: overwrite, as the reference does
            await current.rewindTo(entries[op.pick % entries.length].feedIndex, op.mode, { allowDrift: true });
            const undone = ref.stack.splice(ref.stack.length - 1 - (op.pick % entries.length));
            for (const record of [...undone].reverse()) {
              if (op.mode !== 'conversation') {
                for (const [path, content] of Object.entries(record.before)) {
                  if (content === null) delete ref.tree[path];
                  else ref.tree[path] = content;
                }
              }
              const run = ref.runs[record.index] as { run: string; rewound: boolean };
              ref.runs[record.index] = { ...run, rewound: true };
              ref.runs.push({ marker: run.run });
            }
            if (op.mode !== 'code') {
              for (const model of MODELS) {
                const turns = (ref.histories[model] ?? []).slice(0, undone[0].lengths[model]);
                if (turns.length > 0) ref.histories[model] = turns;
                else delete ref.histories[model];
              }
            }
          } else {
            const expected = redo.pop();
            if (!expected) {
              await expect(current.redo()).rejects.toThrow('nothing to redo');
              continue;
            }
            await current.redo();
            expect(await sessionBytes(current)).toEqual(expected.bytes);
            Object.assign(ref, expected.ref);
          }
          await expectMatches(current, project, ref, redo, promptOf);
          // now and then a restart: what is on disk must be the same session
          if (counter % 3 === 2 && op.kind !== 'run') current = await reopenStore(current);
        }
        const reopened = await reopenStore(current);
        await expectMatches(reopened, project, ref, redo, promptOf);
        await reopened.close();
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
