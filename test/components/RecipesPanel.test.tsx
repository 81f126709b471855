import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RecipesPanel } from '../../components/RecipesPanel.js';

describe('RecipesPanel', () => {
  it('shows base, session and active recipe with its hash, saved files and stored snapshots', () => {
    const frame =
      render(
        <RecipesPanel
          view={{
            base: 'default',
            session: 'Go fixer',
            active: 'Go fixer',
            activeHash: 'rcp_v1_abcdef0123',
            saved: ['go-fixer.recipe.md'],
            recipesDir: '/data/recipes',
            snapshots: [{ hash: 'rcp_v1_abcdef0123', name: 'Go fixer' }],
          }}
        />,
      ).lastFrame() ?? '';
    expect(frame).toMatch(/base\s+default/);
    expect(frame).toMatch(/session\s+Go fixer/);
    expect(frame).toMatch(/active\s+Go fixer rcp_v1_abcdef0123/);
    expect(frame).toContain('Saved in /data/recipes');
    expect(frame).toContain('go-fixer.recipe.md');
    expect(frame).toMatch(/rcp_v1_abcdef01 Go fixer/);
  });
});
