// Holds the session on screen: /sessions closes the current Store, opens another and mounts a fresh App.
import { useApp, useStdout } from 'ink';
import { useCallback, useState } from 'react';
import { KeypressProvider } from '../editor/KeypressProvider.js';
import { App } from './App.js';
import type { AppServices, AppSession } from './services.js';
import { CLEAR_TERMINAL } from './use-feed.js';
import { withModels, withUsableModels } from './usable-models.js';

export interface SessionRootProps {
  initial: AppSession;
  services: AppServices;
  debug: boolean;
  blind?: boolean;
  /** the app is leaving: the session it ends in, and why flushing failed if it did */
  onExit(session: AppSession, error?: Error): void;
}

export function SessionRoot({ initial, services, debug, blind = false, onExit }: SessionRootProps) {
  const [session, setSession] = useState(initial);
  const { exit } = useApp();
  const { stdout } = useStdout();

  const switchSession = useCallback(
    async (sessionId: string) => {
      // This process holds the current session's lock: opening it again would be refused, and is not needed.
      if (sessionId === session.store.sessionId()) return;
      const next = withUsableModels(await services.openSession(sessionId), services);
      await session.store.close();
      stdout.write(CLEAR_TERMINAL);
      setSession(next);
    },
    [services, session, stdout],
  );

  const changeModels = useCallback(
    (models: string[]) => {
      const next = withModels(session, models, services);
      setSession(next.session);
      return next.problems;
    },
    [services, session],
  );

  const quit = useCallback(
    (error?: Error) => {
      onExit(session, error);
      exit();
    },
    [onExit, session, exit],
  );

  return (
    <KeypressProvider>
      <App key={session.store.sessionId()} session={session} services={services} debug={debug} blind={blind} onQuit={quit} onSwitchSession={switchSession} onChangeModels={changeModels} />
    </KeypressProvider>
  );
}
