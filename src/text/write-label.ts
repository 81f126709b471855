// How one proposed file is listed wherever proposals are shown (live panel, pick list, `bakeoff show`).

/** `+created`, `-deleted`, `modified`; a name with control characters in it (a shell can make one) is quoted. */
export function writeLabel(write: { path: string; delete?: boolean; created?: boolean }): string {
  const shown = /[\u0000-\u001f\u007f-\u009f]/.test(write.path) ? JSON.stringify(write.path) : write.path;
  if (write.delete) return `-${shown}`;
  return write.created ? `+${shown}` : shown;
}
