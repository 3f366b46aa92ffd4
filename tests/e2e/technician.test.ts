import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CurrentIdentity } from '../../contracts/identity';
import { LedScreenDevice } from '../../host/devices/ledscreen-device';
import { PrinterDevice } from '../../host/devices/printer-device';
import { ELDER_ITEM, elderForm } from '../host/cases/support';
import { token } from '../host/sync/support';
import { KIOSK_DEVICES, LANDSCAPE, seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { TEST_PIN } from '../support/staff';

/**
 * The technician console (/technician) in Chromium against a real host with simulated reader,
 * printer, scanner, caller keypad and LED screen, and a central API that refuses connections.
 */
describe('technician console', () => {
  let k: KioskHarness;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    k = await startKioskHarness({
      config: {
        devices: [
          ...KIOSK_DEVICES,
          {
            id: 'keypad-1',
            kind: 'caller',
            name: '1号窗口呼叫器',
            transport: { type: 'simulated' },
            options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
          },
          {
            id: 'led-1',
            kind: 'ledscreen',
            name: '1号窗口屏',
            transport: { type: 'simulated' },
            options: { ledscreen: { windowNumber: 1 } },
          },
        ],
        // Nothing listens on port 9: every delivery to the central API is refused at once.
        centralApi: { url: 'http://127.0.0.1:9', token, timeoutMs: 1_000 },
      },
    });
  });
  afterAll(async () => {
    await k?.dispose();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await context?.close();
    context = undefined;
  });

  const audited = (action: string) =>
    k.host.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number };

  const openConsole = async (): Promise<Page> => {
    context = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${k.base}/technician`);
    await page.getByRole('heading', { name: '技术人员登录' }).waitFor();
    return page;
  };

  const signIn = async (page: Page, staffNo: string, pin = TEST_PIN) => {
    await page.getByLabel('工号').fill(staffNo);
    await page.getByLabel('PIN（6–12 位数字）').fill(pin);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };

  const signedIn = async (staffNo = '8001'): Promise<Page> => {
    const page = await openConsole();
    await signIn(page, staffNo);
    await page.getByTestId('tech-who').waitFor();
    return page;
  };

  const card = (page: Page, id: string): Locator => page.locator(`li.tech-device[data-device="${id}"]`);
  const stateOf = (page: Page, id: string) => card(page, id).getAttribute('data-state');

  it('refuses a wrong PIN and a window clerk; signs a technician in to every simulated device healthy; axe', async () => {
    const page = await openConsole();
    expect(await seriousViolations(page)).toEqual([]);

    const failedBefore = audited('auth.sign_in_failed').n;
    await signIn(page, '8001', '000000');
    expect(await page.getByTestId('tech-sign-in-error').innerText()).toBe('工号或 PIN 不正确。');
    expect(audited('auth.sign_in_failed').n).toBe(failedBefore + 1);

    // 1001 is a window clerk: the PIN is right, but the host answers the device list with 403.
    await signIn(page, '1001');
    expect(await page.getByTestId('tech-sign-in-error').innerText()).toBe(
      '工号 1001 无权使用运维控制台：只有技术人员和值班主任可以登录。',
    );
    expect(await page.getByRole('heading', { name: '设备', exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, '8001');
    expect(await page.getByTestId('tech-who').innerText()).toBe('运维工程师 · 8001 · 技术人员');
    await page.getByRole('heading', { name: '设备', exact: true }).waitFor();
    for (const id of ['idcard-1', 'printer-1', 'scanner-1', 'keypad-1', 'led-1']) {
      await expect.poll(() => stateOf(page, id)).toBe('ok');
      expect(await card(page, id).getByTestId('tech-device-state').innerText()).toBe('正常');
      expect(await card(page, id).getByTestId('tech-error-count').innerText()).toBe('0');
    }
    expect(await card(page, 'printer-1').innerText()).toContain('模拟设备（演示和测试用）');
    expect(await page.getByTestId('tech-device-summary').innerText()).toBe('共 5 台 · 正常 5 台');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a printer fault live, in plain words with what to do, and its recovery', async () => {
    const page = await signedIn();
    const printer = k.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    await expect.poll(() => stateOf(page, 'printer-1')).toBe('ok');

    printer.virtualPrinter.setFault('cover-open');
    await expect.poll(() => stateOf(page, 'printer-1'), { timeout: 10_000 }).toBe('cover-open');
    expect(await card(page, 'printer-1').getByTestId('tech-device-state').innerText()).toBe('盖子没合上');
    expect(await card(page, 'printer-1').getByTestId('tech-device-explain').innerText()).toContain('把盖子合紧');
    expect(await seriousViolations(page)).toEqual([]);

    printer.virtualPrinter.setFault(null);
    await expect.poll(() => stateOf(page, 'printer-1'), { timeout: 10_000 }).toBe('ok');
  });

  it('prints a test ticket and shows it in the virtual printer preview; tests the keypad, LED screen and reader; a scan shows up', async () => {
    const page = await signedIn();
    const testsBefore = audited('device.test').n;
    const printerCard = card(page, 'printer-1');
    await printerCard.getByRole('button', { name: '打印测试小票' }).click();
    // In the console's language, parameters and all (the host's English detail is for its logs).
    expect(await printerCard.getByTestId('tech-test-result').innerText()).toMatch(/^打印测试小票：成功。 已打印 \d+ 字节。$/);

    // The preview opens by itself on the page just printed: the test ticket's lines, number, QR and cut.
    const receipt = printerCard.getByTestId('tech-receipt').first();
    await receipt.waitFor();
    const text = await receipt.innerText();
    expect(text).toContain('打印测试 PRINT TEST');
    expect(text).toContain('T000');
    expect(text).toContain('此为测试小票，无效。');
    expect(await receipt.getByTestId('tech-receipt-qr').innerText()).toBe('https://example.invalid/print-test');
    expect(await receipt.getByRole('img', { name: '二维码：https://example.invalid/print-test' }).count()).toBe(1);
    expect(await receipt.getByText('切纸').count()).toBe(1);
    // The ticket number is printed large: its line keeps the ESC/POS size.
    const numberSize = await receipt.locator('p', { hasText: 'T000' }).first().getAttribute('data-size');
    expect(numberSize).not.toBe('1x1');
    expect(await seriousViolations(page)).toEqual([]);

    // A second ticket: the preview shows both receipts whole, neither cut off at the card's edge.
    const receipts = printerCard.getByTestId('tech-receipt');
    const before = await receipts.count();
    await printerCard.getByRole('button', { name: '打印测试小票' }).click();
    // The preview keeps the last five.
    await expect.poll(() => receipts.count()).toBe(Math.min(before + 1, 5));
    const shelf = printerCard.locator('.tech-receipts');
    const shelfBox = await shelf.boundingBox();
    for (const i of [0, 1]) {
      const box = await receipts.nth(i).boundingBox();
      expect(box && shelfBox && box.x >= shelfBox.x && box.x + box.width <= shelfBox.x + shelfBox.width).toBe(true);
      expect(box && box.x + box.width <= LANDSCAPE.width).toBe(true);
    }
    expect(await shelf.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const keypadCard = card(page, 'keypad-1');
    await keypadCard.getByRole('button', { name: '蜂鸣测试' }).click();
    expect(await keypadCard.getByTestId('tech-test-result').innerText()).toBe('蜂鸣测试：成功。 已发送到地址 1 的呼叫器。');

    const ledCard = card(page, 'led-1');
    await ledCard.getByLabel('要显示的文字').fill('测试 123');
    await ledCard.getByRole('button', { name: '显示测试' }).click();
    expect(await ledCard.getByTestId('tech-test-result').innerText()).toBe('显示测试：成功。 LED 屏已显示这段文字。');
    const led = k.host.devices.simulatorsOf(LedScreenDevice).find((d) => d.config.id === 'led-1');
    expect(led?.simulator?.shown?.[0]).toBe('测试 123');

    const readerCard = card(page, 'idcard-1');
    await readerCard.getByRole('button', { name: '读卡测试' }).click();
    expect(await readerCard.getByTestId('tech-test-result').innerText()).toMatch(
      /^读卡测试：成功。 读卡器正常（安全模块 [\d.-]+），上面没有卡。$/,
    );

    // A scanner has no button: a scan shows its length (never its content).
    const scannerCard = card(page, 'scanner-1');
    expect(await scannerCard.getByTestId('tech-last-scan').innerText()).toBe('本次登录后还没有收到扫码。');
    const scanned = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/scanner/scan',
      payload: { code: 'ABC-12345' },
    });
    expect(scanned.statusCode).toBe(204);
    await expect.poll(() => scannerCard.getByTestId('tech-last-scan').innerText()).toContain('共 9 个字符');
    expect(await scannerCard.innerText()).not.toContain('ABC-12345');

    expect(audited('device.test').n).toBe(testsBefore + 5);
  });

  it('adds a simulated LED screen that runs at once, shows the host’s refusal of a bad edit on its fields, then removes it; axe', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: '添加设备' }).click();
    await page.getByRole('heading', { name: '添加设备' }).waitFor();
    await page.getByLabel('设备类型').selectOption('ledscreen');
    // The id follows the kind: the first free led-n.
    expect(await page.getByLabel('设备编号').inputValue()).toBe('led-2');
    await page.getByLabel('名称').fill('2号窗口屏');
    await page.getByLabel('窗口号').fill('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByText('设备 led-2 已保存，主机已按新设置重新启动这台设备，不需要重启主机。').waitFor();
    await expect.poll(() => stateOf(page, 'led-2')).toBe('ok');
    expect(await card(page, 'led-2').getByRole('heading').innerText()).toBe('2号窗口屏');
    // Running in this host without a restart: its simulator shows window 2's idle text.
    const led2 = () => k.host.devices.simulatorsOf(LedScreenDevice).find((d) => d.config.id === 'led-2');
    expect(led2()?.simulator?.shown).toEqual(['2号窗口', '欢迎光临']);
    expect(audited('device.save').n).toBeGreaterThanOrEqual(1);

    // Values only the host's schema judges: window 0 (must be > 0), a 41-character name.
    await card(page, 'led-2').getByRole('button', { name: '修改设置' }).click();
    await page.getByRole('heading', { name: '修改设置：2号窗口屏' }).waitFor();
    expect(await page.getByLabel('设备编号').getAttribute('readonly')).not.toBeNull();
    await page.getByLabel('窗口号').fill('0');
    await page.getByLabel('名称').fill('屏'.repeat(41));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('tech-form-errors').waitFor();
    expect(await page.getByTestId('tech-form-errors').innerText()).toContain('主机没有接受这些设置');
    expect(await page.locator('[data-field="ledWindowNumber"]').innerText()).toBe('必须大于 0。');
    expect(await page.locator('[data-field="name"]').innerText()).toBe('最多 40 个字符。');
    expect(await page.getByLabel('窗口号').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing changed on the host.
    expect(k.host.devices.list().devices.find((d) => d.config.id === 'led-2')?.config.options.ledscreen?.windowNumber).toBe(2);

    await page.getByLabel('窗口号').fill('3');
    await page.getByLabel('名称').fill('3号窗口屏');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('设备 led-2 已保存').waitFor();
    await expect.poll(() => led2()?.simulator?.shown).toEqual(['3号窗口', '欢迎光临']);
    await expect.poll(() => stateOf(page, 'led-2')).toBe('ok');

    await card(page, 'led-2').getByRole('button', { name: '删除设备' }).click();
    await card(page, 'led-2').getByRole('button', { name: '确定删除' }).click();
    await page.getByText('设备 led-2 已删除并停止运行。').waitFor();
    expect(await card(page, 'led-2').count()).toBe(0);
    expect(k.host.devices.list().devices.some((d) => d.config.id === 'led-2')).toBe(false);
    expect(led2()).toBeUndefined();
    expect(audited('device.remove').n).toBe(1);
  });

  it('finds plugged-in devices and adds one as a printer with its port filled in; a missing port reads “not found” with what to do', async () => {
    vi.spyOn(k.host.devices, 'discover').mockResolvedValue({
      devices: [
        { bus: 'serial', path: '/dev/ttyUSB7', manufacturer: 'wch.cn', vendorId: '1a86', productId: '7523' },
        { bus: 'hid', vendorId: 0x0c2e, productId: 0x0b61, product: 'POS Scanner' },
      ],
      errors: [],
    });
    const page = await signedIn();
    await page.getByRole('button', { name: '查找设备' }).click();
    await page.getByRole('heading', { name: '查找设备' }).waitFor();
    const serial = page.locator('li.tech-found-item[data-found="/dev/ttyUSB7"]');
    await serial.waitFor();
    expect(await serial.innerText()).toContain('USB 1a86:7523');
    expect(await page.locator('li.tech-found-item[data-found="0x0c2e:0x0b61"]').innerText()).toContain('POS Scanner');
    expect(await seriousViolations(page)).toEqual([]);

    await serial.getByLabel('添加为').selectOption('printer');
    await serial.getByRole('button', { name: '添加' }).click();
    await page.getByRole('heading', { name: '添加设备' }).waitFor();
    expect(await page.getByLabel('连接类型').inputValue()).toBe('serial');
    expect(await page.getByLabel('端口').inputValue()).toBe('/dev/ttyUSB7');
    expect(await page.getByLabel('波特率').inputValue()).toBe('115200');
    expect(await page.getByLabel('设备编号').inputValue()).toBe('printer-2');
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByText('设备 printer-2 已保存').waitFor();
    await expect.poll(() => stateOf(page, 'printer-2'), { timeout: 10_000 }).toBe('no-device');
    const printer2 = card(page, 'printer-2');
    expect(await printer2.getByTestId('tech-device-state').innerText()).toBe('找不到设备');
    expect(await printer2.getByTestId('tech-device-explain').innerText()).toContain('检查设备电源和数据线是否插好');
    expect(await printer2.innerText()).toContain('串口 /dev/ttyUSB7 · 115200 波特');
    // The ticket printer is still the working one.
    expect(k.host.devices.printer()?.config.id).toBe('printer-1');

    // The discovery list now says the port is taken.
    await page.getByRole('button', { name: '查找设备' }).click();
    expect(await page.locator('li.tech-found-item[data-found="/dev/ttyUSB7"]').innerText()).toContain('已配置为设备 printer-2');
    await page.getByRole('button', { name: '设备', exact: true }).click();
    await card(page, 'printer-2').getByRole('button', { name: '删除设备' }).click();
    await card(page, 'printer-2').getByRole('button', { name: '确定删除' }).click();
    await page.getByText('设备 printer-2 已删除并停止运行。').waitFor();
  });

  it('shows a case waiting for the unreachable central API in the sync status, with why; axe', async () => {
    // A citizen files a case at the kiosk while the central API is down.
    k.host.devices.placeSimulatedCard('zhangSan');
    await expect
      .poll(async () => CurrentIdentity.parse((await k.host.app.inject({ url: '/api/v1/identity' })).json()).identity !== null)
      .toBe(true);
    const filed = await k.host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: elderForm },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    k.host.devices.placeSimulatedCard(null);

    const page = await signedIn();
    await page.getByRole('button', { name: '数据同步' }).click();
    await page.getByRole('heading', { name: '数据同步' }).waitFor();
    await expect.poll(() => page.getByTestId('tech-sync-pending').locator('dd').first().innerText()).not.toBe('0');
    const row = page.getByTestId('tech-sync-records').locator('tbody tr', { hasText: '办件' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('等待上传');
    // The refusal is there in the host's words, once the engine has tried.
    await expect.poll(() => page.getByTestId('tech-sync-last-error').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('tech-sync-verdict').innerText()).toMatch(/条记录正在等待上传|暂时连不上省平台/);
    expect(await page.getByText('本次开机后还没有连通过').count()).toBe(1);
    expect(await page.content()).not.toContain('张三');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a supervisor look (devices, sync, host) but not change or test; host info from /health; axe', async () => {
    const page = await signedIn('9001');
    expect(await page.getByTestId('tech-who').innerText()).toBe('值班主任 · 9001 · 值班主任');
    await page.getByRole('heading', { name: '设备', exact: true }).waitFor();
    await expect.poll(() => stateOf(page, 'printer-1')).toBe('ok');
    expect(await page.getByText('值班主任只能查看设备状态').count()).toBe(1);
    for (const name of ['添加设备', '修改设置', '删除设备', '打印测试小票', '查找设备'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    // The preview is open to supervisors (a reprint complaint is theirs to check).
    await card(page, 'printer-1').getByRole('button', { name: '查看打印预览' }).click();
    await card(page, 'printer-1').getByTestId('tech-preview').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '数据同步' }).click();
    await page.getByTestId('tech-sync-verdict').waitFor();

    await page.getByRole('button', { name: '主机信息' }).click();
    const health = (await k.host.app.inject({ url: '/api/v1/health' })).json() as { version: string; businessDay: string };
    expect(await page.getByTestId('tech-host-version').innerText()).toBe(health.version);
    expect(await page.getByTestId('tech-host-day').innerText()).toBe(health.businessDay);
    expect(await page.getByTestId('tech-host').innerText()).toContain('自助终端');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '技术人员登录' }).waitFor();
  });
  it('pairs a LAN terminal: a one-time code on the console, typed on the new browser’s /pair page; then revokes it; axe', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: '终端配对' }).click();
    await page.getByText('还没有配对的终端。').waitFor();
    await page.getByRole('button', { name: '生成配对码' }).click();
    const shown = await page.getByTestId('pairing-code').innerText();
    const code = /配对码：(\d{6})/.exec(shown)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(await seriousViolations(page)).toEqual([]);

    // The counter PC's browser.
    const other = await k.browser.newContext({ viewport: LANDSCAPE, locale: 'zh-CN' });
    const pair = await other.newPage();
    await pair.goto(`${k.base}/pair`);
    await pair.getByLabel('配对码').fill(code);
    await pair.getByLabel('终端名称').fill('二楼 3 号窗口');
    expect(await seriousViolations(pair)).toEqual([]);
    await pair.getByRole('button', { name: '配对', exact: true }).click();
    await pair.getByText('配对成功').waitFor();
    expect((await other.cookies()).map((c) => [c.name, c.httpOnly])).toEqual([['hk_terminal', true]]);
    // The same code again is worthless.
    await pair.goto(`${k.base}/pair`);
    await pair.getByLabel('配对码').fill(code);
    await pair.getByLabel('终端名称').fill('再来一次');
    await pair.getByRole('button', { name: '配对', exact: true }).click();
    await pair.getByText('配对码无效或已过期').waitFor();
    await other.close();

    const row = page.getByRole('row', { name: /二楼 3 号窗口/ });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销').waitFor();
    expect(audited('pairing.revoke').n).toBe(1);
  });
});
