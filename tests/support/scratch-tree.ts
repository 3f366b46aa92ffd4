import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Small file trees laid out in temporary folders, for checks of the repository's own rules
 * (tests/tooling/) shown to fail on a made-up tree. `cleanup` removes every tree made.
 */
export function scratchTrees(prefix: string): { tree(files: Record<string, string>): string; cleanup(): void } {
  const made: string[] = [];
  return {
    tree(files) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
