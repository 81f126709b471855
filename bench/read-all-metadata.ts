// The floor for stats at scale: a plain script that reads and JSON.parses every session_metadata.json.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function main(sessionsDir: string): Promise<void> {
  const names = await readdir(sessionsDir);
  let runs = 0;
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        const meta = JSON.parse(await readFile(join(sessionsDir, name, 'session_metadata.json'), 'utf8')) as { runs: unknown[] | null };
        runs += meta.runs?.length ?? 0;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ runs }));
}

void main(process.argv[2]);
