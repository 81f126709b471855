// A child process the two-process tests drive line by line on stdin: open a session (or read-only),
// record prompts, put recipe snapshots, try a write, close, or exit without closing. Each command
// answers with one JSON line on stdout.
// Usage: node store-child.cjs <data dir>
import { createInterface } from 'node:readline';
import { RecipeStore, Store, dataLayout, loadMetadata, newSessionMetadata, sessionPathsFor } from '../../store/index.js';

export type ChildCommand =
  | { cmd: 'open'; session: string; readOnly?: boolean }
  | { cmd: 'prompts'; prefix: string; count: number }
  | { cmd: 'recipes'; prefix: string; count: number }
  | { cmd: 'write' }
  | { cmd: 'close' }
  | { cmd: 'exit' };

export interface ChildReply {
  ok: boolean;
  pid: number;
  error?: string;
  message?: string;
  /** SessionLockedError.pid */
  holder?: number;
  promptCount?: number;
  hashes?: string[];
}

const layout = dataLayout(process.argv[2]);
let store: Store | null = null;
let recipeStore: RecipeStore | null = null;

async function run(command: ChildCommand): Promise<Omit<ChildReply, 'ok' | 'pid'>> {
  switch (command.cmd) {
    case 'open': {
      const paths = sessionPathsFor(layout.sessions, command.session);
      recipeStore ??= await RecipeStore.open(layout.recipeStore);
      const meta = (await loadMetadata(paths.metadataPath)) ?? newSessionMetadata(command.session);
      store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: command.session, meta, recipeStore, readOnly: command.readOnly });
      return { promptCount: store.metadata().prompt_count };
    }
    case 'prompts':
      for (let i = 0; i < command.count; i++) await opened().recordPrompt(`${command.prefix} ${i}`);
      return {};
    case 'recipes': {
      const recipes = recipeStore ?? (await RecipeStore.open(layout.recipeStore));
      const hashes = Array.from({ length: command.count }, (_, i) => recipes.put({ name: `${command.prefix} ${i}` }));
      await recipes.flush();
      return { hashes };
    }
    case 'write':
      await opened().recordPrompt('written by a read-only store');
      return {};
    case 'close':
      await opened().close();
      store = null;
      return {};
    case 'exit':
      // Without closing: the lock must go with the process.
      return process.exit(0);
  }
}

function opened(): Store {
  if (!store) throw new Error('no session is open in this child');
  return store;
}

const reply = (answer: ChildReply) => process.stdout.write(JSON.stringify(answer) + '\n');

// One command at a time, in order.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    try {
      reply({ ok: true, pid: process.pid, ...(await run(JSON.parse(line) as ChildCommand)) });
    } catch (error) {
      const { name, message, pid } = error as Error & { pid?: number };
      reply({ ok: false, pid: process.pid, error: name, message, holder: pid });
    }
  });
});
