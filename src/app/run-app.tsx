// The app's entry point for the CLI: render the session, wait until the user quits, return the exit code
// and the session the user ended in (after /sessions it is not the one opened), for the CLI to close and name.
import { render } from 'ink';
import { colourlessStream, noColorRequested } from './no-color.js';
import { realServices } from './real-services.js';
import type { AppServices, AppSession } from './services.js';
import { SessionRoot } from './SessionRoot.js';
import { withUsableModels } from './usable-models.js';
import { visibleLine } from '../text/visible-text.js';
import { commandHint } from '../session/command-hint.js';

export interface AppExit {
  code: number;
  session: AppSession;
}

export async function runApp(opened: AppSession, options: { debug: boolean; blind?: boolean }, services: AppServices = realServices(opened)): Promise<AppExit> {
  if (!process.stdin.isTTY) {
    process.stderr.write(`bakeoff: the app needs a terminal (stdin is not a TTY); try '${commandHint(opened.layout.root, 'sessions')}'\n`);
    return { code: 2, session: opened };
  }
  const initial = withUsableModels(opened, services);
  let final = initial;
  let failure: Error | undefined;
  const instance = render(
    <SessionRoot
      initial={initial}
      services={services}
      debug={options.debug}
      blind={options.blind}
      onExit={(session, error) => {
        final = session;
        failure = error;
      }}
    />,
    // Ink's default 30 fps can hold a keystroke's echo back ~33 ms behind a streaming frame; 120 keeps typing immediate.
    { exitOnCtrlC: false, maxFps: 120, ...(noColorRequested(process.env) ? { stdout: colourlessStream(process.stdout) } : {}) },
  );
  await instance.waitUntilExit();
  if (failure) {
    process.stderr.write(`bakeoff: ${visibleLine(failure.message)}\n`);
    return { code: 1, session: final };
  }
  return { code: 0, session: final };
}
