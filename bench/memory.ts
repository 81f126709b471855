// Figure 4, run in its own process: resident memory with a big session open in a Store.
import { Store, dataLayout, loadMetadata, sessionPathsFor } from '../store/index.js';

export async function residentWithSessionOpen(dataDir: string, sessionId: string): Promise<number> {
  const layout = dataLayout(dataDir);
  const paths = sessionPathsFor(layout.sessions, sessionId);
  const meta = (await loadMetadata(paths.metadataPath, { keepEncodings: true }))!;
  const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId, meta });
  // Resident memory once the garbage of loading is collected: what the session costs while it is open.
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const rss = process.memoryUsage().rss;
  if (store.histories() === null) throw new Error('unreachable: keeps the store alive until measured');
  return rss;
}

// As a child process: node --expose-gc dist/bench/memory.js <dataDir> <sessionId>
if (process.argv[1]?.endsWith('memory.js')) {
  const [dataDir, sessionId] = process.argv.slice(2);
  residentWithSessionOpen(dataDir, sessionId).then((rss) => process.stdout.write(JSON.stringify({ rss })));
}
