// What confines the models' bash here, probed once after the first frame, and the question asked before
// the first prompt whose recipe gives bash when nothing confines it: `y` lets it run unconfined (a
// private copy of the project) for this session, anything else leaves the prompt unsent.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Recipe } from '../../store/index.js';
import type { StartRunOptions } from '../runs/types.js';
import type { SandboxSupport } from '../runs/sandbox/detect-sandbox.js';
import { sandboxLabel } from '../runs/sandbox/sandbox-label.js';
import { recipeAllowsBash, sandboxPolicyOf } from '../runs/sandbox/sandbox-policy.js';

export interface SandboxGate {
  /** `sandbox: …` for the status bar; '' while probing or when the recipe gives no bash */
  label(recipe: Recipe): string;
  /** the prompt waiting for the answer to the question, or null */
  waiting: WaitingPrompt | null;
  /** the user said yes: bash may run unconfined in this session */
  agreed: boolean;
  /** null = the prompt may run now; otherwise the question to show (the prompt waits for `answer`) */
  admit(prompt: WaitingPrompt, recipe: Recipe): Promise<string | null>;
  /** the line typed while the question waits: the prompt to run now, or null (not run) */
  answer(line: string): WaitingPrompt | null;
}

export interface WaitingPrompt {
  prompt: string;
  options?: StartRunOptions;
}

export function unconfinedQuestion(missing: string): string {
  return `No sandbox for bash here (${missing}). A model's commands would run unconfined: in a private copy of the project, but able to reach the rest of your machine and the network. Type y and Enter to allow it for this session and send the prompt; anything else does not send it.`;
}

/**
 * `notify` is told once, when the probe finds no bubblewrap and the recipe (`recipeNow`) gives bash.
 */
export function useSandbox(detect: () => Promise<SandboxSupport>, recipeNow: () => Recipe, notify: (text: string) => void): SandboxGate {
  const probe = useRef<Promise<SandboxSupport> | null>(null);
  const [support, setSupport] = useState<SandboxSupport | null>(null);
  const [waiting, setWaiting] = useState<WaitingPrompt | null>(null);
  const agreed = useRef(false);
  const probed = useCallback(() => {
    probe.current ??= detect();
    return probe.current;
  }, [detect]);
  useEffect(() => {
    let mounted = true;
    void probed().then((found) => {
      if (!mounted) return;
      setSupport(found);
      if (found.bwrap === null && recipeAllowsBash(recipeNow())) notify(`No sandbox for bash here (${found.missing ?? 'no bubblewrap'}): each model's commands would run in a private copy of the project, unconfined; bakeoff asks before the first one.`);
    });
    return () => {
      mounted = false;
    };
    // once per mounted session: the notice is said once
  }, [probed]);

  const label = useCallback((recipe: Recipe) => (support && recipeAllowsBash(recipe) ? sandboxLabel(support, sandboxPolicyOf(recipe)) : ''), [support]);
  const admit = useCallback(
    async (prompt: WaitingPrompt, recipe: Recipe): Promise<string | null> => {
      if (agreed.current || !recipeAllowsBash(recipe)) return null;
      const found = await probed();
      if (found.bwrap !== null) return null;
      setWaiting(prompt);
      return unconfinedQuestion(found.missing ?? 'no bubblewrap');
    },
    [probed],
  );
  const answer = useCallback(
    (line: string): WaitingPrompt | null => {
      const prompt = waiting;
      setWaiting(null);
      if (prompt === null || line.trim().toLowerCase() !== 'y') return null;
      agreed.current = true;
      return prompt;
    },
    [waiting],
  );
  return { label, waiting, agreed: agreed.current, admit, answer };
}
