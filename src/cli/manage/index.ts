// The subcommands that manage sessions: name, fork, delete and restore, prune, the trash, redo.
import type { Command } from 'commander';
import { addRenameCommand } from './rename.js';
import { addForkCommand } from './fork.js';
import { addDeleteCommands } from './delete.js';
import { addPruneCommand } from './prune.js';
import { addTrashCommand } from './trash.js';
import { addRedoCommand } from './redo.js';

export function addManageCommands(program: Command): void {
  for (const add of [addRenameCommand, addForkCommand, addDeleteCommands, addPruneCommand, addTrashCommand, addRedoCommand]) add(program);
}
