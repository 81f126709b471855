// How one proposed file is listed wherever proposals are shown (live panel, pick list, `bakeoff show`). A
// name is one line: its newlines, tabs and other controls are made visible (a shell can make such a name),
// so no write can pose as another line or hide the next one.
import { visibleLine } from './visible-text.js';

/** `+created`, `-deleted`, `modified`. */
export function writeLabel(write: { path: string; delete?: boolean; created?: boolean }): string {
  const name = visibleLine(write.path);
  if (write.delete) return `-${name}`;
  return write.created ? `+${name}` : name;
}
