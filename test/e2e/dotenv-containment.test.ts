// The real app in tmux on a project whose .env sets BAKEOFF_BWRAP, LD_PRELOAD and VISUAL to programs of its own:
// the sandbox probe (run after the first frame, bash or not) and the external editor run what the user's
// environment says, with that environment, and each ignored line is a warning with its number.
import { beforeAll, describe, expect, it } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../helpers/require-command.js';
import { dotEnvCanary, dotEnvKey, hostileProject } from '../helpers/hostile-dotenv.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertAppBuilt, launchApp } from './launch-app.js';
import { stopAfterEach } from './stop-after-each.js';

const started = stopAfterEach();

beforeAll(() => {
  assertAppBuilt();
  requireCommand(bwrapPrerequisite);
});

describe("a hostile project's .env in the app", () => {
  it('cannot choose the sandbox program, the editor or a preloaded library', async () => {
    const hostile = await hostileProject();
    const terminal = started.terminal(launchApp(hostile.project, hostile.data, ['--models', 'demo/alpha'], hostile.env));
    const screen = await terminal.waitFor('Type a prompt, or /help');
    // the probe ends with `unshare` when bubblewrap works (the .env's script would have failed it before that)
    await waitUntil(() => hostile.helperRuns().has('unshare') || hostile.markers() !== '', 10_000);

    terminal.type('from the line');
    await terminal.waitFor('from the line');
    terminal.keys('C-x', 'C-e');
    await waitUntil(() => hostile.helperRuns().has('editor') || hostile.markers() !== '', 10_000);
    expect(hostile.markers()).toBe('');
    await terminal.waitFor('from the line edited');
    const runs = hostile.helperRuns();
    expect([...runs.keys()].sort()).toEqual(['bwrap', 'editor', 'nsenter', 'unshare']);
    for (const environment of [...runs.values()].flat()) {
      expect(environment).toContain('PATH=');
      for (const leaked of ['LD_PRELOAD', 'BAKEOFF_BWRAP', 'VISUAL=./', dotEnvCanary, dotEnvKey]) expect(environment).not.toContain(leaked);
    }
    for (const [line, name] of [[1, 'BAKEOFF_BWRAP'], [2, 'LD_PRELOAD'], [3, 'VISUAL'], [4, 'DOTENV_CANARY']]) {
      expect(screen.replace(/\s+/g, ' ')).toContain(`./.env line ${line}: ${name} ignored (a project's .env sets only provider keys and base URLs)`);
    }
  });
});
