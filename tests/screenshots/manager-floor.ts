/**
 * The manager console's live floor (`manager-floor.png`) on a busy Monday morning the script plays
 * on a hall clock it sets: twelve windows, ten of them staffed, an hour of numbers taken and called,
 * a window paused since 09:12, the kiosk printer out of paper and a 差评 just in; so the alerts,
 * the waits past target and the windows' states all show. Every name and number is invented.
 */
import type { Page } from 'playwright-core';
import { HostConfig } from '../../contracts/config';
import { insertEvaluation } from '../../db/repositories/evaluations';
import { assignWindow, insertStaff } from '../../db/repositories/staff';
import { PrinterDevice } from '../../host/devices/printer-device';
import { startKioskHarness } from '../support/kiosk-harness';
import { DESK, openManager } from '../support/manager-page';

const CLERKS = ['王小明', '李华', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴刚'];

export async function managerFloorScreenshots(shot: (page: Page, name: string) => Promise<void>): Promise<void> {
  // Monday 7 December 2026, 08:30 in the hall.
  let now = Date.parse('2026-12-07T00:30:00Z');
  const codes = HostConfig.parse({}).services.map((s) => s.code);
  const windows = Array.from({ length: 12 }, (_, i) => ({
    number: i + 1,
    name: i < 4 ? `综合受理 ${i + 1}` : i < 8 ? `专项窗口 ${i - 3}` : `办事窗口 ${i - 7}`,
    services: [codes[i % 6] ?? 'consulting', codes[(i + 2) % 6] ?? 'consulting'],
  }));
  const h = await startKioskHarness({ clock: { now: () => new Date(now) }, config: { windows } });
  try {
    const { db, queue } = h.host;
    const ids = queue.windows().map((w) => w.id);
    // Ten clerks at their windows (as their sign-in leaves them); windows 11 and 12 stay closed.
    const clerks = CLERKS.map((name, i) => {
      const clerk = insertStaff(db, { staffNo: String(1101 + i), name, role: 'staff', pinHash: 'x' });
      assignWindow(db, ids[i] ?? 0, clerk.id);
      return clerk.id;
    });
    const issue = (n: number, offset: number) => {
      for (let i = 0; i < n; i++) queue.issue({ serviceCode: codes[(offset + i * 5) % 6] ?? 'consulting', identity: null });
    };
    issue(24, 0);
    // An hour in two-minute steps: numbers keep coming, each window calls every few steps.
    for (let step = 0; step < 35; step++) {
      now += 2 * 60_000;
      issue(step % 3 === 0 ? 3 : 2, step);
      for (let w = 0; w < clerks.length; w++) {
        if (w === 6 && step >= 21) continue; // window 7 paused at 09:12
        if ((step + w) % 4 !== 0) continue;
        try {
          queue.callNext(ids[w] ?? 0, { staffId: clerks[w] ?? null });
        } catch {
          // Nobody waiting for this window's services just now.
        }
      }
      if (step === 20) queue.setPaused(ids[6] ?? 0, true, { staffId: clerks[6] ?? null });
      if (step === 30) {
        const printer = h.host.devices.printer();
        if (printer instanceof PrinterDevice) printer.virtualPrinter?.setFault('paper-end');
        insertEvaluation(db, {
          id: '6f3c1a52-0d7e-4c1b-9a57-3d2e8b1f0a11',
          level: 'dissatisfied',
          reason: '等候时间太长',
          comment: null,
          subject: { kind: 'ticket', ticketId: null, ticketNumber: 'C006', windowNumber: '3', staffNumber: '1103' },
          callbackRequired: true,
          evaluatedAt: new Date(now).toISOString(),
        });
      }
    }
    h.host.housekeeping();

    const { page, context } = await openManager(h, 'floor');
    await page.getByTestId('floor-alert').first().waitFor();
    await page.getByTestId('floor-window').first().waitFor();
    // Tall enough for the windows below the alerts, figures and services: the floor is one screen.
    await page.setViewportSize({ width: DESK.width, height: 1460 });
    await shot(page, 'manager-floor');
    await context.close();
  } finally {
    await h.dispose();
  }
}
