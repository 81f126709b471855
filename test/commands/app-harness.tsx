// The whole app on a fresh data directory, driven like a user: type, Enter, wait for the screen.
// Real Store, real demo models (a 1 ms time unit), real session opening.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { SessionRoot } from '../../src/app/SessionRoot.js';
import { realServices } from '../../src/app/real-services.js';
import { withUsableModels } from '../../src/app/usable-models.js';
import type { AppServices, AppSession } from '../../src/app/services.js';
import { openSession } from '../../src/session/open-session.js';
import { tempDir } from '../helpers/temp-dir.js';
import { KEY, tick } from '../components/ink-helpers.js';

process.env.BAKEOFF_DEMO_DELAY_MS = '1';

export { KEY, tick };

export interface AppDriver {
  session: AppSession;
  data: string;
  project: string;
  onExit: ReturnType<typeof vi.fn>;
  frame(): string;
  /** writes keys or text and lets the app react */
  press(keys: string): Promise<void>;
  /** types a line and presses Enter */
  submit(line: string): Promise<void>;
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  /** submits a prompt and waits for the pick after the run */
  runPrompt(prompt: string): Promise<void>;
  readJson<T = Record<string, unknown>>(path: string): Promise<T>;
  unmount(): void;
}

export interface StartOptions {
  models?: string[];
  /** reuse a data directory (with its project beside it) */
  root?: string;
  resume?: string | true;
  services?: (base: AppServices) => AppServices;
}

export async function startApp(options: StartOptions = {}): Promise<AppDriver> {
  const root = options.root ?? (await tempDir('bakeoff-app-'));
  const data = join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project, { recursive: true });
  const opened = await openSession({ dataDir: data, models: options.models ?? ['demo/alpha', 'demo/beta'], projectRoot: project, resume: options.resume });
  const base = realServices(opened);
  const services = options.services ? options.services(base) : base;
  // as run-app does: a model that cannot run is reported and left out
  const session = withUsableModels(opened, services);
  const onExit = vi.fn();
  const instance = render(<SessionRoot initial={session} services={services} debug={false} onExit={onExit} />);
  await tick();

  const frame = () => instance.lastFrame() ?? '';
  const press = async (keys: string) => {
    instance.stdin.write(keys);
    await tick();
  };
  const waitFor = async (expected: string | RegExp, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = frame();
      if (typeof expected === 'string' ? current.includes(expected) : expected.test(current)) return current;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)} in:\n${current}`);
      await tick(10);
    }
  };
  const submit = async (line: string) => {
    await press(line);
    await press(KEY.enter);
  };
  return {
    session,
    data,
    project,
    onExit,
    frame,
    press,
    submit,
    waitFor,
    runPrompt: async (prompt) => {
      await submit(prompt);
      await waitFor(/Pick a response|No response to pick/);
    },
    readJson: async <T,>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T,
    unmount: () => instance.unmount(),
  };
}
