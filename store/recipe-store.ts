// recipes.json: content-addressed recipe snapshots (hash -> snapshot), shared by every session and
// process. Writes re-read and merge under a cross-process lock, so no process drops another's snapshots.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { recipeStoreFileSchema } from './schemas.js';
import type { RecipeSnapshot } from './schemas.js';
import { readJsonFile } from './read-json.js';
import { DataFileError } from './errors.js';
import { writeDurably } from './durable-file.js';
import { stringifyLikeGo } from './go-json.js';
import { moveAside } from './quarantine.js';
import { canonicalSnapshotJson, recipeSnapshotHash } from './recipe/snapshot.js';

type Snapshots = Record<string, RecipeSnapshot>;

/** How long another process may hold the lock before we stop waiting (it is stale after 10 s). */
const LOCK_OPTIONS = { realpath: false, stale: 10_000, retries: { retries: 50, minTimeout: 20, maxTimeout: 200 } };

export class RecipeStore {
  private persisting: Promise<void> = Promise.resolve();
  private lastWrite: Promise<void> = Promise.resolve();
  /** Paths of corrupt files renamed aside while this store read them, for the user to be told. */
  readonly quarantined: string[] = [];

  private constructor(
    readonly path: string,
    private snapshots: Snapshots,
  ) {}

  static async open(path: string): Promise<RecipeStore> {
    const store = new RecipeStore(path, {});
    store.snapshots = await store.readFile();
    return store;
  }

  /** Stores `snap` under its hash and returns the hash; a known hash does not rewrite the file. */
  put(snap: RecipeSnapshot): string {
    const hash = recipeSnapshotHash(snap);
    if (this.snapshots[hash]) return hash;
    this.snapshots = { ...this.snapshots, [hash]: snap };
    const added = { [hash]: snap };
    const write = this.persisting.then(() => this.mergeIntoFile(added));
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
      if (!(error instanceof DataFileError)) throw error;
      this.quarantined.push(await moveAside(this.path));
      return {};
    }
  }

  private async mergeIntoFile(added: Snapshots): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const release = await lockfile.lock(this.path, LOCK_OPTIONS);
    try {
      const onDisk = await this.readFile();
      const merged: Snapshots = { ...onDisk, ...added };
      this.snapshots = { ...merged, ...this.snapshots };
      await writeDurably(this.path, renderRecipeStore(merged));
    } finally {
      await release();
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
