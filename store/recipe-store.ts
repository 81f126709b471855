// recipes.json: content-addressed recipe snapshots (hash -> snapshot), shared by every session and
// process. Writes re-read and merge under a cross-process lock, so no process drops another's snapshots.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { recipeStoreFileSchema } from './schemas.js';
import type { RecipeSnapshot } from './schemas.js';
import { readJsonFile, UnparsableFileError } from './read-json.js';
import { writeDurably } from './durable-file.js';
import { stringifyLikeGo } from './go-json.js';
import { moveAside } from './quarantine.js';
import { canonicalSnapshotJson, recipeSnapshotHash } from './recipe/snapshot.js';

type Snapshots = Record<string, RecipeSnapshot>;

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

  private constructor(
    readonly path: string,
    private snapshots: Snapshots,
    private readonly readOnly: boolean,
  ) {}

  /** A writable store sets a recipes.json that does not parse aside (and starts empty); a read-only one only reports it. */
  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<RecipeStore> {
    const store = new RecipeStore(path, {}, options.readOnly ?? false);
    store.snapshots = await store.readFile();
    return store;
  }

  /** Stores `snap` under its hash and returns the hash; a known hash does not rewrite the file. */
  put(snap: RecipeSnapshot): string {
    const hash = recipeSnapshotHash(snap);
    if (this.snapshots[hash]) return hash;
    this.snapshots = { ...this.snapshots, [hash]: snap };
    if (this.readOnly) return hash;
    const write = this.persisting.then(() => this.mergeIntoFile());
    this.persisting = write.catch(() => undefined);
    this.lastWrite = write;
    return hash;
  }

  get(hash: string): RecipeSnapshot | null {
    return this.snapshots[hash] ?? null;
  }

  list(): Readonly<Snapshots> {
    return this.snapshots;
  }

  hashesForName(name: string): string[] {
    return Object.keys(this.snapshots)
      .filter((hash) => this.snapshots[hash].name === name)
      .sort();
  }

  /** Resolves when every put is on disk; rejects if the newest write failed. */
  flush(): Promise<void> {
    return this.lastWrite;
  }

  private async readFile(): Promise<Snapshots> {
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
    await mkdir(dirname(this.path), { recursive: true });
    const release = await lockfile.lock(this.path, LOCK_OPTIONS).catch((error: Error) => {
      throw new Error(`could not lock ${this.path} to save a recipe: ${error.message}`);
    });
    try {
      const merged: Snapshots = { ...(await this.readFile()), ...this.snapshots };
      this.snapshots = merged;
      await writeDurably(this.path, renderRecipeStore(merged));
    } finally {
      await release().catch(() => undefined);
    }
  }
}

/** As Errata writes it: hashes sorted, each snapshot in canonical key order, indented by two spaces. */
export function renderRecipeStore(snapshots: Snapshots): string {
  const ordered = Object.fromEntries(
    Object.keys(snapshots)
      .sort()
      .map((hash) => [hash, JSON.parse(canonicalSnapshotJson(snapshots[hash])) as unknown]),
  );
  return stringifyLikeGo(ordered, 2);
}
