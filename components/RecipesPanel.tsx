// /recipes: base, session and active recipe with its hash, the saved files, the stored snapshots.
import { Text } from 'ink';
import { memo } from 'react';
import { PanelFrame } from './PanelFrame.js';
import { pad } from './format.js';
import type { RecipesView } from './types.js';

const MAX_SNAPSHOTS = 10;

export interface RecipesPanelProps {
  view: RecipesView;
}

export const RecipesPanel = memo(function RecipesPanel({ view }: RecipesPanelProps) {
  return (
    <PanelFrame title="Recipes">
      <Text>{`${pad('base', 9)}${view.base}`}</Text>
      <Text>{`${pad('session', 9)}${view.session}`}</Text>
      <Text>
        {pad('active', 9)}
        <Text bold>{view.active}</Text> <Text dimColor>{view.activeHash}</Text>
      </Text>
      <Text bold>{`Saved in ${view.recipesDir}`}</Text>
      {view.saved.length === 0 ? <Text dimColor>  none (/save writes one)</Text> : null}
      {view.saved.map((name) => (
        <Text key={name}>{`  ${name}`}</Text>
      ))}
      <Text bold>Stored snapshots</Text>
      {view.snapshots.length === 0 ? <Text dimColor>  none yet</Text> : null}
      {view.snapshots.slice(-MAX_SNAPSHOTS).map((s) => (
        <Text key={s.hash}>
          {'  '}
          <Text dimColor>{s.hash.slice(0, 15)}</Text> {s.name}
        </Text>
      ))}
      <Text dimColor>/save [path] writes the active recipe; /load &lt;path&gt; makes a file the session's recipe</Text>
    </PanelFrame>
  );
});
