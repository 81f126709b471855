// bash in real bubblewrap reads the machine read-only, but not the credentials and histories of the home
// directory: ~/.ssh, ~/.aws (also through a link), ~/.netrc … read as empty, while the rest of the home
// stays readable, and a home inside the project is left to the project's own protections.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../../helpers/require-command.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { harness, sampleProject, type Harness } from './harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.files.finish()));
});

beforeAll(() => requireCommand(bwrapPrerequisite));

/** A home with an SSH key, AWS credentials kept elsewhere behind a link, a .netrc, a shell history and a plain file. */
async function homeWithSecrets(): Promise<string> {
  // not under /tmp, which bash sees as its own empty one: /var/tmp is seen as the machine has it
  const base = await tempDir('bakeoff-home-', '/var/tmp');
  const home = join(base, 'home');
  const elsewhere = join(base, 'vault', 'aws');
  await mkdir(join(home, '.ssh'), { recursive: true });
  await mkdir(join(home, '.config', 'gh'), { recursive: true });
  await mkdir(elsewhere, { recursive: true });
  await writeFile(join(home, '.ssh', 'id_ed25519'), 'SSH-PRIVATE-KEY');
  await writeFile(join(elsewhere, 'credentials'), 'AWS-SECRET-KEY');
  await symlink(elsewhere, join(home, '.aws'));
  await writeFile(join(home, '.config', 'gh', 'hosts.yml'), 'GH-TOKEN');
  await writeFile(join(home, '.netrc'), 'NETRC-PASSWORD');
  await writeFile(join(home, '.bash_history'), 'export SECRET=HISTORY-SECRET');
  await writeFile(join(home, 'notes.txt'), 'plain notes');
  return home;
}

describe('the home directory inside the sandbox', () => {
  it('hides credentials and histories, keeps the rest of the home readable', async () => {
    const { root } = await sampleProject();
    const home = await homeWithSecrets();
    const m = harness(root, '', { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home } });
    open.push(m);
    const shell = await m.call('bash', {
      command: 'cat ~/.ssh/id_ed25519 ~/.aws/credentials ~/.config/gh/hosts.yml ~/.netrc ~/.bash_history 2>&1; ls -A ~/.ssh; cat ~/notes.txt',
    });
    for (const secret of ['SSH-PRIVATE-KEY', 'AWS-SECRET-KEY', 'GH-TOKEN', 'NETRC-PASSWORD', 'HISTORY-SECRET']) expect(shell.output).not.toContain(secret);
    expect(shell.output).toContain('plain notes');
  });

  it('leaves a home that lies inside the project to the project: its files are the layer, not hidden', async () => {
    const { root } = await sampleProject();
    const home = join(root, 'home');
    await mkdir(join(home, '.ssh'), { recursive: true });
    await writeFile(join(home, '.ssh', 'config'), 'Host example');
    const m = harness(root, '', { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home } });
    open.push(m);
    expect((await m.call('bash', { command: 'cat home/.ssh/config' })).output).toContain('Host example');
  });
});
