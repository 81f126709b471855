// A session's recipes, the Store's helper: the base recipe loaded at start-up, the session's own (recipe.md),
// the tools the last run had, and their hash in the recipe store (recipes.json).
import type { RecipeSnapshot } from './schemas.js';
import type { Recipe } from './types.js';
import type { RecipeStore } from './recipe-store.js';
import { DurableFile } from './durable-file.js';
import { marshalRecipe, snapshotFromRecipe } from './recipe/index.js';

export class SessionRecipes {
  private activeTools: string[] = [];
  private readonly recipeFile: DurableFile;

  constructor(
    readonly base: Recipe | null,
    private session: Recipe | null,
    readonly store: RecipeStore | null,
    recipePath: string,
    private readonly track: <T>(durable: Promise<T>) => Promise<T>,
  ) {
    this.recipeFile = new DurableFile(recipePath);
  }

  sessionRecipe(): Recipe | null {
    return this.session;
  }

  setSessionRecipe(recipe: Recipe | null): void {
    this.session = recipe;
  }

  active(): Recipe | null {
    return this.session ?? this.base;
  }

  lastActiveTools(): string[] {
    return this.activeTools;
  }

  setLastActiveTools(names: readonly string[]): void {
    this.activeTools = [...names];
  }

  snapshot(): RecipeSnapshot {
    return snapshotFromRecipe(this.active(), this.activeTools);
  }

  /** Stores the active recipe with the last active tools in the recipe store; its hash, '' without a store. */
  putActive(): string {
    if (!this.store) return '';
    const hash = this.store.putRecipe(this.active(), this.activeTools);
    this.track(this.store.flush());
    return hash;
  }

  hashFor(tools: readonly string[]): string {
    return this.store?.hashFor(this.active(), tools) ?? '';
  }

  nameLookup(): (hash: string) => string {
    const store = this.store;
    return (hash) => store?.nameOf(hash) ?? '';
  }

  /** Writes the active recipe to recipe.md (no file when there is no recipe). */
  persist(): Promise<void> {
    const recipe = this.active();
    if (!recipe) return Promise.resolve();
    const markdown = marshalRecipe(recipe);
    return this.track(this.recipeFile.write(() => markdown));
  }

  async idle(): Promise<void> {
    await Promise.all([this.recipeFile.idle(), this.store?.flush().catch(() => undefined)]);
  }
}
