import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StaffPrincipal } from '../../../../contracts/auth';
import type { BackupList, RestorePreview } from '../../../../contracts/backups';
import { BackupsScreen } from '../../../../renderer/technician/backups/BackupsScreen';
import { TechSessionContext, type TechSession } from '../../../../renderer/technician/session';
import { fakeApi } from '../../support/fake-api';
import { renderScreen } from '../../support/render';

const NAME = 'hall-kiosk-hall-01-20261206-023000.sqlite';

const list: BackupList = {
  folder: '/media/usb/hall-backups',
  folderProblem: null,
  health: {
    state: 'ok',
    lastSuccessAt: '2026-12-05T18:30:00.000Z',
    lastFailure: null,
    nextAt: '2026-12-06T18:30:00.000Z',
    running: false,
  },
  backups: [
    {
      name: NAME,
      createdAt: '2026-12-05T18:30:00.000Z',
      size: 3 * 1024 * 1024,
      check: { result: 'ok', schemaVersion: 19, checkedAt: '2026-12-05T18:30:02.000Z' },
      madeHere: true,
    },
    {
      name: 'hall-kiosk-hall-01-20261205-023000.sqlite',
      createdAt: '2026-12-04T18:30:00.000Z',
      size: 512 * 1024,
      check: { result: 'corrupt', schemaVersion: 19, checkedAt: '2026-12-04T18:30:02.000Z' },
      madeHere: false,
    },
  ],
  lastRestore: null,
};

const preview: RestorePreview = {
  name: NAME,
  createdAt: '2026-12-05T18:30:00.000Z',
  check: { result: 'ok', schemaVersion: 19, checkedAt: '2026-12-06T02:00:00.000Z' },
  refusals: [],
  schema: { backup: 19, build: 19 },
  hallId: { backup: 'hall-01', here: 'hall-01' },
  madeHere: true,
  businessDay: '2026-12-06',
  ticketsToday: { backup: 0, now: 42 },
  cases: { backup: 120, now: 123 },
  currentReadable: true,
  since: {
    cases: { missing: 3, delivered: 2, carried: 1 },
    evaluations: { missing: 1, delivered: 0, carried: 1 },
    otherEntries: 0,
  },
  numbering: [
    { prefix: 'A', highest: 'A031' },
    { prefix: 'F', highest: 'F011' },
  ],
};

function session(role: StaffPrincipal['role']): TechSession {
  return {
    staff: { id: 1, staffNo: role === 'technician' ? '8001' : '9001', name: '测试', role, windowId: null },
    canConfigure: role === 'technician',
    timeZone: 'Asia/Shanghai',
    describeError: () => '出错了',
    failed: () => '出错了',
  };
}

function backupsScreen(role: StaffPrincipal['role'], overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ backups: async () => list, ...overrides });
  return renderScreen(
    <TechSessionContext.Provider value={session(role)}>
      <BackupsScreen />
    </TechSessionContext.Provider>,
    api,
  );
}

