import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and it is someone else's.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * One process per PGlite data folder. PGlite is PostgreSQL in single-user mode inside this
 * process: it does not refuse a second process on the same files, and two would corrupt them
 * (`npm start` while `npm run platform` runs, say). `platform.lock` holds the owner's pid; a lock
 * whose process is gone (killed with -9) is taken over.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, 'platform.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new Error(`the data folder ${dir} is in use by another platform (pid ${owner}); stop it first`, { cause: error });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data folder ${dir}`);
}
