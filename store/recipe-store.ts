// recipes.json: content-addressed recipes, shared by every session and process, in either Errata shape
// (recipe-shapes.ts): a put keeps the shape the file has. Writes re-read and merge under a cross-process
// lock, so no process drops another's recipes.
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeDirectories } from './make-directories.js';
import { recipeStoreFileSchema } from './schemas.js';
import type { RecipeSnapshot, StoredRecipe } from './schemas.js';
import type { Recipe } from './types.js';
import { readJsonFile, UnparsableFileError } from './read-json.js';
import { writeDurably } from './durable-file.js';
import { moveAside } from './quarantine.js';
import { recipeSnapshotHash } from './recipe/snapshot.js';
import { newFileShape, renderRecipeStore, shapeOf, storedFormOf, storedRecipeName } from './recipe-shapes.js';
import type { RecipeStoreShape } from './recipe-shapes.js';

type Entries = Record<string, StoredRecipe>;

/**
 * The lock is held for milliseconds; one left by a crashed process is stale after 5 s, and we keep trying
 * for longer than that, so a crash never blocks the next save. A lost lock is no reason to crash either.
 */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 5_000,
  retries: { retries: 40, minTimeout: 50, maxTimeout: 250 },
  onCompromised: () => undefined,
};

export class RecipeStore {
  private persisting: Promise<void> = Promise.resolve();
  private lastWrite: Promise<void> = Promise.resolve();
  /** Paths of corrupt files renamed aside while this store read them, for the user to be told. */
  readonly quarantined: string[] = [];
  /** Files that did not parse and were left as they are (a read-only store never moves anything). */
  readonly unreadable: string[] = [];

  /** The shape of the file when it was read; null when it had no recipes (a put then uses `emptyFileShape`). */
  private fileShape: RecipeStoreShape | null = null;

  private constructor(
    readonly path: string,
    private entries: Entries,
    private readonly readOnly: boolean,
    private readonly emptyFileShape: RecipeStoreShape,
  ) {}

  /**
   * A writable store sets a recipes.json that does not parse aside (and starts empty); a read-only one only
   * reports it. `newFileShape` is the shape a new (or empty) file gets: default BAKEOFF_ERRATA_FORMAT's.
   */
  static async open(path: string, options: { readOnly?: boolean; newFileShape?: RecipeStoreShape } = {}): Promise<RecipeStore> {
    const store = new RecipeStore(path, {}, options.readOnly ?? false, options.newFileShape ?? newFileShape());
    store.entries = await store.readFile();
    store.fileShape = shapeOf(store.entries);
    return store;
  }

  /** The shape a put writes: the file's own, or for a new or empty file the configured one. */
  shape(): RecipeStoreShape {
    return this.fileShape ?? this.emptyFileShape;
  }

  /** The hash a run of `recipe` with `activeTools` records in this file's shape (`rcp_…` or `rcp_v1_…`), without storing it. */
  hashFor(recipe: Recipe | null, activeTools: readonly string[]): string {
    return storedFormOf(recipe, activeTools, this.shape()).hash;
  }

  /** Stores `recipe` as run with `activeTools`, in this file's shape; returns its hash. The first value stored under a hash is kept. */
  putRecipe(recipe: Recipe | null, activeTools: readonly string[]): string {
    const { hash, value } = storedFormOf(recipe, activeTools, this.shape());
    return this.store(hash, value);
  }

  /** Stores a snapshot object under its `rcp_v1_` hash (the seed's API; the app uses putRecipe, which keeps the file's shape). */
  put(snap: RecipeSnapshot): string {
    return this.store(recipeSnapshotHash(snap), snap);
  }

  /** The stored value: a snapshot object or recipe markdown. */
  get(hash: string): StoredRecipe | null {
    return Object.hasOwn(this.entries, hash) ? this.entries[hash] : null;
  }

  /** What the file holds, hash -> snapshot object or markdown. */
  list(): Readonly<Entries> {
    return this.entries;
  }

  /** The recipe name stored under `hash` ('' when unknown). */
  nameOf(hash: string): string {
    const value = this.get(hash);
    return value === null ? '' : storedRecipeName(value);
  }

  /** Every stored name, once each, sorted. */
  names(): string[] {
    return [...new Set(Object.values(this.entries).map(storedRecipeName))].sort();
  }

  /** Every hash stored under `name`, in either shape (a markdown value without a title is `default`). */
  hashesForName(name: string): string[] {
    return Object.keys(this.entries)
      .filter((hash) => storedRecipeName(this.entries[hash]) === name)
      .sort();
  }

  private store(hash: string, value: StoredRecipe): string {
    if (Object.hasOwn(this.entries, hash)) return hash;
    this.entries = { ...this.entries, [hash]: value };
    this.fileShape ??= shapeOf(this.entries);
    if (this.readOnly) return hash;
    const write = this.persisting.then(() => this.mergeIntoFile());
    this.persisting = write.catch(() => undefined);
    this.lastWrite = write;
    return hash;
  }

  /** Resolves when every put is on disk; rejects if the newest write failed. */
  flush(): Promise<void> {
    return this.lastWrite;
  }

  private async readFile(): Promise<Entries> {
    try {
      return (await readJsonFile(this.path, recipeStoreFileSchema))?.value ?? {};
    } catch (error) {
      if (!(error instanceof UnparsableFileError)) throw error;
      if (this.readOnly) this.unreadable.push(error.message);
      else this.quarantined.push(await moveAside(this.path));
      return {};
    }
  }

  /** Re-reads under the lock and writes what is there plus everything this store knows (a failed save is retried). */
  private async mergeIntoFile(): Promise<void> {
    await makeDirectories(dirname(this.path));
    const release = await lockfile.lock(this.path, LOCK_OPTIONS).catch((error: Error) => {
      throw new Error(`could not lock ${this.path} to save a recipe: ${error.message}`);
    });
    try {
      // What is on disk wins for a hash both hold: the first value stored is kept.
      const merged: Entries = { ...this.entries, ...(await this.readFile()) };
      this.entries = merged;
      await writeDurably(this.path, renderRecipeStore(merged));
    } finally {
      await release().catch(() => undefined);
    }
  }
}

export { renderRecipeStore };
