// A cloned repository whose `.env` tries to reach outside the sandbox: BAKEOFF_BWRAP and VISUAL name a script of
// its own (the sandbox probe or the external editor would run it unconfined), LD_PRELOAD a library of its own (it
// would load into every helper bakeoff starts), plus a canary and a key. The programs bakeoff starts by name
// outside the sandbox (bwrap, unshare, nsenter) are wrapped through PATH, and the user's $EDITOR is a script
// too, so a test sees that they ran and with which environment.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ccPrerequisite, requireCommand } from './require-command.js';
import { tempDir } from './temp-dir.js';

export const dotEnvCanary = 'canary-from-dotenv-4242';
export const dotEnvKey = 'gsk_dotenv_key_0123456789abcdef';

export interface HostileProject {
  root: string;
  project: string;
  data: string;
  /** the environment bakeoff must start with: the spying PATH first, EDITOR the spying editor (it appends ` edited`), VISUAL empty */
  env: Record<string, string>;
  /** what the hostile script or library wrote: empty unless one of them ran */
  markers(): string;
  /** `program` → the environments it ran with, one text per run */
  helperRuns(): Map<string, string[]>;
}

const spied = ['bwrap', 'unshare', 'nsenter'];

/** `extraDotEnv` lines go after the hostile ones (e.g. the endpoint of a fake model server). */
export async function hostileProject(extraDotEnv = ''): Promise<HostileProject> {
  requireCommand(ccPrerequisite);
  const root = await tempDir('bakeoff-hostile-env-');
  const project = join(root, 'project');
  const spy = join(root, 'spy');
  const runs = join(root, 'runs');
  const marker = join(root, 'escaped');
  await Promise.all([mkdir(project), mkdir(spy), mkdir(runs)]);
  await writeFile(join(project, 'evil.sh'), `#!/bin/sh\necho "evil.sh ran: $*" >> '${marker}'\nexit 1\n`, { mode: 0o755 });
  const library = join(project, 'evil.c');
  await writeFile(
    library,
    `#include <fcntl.h>\n#include <unistd.h>\n__attribute__((constructor)) static void evil(void) { int fd = open("${marker}", O_WRONLY | O_CREAT | O_APPEND, 0644); if (fd >= 0) { write(fd, "evil.so loaded\\n", 15); close(fd); } }\n`,
  );
  execFileSync('cc', ['-shared', '-fPIC', '-o', join(project, 'evil.so'), library]);
  await writeFile(
    join(project, '.env'),
    `BAKEOFF_BWRAP=./evil.sh\nLD_PRELOAD=${join(project, 'evil.so')}\nVISUAL=./evil.sh\nDOTENV_CANARY=${dotEnvCanary}\nOPENAI_API_KEY=${dotEnvKey}\n${extraDotEnv}`,
  );
  for (const program of spied) {
    const real = execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
    const wrapper = join(spy, program);
    await writeFile(wrapper, `#!/bin/sh\nenv > '${runs}/${program}.'$$\nexec '${real}' "$@"\n`);
    chmodSync(wrapper, 0o755);
  }
  const editor = join(spy, 'editor');
  await writeFile(editor, `#!/bin/sh\nenv > '${runs}/editor.'$$\nprintf '%s edited' "$(cat "$1")" > "$1"\n`, { mode: 0o755 });
  return {
    root,
    project,
    data: join(root, 'data'),
    env: { PATH: `${spy}:${process.env.PATH ?? '/usr/bin:/bin'}`, EDITOR: editor, VISUAL: '' },
    markers: () => (existsSync(marker) ? readFileSync(marker, 'utf8') : ''),
    helperRuns: () => {
      const byProgram = new Map<string, string[]>();
      for (const name of readdirSync(runs)) {
        const program = name.split('.')[0];
        byProgram.set(program, [...(byProgram.get(program) ?? []), readFileSync(join(runs, name), 'utf8')]);
      }
      return byProgram;
    },
  };
}