describe('the console’s 备份 screen', () => {
  it('lists each backup with its hall-local date, size and check, and says when the last one was made', async () => {
    backupsScreen('technician');
    expect((await screen.findByTestId('tech-backups-verdict')).textContent).toContain(
      '最近一次备份 2026/12/06 02:30:00，已通过检查。',
    );
    const rows = within(screen.getByTestId('tech-backups-list')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/2026\/12\/06 02:30:00.*3 MB.*完好.*本机.*恢复…/),
      expect.stringMatching(/2026\/12\/05 02:30:00.*512 kB.*已损坏.*本大厅其他终端/),
    ]);
    expect(screen.getByTestId('tech-backups-folder').textContent).toContain('/media/usb/hall-backups');
  });

  it('a failed backup and a missing folder are said plainly', async () => {
    backupsScreen('technician', {
      backups: async () => ({
        ...list,
        backups: [],
        folderProblem: { code: 'folder-missing', message: '/media/usb/hall-backups: ENOENT' },
        health: {
          ...list.health,
          state: 'failed',
          lastFailure: { code: 'folder-missing', message: '/media/usb/hall-backups: ENOENT', at: '2026-12-06T18:30:00.000Z' },
        },
      }),
    });
    expect((await screen.findByTestId('tech-backups-verdict')).textContent).toContain(
      '最近一次备份失败（2026/12/07 02:30:00）：备份文件夹不存在或未插入',
    );
    expect(screen.getByTestId('tech-backups-folder-problem').textContent).toContain('ENOENT');
  });

  it('backs up now on a technician’s word', async () => {
    const backUpNow = vi.fn(async () => list);
    backupsScreen('technician', { backUpNow });
    fireEvent.click(await screen.findByRole('button', { name: '立即备份' }));
    await screen.findByText('备份完成，已通过检查。');
    expect(backUpNow).toHaveBeenCalledTimes(1);
  });

  it('rehearses a restore, says what would change, and restores on confirmation', async () => {
    const previewRestore = vi.fn(async (_name: string) => preview);
    const restoreBackup = vi.fn(async (_name: string, _accept: boolean) => ({
      restarting: true as const,
      keptAs: 'hall.sqlite-before-restore-20261206-101500',
    }));
    backupsScreen('technician', { previewRestore, restoreBackup });
    fireEvent.click(await screen.findByRole('button', { name: '预演恢复 2026/12/06 02:30:00 的备份' }));
    const panel = await screen.findByTestId('tech-backups-preview');
    expect(previewRestore.mock.calls[0]?.[0]).toBe(NAME);
    expect(within(panel).getByTestId('tech-backups-tickets').textContent).toContain('备份中 0，现在 42');
    expect(within(panel).getByTestId('tech-backups-cases').textContent).toContain('备份中 120，现在 123');
    expect(within(panel).getByTestId('tech-backups-since').textContent).toContain(
      '备份之后的办件有 3 件不在备份中：其中 2 件已上报省平台（留在省平台，本机不再保留），1 件尚未上报',
    );
    expect(within(panel).getByTestId('tech-backups-numbering').textContent).toContain('A031、F011');
    fireEvent.click(within(panel).getByRole('button', { name: '确认恢复' }));
    expect((await screen.findByTestId('tech-backups-restarting')).textContent).toContain(
      'hall.sqlite-before-restore-20261206-101500',
    );
    expect(restoreBackup.mock.calls[0]?.slice(0, 2)).toEqual([NAME, false]);
  });

  it('over a damaged current database, the restore waits for the technician to accept what cannot be carried over', async () => {
    const restoreBackup = vi.fn(async (_name: string, _accept: boolean) => ({ restarting: true as const, keptAs: 'kept' }));
    backupsScreen('technician', {
      previewRestore: async () => ({ ...preview, currentReadable: false, since: null, cases: { backup: 120, now: null } }),
      restoreBackup,
    });
    fireEvent.click(await screen.findByRole('button', { name: '预演恢复 2026/12/06 02:30:00 的备份' }));
    const confirm = await screen.findByRole('button', { name: '确认恢复' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('tech-backups-cases').textContent).toContain('备份中 120，现在 —');
    fireEvent.click(screen.getByRole('checkbox', { name: '我已知晓，仍然恢复' }));
    fireEvent.click(confirm);
    await waitFor(() => expect(restoreBackup.mock.calls[0]?.slice(0, 2)).toEqual([NAME, true]));
  });

  it('a refused backup cannot be restored, and says why', async () => {
    backupsScreen('technician', {
      previewRestore: async () => ({ ...preview, refusals: ['other-hall'], hallId: { backup: 'hall-09', here: 'hall-01' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '预演恢复 2026/12/06 02:30:00 的备份' }));
    expect((await screen.findByTestId('tech-backups-refusals')).textContent).toContain(
      '备份属于其他大厅（hall-09），本机是 hall-01。',
    );
    expect(screen.getByRole('button', { name: '确认恢复' }).hasAttribute('disabled')).toBe(true);
  });

  it('a supervisor sees the backups but neither backs up nor restores', async () => {
    backupsScreen('supervisor');
    await screen.findByTestId('tech-backups-list');
    expect(screen.queryByRole('button', { name: '立即备份' })).toBeNull();
    expect(screen.queryByRole('button', { name: /预演恢复/ })).toBeNull();
  });
});
