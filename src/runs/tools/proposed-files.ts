// One model's proposed writes during a run. Nothing touches the disk: the writes are applied only if
// the user picks this answer. The model's own later reads and edits see what it proposed.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { canonicalPath, isWithin, protectedPathRule, resolveInsideRoot } from '../../../store/index.js';
import type { FileWrite } from '../../../store/index.js';
import { ToolError } from './tool-types.js';

export interface ProjectFile {
  absolute: string;
  /** relative to the project root, as FileWrite paths are */
  relative: string;
}

/** Files bigger than this are refused rather than read whole into memory. */
const maxReadBytes = 10 * 1024 * 1024;

export class ProposedFiles {
  private readonly changes = new Map<string, FileWrite>();
  private realRoot: Promise<string> | undefined;
  private realDataDirs: Promise<string[]> | undefined;

  /** `dataDirs`: bakeoff's data directory, protected wherever it is */
  constructor(
    readonly root: string,
    private readonly dataDirs: readonly string[] = [],
  ) {}

  /** The file a model names, inside the root and not protected; a PathRefusedError or ToolError (naming the path and rule) otherwise. */
  async locate(proposed: string): Promise<ProjectFile> {
    const absolute = await resolveInsideRoot(this.root, proposed);
    await this.refuseProtected(proposed, absolute);
    return { absolute, relative: path.relative(await this.rootPath(), absolute) };
  }

  /** Throws a ToolError naming the rule when `absolute` (canonical) is a protected path. */
  async refuseProtected(proposed: string, absolute: string): Promise<void> {
    const rule = protectedPathRule(await this.rootPath(), absolute, await this.protectedDirs());
    if (rule) throw new ToolError(`refused path ${JSON.stringify(proposed)}: ${rule}`);
  }

  /** True when a listing or search may show `absolute`: its real path is inside the root and not protected. */
  async isVisible(absolute: string): Promise<boolean> {
    const real = await realpath(absolute).catch(() => null);
    if (real === null) return false;
    const realRoot = await this.rootPath();
    return isWithin(realRoot, real) && protectedPathRule(realRoot, real, await this.protectedDirs()) === null;
  }

  /** The data directories, canonical. */
  protectedDirs(): Promise<string[]> {
    this.realDataDirs ??= Promise.all(this.dataDirs.map((dir) => canonicalPath(dir)));
    return this.realDataDirs;
  }

  /** The root with its symbolic links resolved, for listing and searching the root itself. */
  rootPath(): Promise<string> {
    this.realRoot ??= realpath(this.root);
    return this.realRoot;
  }

  /** Current content as this model sees it: its proposal if any, else the disk; null when there is no file. */
  async read(file: ProjectFile): Promise<string | null> {
    const change = this.changes.get(file.relative);
    if (change) return change.delete ? null : change.content;
    let info;
    try {
      info = await stat(file.absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
    if (info.isDirectory()) throw new ToolError(`${file.relative} is a directory, not a file`);
    if (info.size > maxReadBytes) throw new ToolError(`${file.relative} is too large to read (${info.size} bytes)`);
    return readFile(file.absolute, 'utf8');
  }

  /** Records a write or deletion; a later change to the same file replaces it (one entry per file). */
  propose(write: FileWrite): void {
    this.changes.delete(write.path);
    this.changes.set(write.path, write);
  }

  writes(): FileWrite[] {
    return [...this.changes.values()];
  }
}
