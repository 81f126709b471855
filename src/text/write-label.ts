// How one proposed file is listed wherever proposals are shown (live panel, pick list, `bakeoff show`);
// control characters in a name (a shell can make one) are made visible where it is shown (visible-text.ts).

/** `+created`, `-deleted`, `modified`. */
export function writeLabel(write: { path: string; delete?: boolean; created?: boolean }): string {
  if (write.delete) return `-${write.path}`;
  return write.created ? `+${write.path}` : write.path;
}
