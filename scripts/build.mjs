// Builds dist/: tsc emits the store library with its types; non-code assets are copied beside it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
mkdirSync('dist/store/recipe', { recursive: true });
cpSync('store/recipe/default.recipe.md', 'dist/store/recipe/default.recipe.md');
