// /recipes: base, session and active recipe with its hash, the saved files, the stored snapshots.
import { Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { pad, visibleLine } from './format.js';
import { shortHash } from './short-hash.js';
import type { RecipesView } from './types.js';

const MAX_SNAPSHOTS = 10;

export interface RecipesPanelProps {
  view: RecipesView;
}

export const RecipesPanel = memo(function RecipesPanel({ view }: RecipesPanelProps) {
  return (
    <PanelFrame title="Recipes">
      <Text>{`${pad('base', 9)}${visibleLine(view.base)}`}</Text>
      <Text>{`${pad('session', 9)}${visibleLine(view.session)}`}</Text>
      <Text>
        {pad('active', 9)}
        <Text bold>{visibleLine(view.active)}</Text> <Text dimColor>{visibleLine(view.activeHash)}</Text>
      </Text>
      <Text bold>{`Saved in ${visibleLine(view.recipesDir)}`}</Text>
      {view.saved.length === 0 ? <Text dimColor>  none (/save writes one)</Text> : null}
      {view.saved.map((name) => (
        <Text key={name}>{`  ${visibleLine(name)}`}</Text>
      ))}
      <Text bold>Stored snapshots</Text>
      {view.snapshots.length === 0 ? <Text dimColor>  none yet</Text> : null}
      {view.snapshots.slice(-MAX_SNAPSHOTS).map((s) => (
        <Text key={s.hash}>
          {'  '}
          <Text dimColor>{visibleLine(shortHash(s.hash))}</Text> {visibleLine(s.name)}
        </Text>
      ))}
      <Text dimColor>/save [path] writes the active recipe; /load &lt;path&gt; makes a file the session's recipe</Text>
    </PanelFrame>
  );
});
