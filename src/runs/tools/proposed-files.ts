// One model's proposal during a run. Until its first bash call the proposed writes are kept in memory;
// from then on the model has a layer of its own (src/runs/sandbox/) and every write lands there, where
// its shell commands see it. Either way nothing touches the project before the user picks this answer,
// the model's later reads see what it proposed, and the proposal is the difference from the project.
import { mkdir, readFile, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalPath, isWithin, protectedPathRule, resolveInsideRoot } from '../../../store/index.js';
import type { FileWrite } from '../../../store/index.js';
import type { Layer } from '../sandbox/layer.js';
import { resolveInView } from '../sandbox/layer-path.js';
import type { RunSandbox } from '../sandbox/run-sandbox.js';
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
  private layer: Promise<Layer> | undefined;
  private opened: Layer | null = null;
  /** the layer's diff as of the last change, for the live panel */
  private latest: FileWrite[] = [];
  private leftOut: string[] = [];
  /** the layer was removed: the proposal is final */
  private closed = false;

  /** `dataDirs`: bakeoff's data directory, protected wherever it is; `sandbox`: where bash runs (null = no bash) */
  constructor(
    readonly root: string,
    private readonly dataDirs: readonly string[] = [],
    private readonly sandbox: RunSandbox | null = null,
  ) {}

  /** The file a model names, inside the root (or its layer) and not protected; a PathRefusedError or ToolError (naming the path and rule) otherwise. */
  async locate(proposed: string): Promise<ProjectFile> {
    if (this.opened) {
      const file = await resolveInView(this.opened.viewRoot, await this.projectRoots(), proposed);
      await this.refuseProtected(proposed, path.join(await this.rootOnDisk(), file.relative));
      return file;
    }
    const absolute = await resolveInsideRoot(this.root, proposed);
    await this.refuseProtected(proposed, absolute);
    return { absolute, relative: path.relative(await this.rootOnDisk(), absolute) };
  }

  /** Throws a ToolError naming the rule when `absolute` (canonical, in the project) is a protected path. */
  async refuseProtected(proposed: string, absolute: string): Promise<void> {
    const rule = protectedPathRule(await this.rootOnDisk(), absolute, await this.protectedDirs());
    if (rule) throw new ToolError(`refused path ${JSON.stringify(proposed)}: ${rule}`);
  }

  /** True when a listing or search may show `absolute`: it stays inside the root (or the layer) and is not protected. */
  async isVisible(absolute: string): Promise<boolean> {
    const realRoot = await this.rootOnDisk();
    if (this.opened) {
      const relative = path.relative(this.opened.viewRoot, absolute);
      if (relative === '' || !isWithin(this.opened.viewRoot, absolute)) return false;
      const file = await resolveInView(this.opened.viewRoot, await this.projectRoots(), relative).catch(() => null);
      return file !== null && protectedPathRule(realRoot, path.join(realRoot, file.relative), await this.protectedDirs()) === null;
    }
    const real = await realpath(absolute).catch(() => null);
    if (real === null) return false;
    return isWithin(realRoot, real) && protectedPathRule(realRoot, real, await this.protectedDirs()) === null;
  }

  /** The data directories, canonical. */
  protectedDirs(): Promise<string[]> {
    this.realDataDirs ??= Promise.all(this.dataDirs.map((dir) => canonicalPath(dir)));
    return this.realDataDirs;
  }

  /** Where listing and searching start: the model's layer once it has one, else the real root. */
  async rootPath(): Promise<string> {
    return this.opened ? this.opened.viewRoot : this.rootOnDisk();
  }

  /** The project root with its symbolic links resolved. */
  rootOnDisk(): Promise<string> {
    this.realRoot ??= realpath(this.root);
    return this.realRoot;
  }

  /** The paths bash and the model know the project by: as given, and real. */
  private async projectRoots(): Promise<string[]> {
    return [path.resolve(this.root), await this.rootOnDisk()];
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

  /** Records a write or deletion: in memory, or in the layer once there is one (a later change replaces it). */
  async propose(write: FileWrite, file: ProjectFile): Promise<void> {
    if (!this.opened) {
      const created = !write.delete && (await stat(file.absolute).catch(() => null)) === null;
      this.changes.delete(write.path);
      this.changes.set(write.path, created ? { ...write, created } : write);
      return;
    }
    await writeInLayer(file.absolute, write);
    await this.refresh();
  }

  /** The model's layer, set up at its first bash call with what it proposed so far written into it. */
  shell(): Promise<Layer> {
    if (!this.sandbox || this.closed) return Promise.reject(new ToolError('bash is not available in this run'));
    this.layer ??= this.openLayer(this.sandbox);
    return this.layer;
  }

  private async openLayer(sandbox: RunSandbox): Promise<Layer> {
    const layer = await sandbox.newLayer().catch((error: unknown) => {
      this.layer = undefined;
      throw error;
    });
    try {
      for (const write of this.changes.values()) {
        const file = await resolveInView(layer.viewRoot, await this.projectRoots(), write.path);
        await writeInLayer(file.absolute, write);
      }
    } catch (error) {
      this.layer = undefined;
      await layer.dispose();
      throw error;
    }
    this.changes.clear();
    this.opened = layer;
    await this.refresh();
    return layer;
  }

  /** After a bash call: the layer's new difference from the project. */
  async refresh(): Promise<void> {
    if (!this.opened) return;
    const diff = await this.opened.diff();
    this.latest = diff.writes;
    this.leftOut = diff.leftOut;
  }

  writes(): FileWrite[] {
    return this.opened || this.closed ? this.latest : [...this.changes.values()];
  }

  /** Changed paths a proposal cannot carry (links, binary or big files). */
  notProposed(): string[] {
    return this.leftOut;
  }

  /** The final proposal; the layer is removed (calling it again gives the same proposal). */
  async finish(): Promise<FileWrite[]> {
    if (this.closed) return this.latest;
    // a layer still being set up (Esc during the first bash call) is waited for, then removed too
    if (this.layer) await this.layer.catch(() => undefined);
    const layer = this.opened;
    if (!layer) return this.writes();
    try {
      await this.refresh();
    } finally {
      this.opened = null;
      this.closed = true;
      await layer.dispose();
    }
    return this.latest;
  }
}

async function writeInLayer(absolute: string, write: FileWrite): Promise<void> {
  if (write.delete) {
    await unlink(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return;
  }
  await mkdir(path.dirname(absolute), { recursive: true });
  // the layer is scratch space the model owns; the project itself is written atomically at apply
  await writeFile(absolute, write.content);
}
