/**
 * One server process per database. Two processes on one DATA_DIR would each hand out the update journal's sequence
 * numbers from the same start, and one's updates would be skipped when the journal is folded. A lock file beside the
 * database (`<file>.lock`, holding the owner's pid) makes the second start fail with a clear message instead.
 *
 * A lock left by a process that is gone (killed, crashed, the machine restarted) is taken over: the pid it names is
 * no longer running, or is our own pid (a container's server is pid 1 after every restart).
 */
import fs from 'node:fs';

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `${lockFile} says Horizon process ${ownerPid} is using this data directory. ` +
        'Stop that process or give this one another DATA_DIR; if no Horizon is running, delete the lock file.',
    );
    this.name = 'DataDirInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user. ESRCH: no such process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export class ProcessLock {
  #released = false;

  private constructor(readonly file: string) {}

  /** Takes the lock or throws DataDirInUseError. */
  static acquire(file: string): ProcessLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
        return new ProcessLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = ownerOf(file);
      if (owner !== null && owner !== process.pid && isRunning(owner)) throw new DataDirInUseError(file, owner);
      // Stale (or unreadable, e.g. cut short by a crash while it was written): remove it and try once more. Two
      // processes taking over the same stale lock in the same millisecond could both succeed; starting two servers
      // at once on one directory after a crash is the one case this does not catch.
      fs.rmSync(file, { force: true });
    }
    const owner = ownerOf(file);
    throw new DataDirInUseError(file, owner ?? 0);
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    // Only our own lock: never remove one another process took over.
    if (ownerOf(this.file) === process.pid) fs.rmSync(this.file, { force: true });
  }
}
