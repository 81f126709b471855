// Nothing a model's bash starts outlives the call, and `network: none` really has no network.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../../helpers/require-command.js';
import { harness, sampleProject, type Harness } from './harness.js';

const open: Harness[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.files.finish()));
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
function model(...args: Parameters<typeof harness>): Harness {
  const made = harness(...args);
  open.push(made);
  return made;
}

beforeAll(() => requireCommand(bwrapPrerequisite));

/** Processes whose command line contains `marker` (read from /proc: no procps needed). */
async function processesWith(marker: string): Promise<number> {
  let found = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').join(' ').includes(marker)) found++;
  }
  return found;
}

async function listening(): Promise<number> {
  const server = createServer((socket) => socket.end('hello from the host\n'));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const connect = (port: number) =>
  `node -e "require('net').connect(${port}, '127.0.0.1').on('data', (d) => process.stdout.write(d)).on('error', (e) => { console.log(e.code); process.exit(3); })"`;

describe('processes and network', () => {
  it('leaves no process behind after `setsid sleep 300 &` and `nohup sleep &`', async () => {
    const { root } = await sampleProject();
    const seconds = `300.${process.pid}${Date.now() % 1000}`;
    const result = await model(root, '').call('bash', { command: `setsid sleep ${seconds} & nohup sleep ${seconds} >/dev/null 2>&1 & echo started` });
    expect(result.output).toBe('started\n[exit code 0]');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await processesWith(`sleep ${seconds}`)).toBe(0);
  });

  it('kills everything the command started at bash_timeout', async () => {
    const { root } = await sampleProject();
    const seconds = `301.${process.pid}${Date.now() % 1000}`;
    const m = model(root, '', {}, 500);
    const started = performance.now();
    const result = await m.call('bash', { command: `setsid sleep ${seconds} & sleep ${seconds}` });
    expect(result.isError).toBe(true);
    expect(result.output).toMatch(/^timed out after/);
    expect(performance.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await processesWith(`sleep ${seconds}`)).toBe(0);
  });

  it('network none cannot reach a port listening on 127.0.0.1; network full can', async () => {
    const { root } = await sampleProject();
    const port = await listening();
    expect((await model(root, '').call('bash', { command: connect(port) })).output).toMatch(/ECONNREFUSED[\s\S]*\[exit code 3\]/);
    expect((await model(root, '## Sandbox\nnetwork: full').call('bash', { command: connect(port) })).output).toBe('hello from the host\n[exit code 0]');
  });
});
