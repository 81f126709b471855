// ink-testing-library's render inside the app's key provider: what stdin.write sends reaches components
// through the same key reader and dispatcher as in the app.
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { KeypressProvider } from '../../src/editor/KeypressProvider.js';

export function renderWithKeys(node: ReactElement): ReturnType<typeof render> {
  return render(<KeypressProvider>{node}</KeypressProvider>);
}
