// The floor for `bakeoff sessions --search` at scale: a plain script that reads and JSON.parses every
// session_metadata.json and session_content.json, the work of a search that looks at everything.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The floor: read and JSON.parse every session's metadata and content, 32 at a time; prints the sessions read. */
async function main(sessionsDir: string): Promise<void> {
  const queue = await readdir(sessionsDir);
  let read = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        JSON.parse(await readFile(join(sessionsDir, name, 'session_metadata.json'), 'utf8'));
        JSON.parse(await readFile(join(sessionsDir, name, 'session_content.json'), 'utf8'));
        read += 1;
      }
    }),
  );
  process.stdout.write(JSON.stringify({ read }));
}

void main(process.argv[2]);
