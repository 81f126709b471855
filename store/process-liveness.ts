// Whether a process named in a lock file is gone, so its lock can be taken over. Only "gone for sure"
// counts: a process on another host, or one we cannot check, is treated as alive.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  hostname: string;
  /** Linux: the start time in /proc/<pid>/stat, so a reused pid is not mistaken for the holder */
  process_start?: string;
  /** Linux: the boot the process ran in, so a pid from before a reboot is not mistaken either */
  boot_id?: string;
}

/** This process, as a lock file records it. */
export function currentProcessIdentity(): ProcessIdentity {
  return { pid: process.pid, hostname: hostname(), process_start: processStart(process.pid), boot_id: bootId() };
}

/** True when `identity` names a process that has ended; false when it runs or when we cannot tell. */
export function isProcessGone(identity: ProcessIdentity): boolean {
  if (identity.hostname !== hostname()) return false;
  const currentBoot = bootId();
  if (identity.boot_id && currentBoot && identity.boot_id !== currentBoot) return true;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = processStart(identity.pid);
  return Boolean(identity.process_start && start && identity.process_start !== start);
}

/** Field 22 of /proc/<pid>/stat (clock ticks after boot); undefined where there is no /proc. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
