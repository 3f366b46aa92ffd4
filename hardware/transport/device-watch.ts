/**
 * Notices a serial device node that went away while the port is open.
 *
 * The serialport binding does not always: when the far end of a tty hangs up
 * and reads return end-of-file instead of an error, it retries the read
 * forever and never emits `close` (seen with ptys; some USB-serial drivers
 * behave alike). Checking that the path still names the node we opened —
 * same inode and device number — catches an unplug, and a replug that made a
 * new node under the same name.
 */
import { stat } from 'node:fs/promises';

interface NodeIdentity {
  ino: number;
  rdev: number;
}

async function identify(path: string): Promise<NodeIdentity | undefined> {
  try {
    const s = await stat(path);
    return { ino: s.ino, rdev: s.rdev };
  } catch {
    return undefined;
  }
}

/**
 * Polls `path` every `intervalMs` and calls `onGone` once when it no longer
 * names the node it named at the start. Returns a stop function; after it,
 * no timer is left and `onGone` is not called.
 */
export function watchDeviceNode(path: string, intervalMs: number, onGone: (reason: string) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let original: NodeIdentity | undefined;
  let first = true;

  const check = async () => {
    const now = await identify(path);
    if (stopped) return;
    if (first && now !== undefined) {
      first = false;
      original = now;
    } else if (now === undefined || original === undefined || now.ino !== original.ino || now.rdev !== original.rdev) {
      // Also when the node is already gone at the first look: it vanished right after opening.
      stopped = true;
      onGone(now === undefined ? `${path} disappeared` : `${path} now names another device`);
      return;
    }
    timer = setTimeout(() => void check(), intervalMs);
  };
  void check();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
