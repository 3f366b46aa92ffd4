import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translations } from '../../../renderer/i18n';
import { districtMessages } from '../../../renderer/district/messages';
import { kioskMessages } from '../../../renderer/kiosk/messages';
import { technicianMessages } from '../../../renderer/technician/console-messages';
import { managerMessages } from '../../../renderer/manager/messages';
import { rateMessages } from '../../../renderer/rate/messages';
import { techBackupsMessages } from '../../../renderer/technician/backups/messages';
import type { MessageTree } from '../../../renderer/kiosk/messages/types';
import { repoRoot } from '../../support/test-host';

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('renderer messages', () => {
  // Every area, those loaded up front and those loaded with their code (the consoles, /rate, backups, the district page).
  const all = translations([
    ...kioskMessages,
    ...technicianMessages,
    ...managerMessages,
    rateMessages,
    techBackupsMessages,
    ...districtMessages,
  ]);
  const zh = new Set(keysOf(all['zh-CN']));
  const en = new Set(keysOf(all.en));

  it('Chinese and English have exactly the same keys, none empty', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(100);
  });

  it("every literal key a screen asks for with t('…') exists", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(repoRoot, 'renderer'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = match[1] ?? '';
        // i18next plural forms: `x` may be stored as x_one / x_other.
        if (!zh.has(key) && !zh.has(`${key}_other`)) missing.push(`${file.slice(repoRoot.length + 1)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
