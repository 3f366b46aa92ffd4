import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintStatistics, type UnitStatistics } from '../../contracts/platform-complaint-statistics';
import { ComplaintPage } from '../../contracts/platform-complaints';
import { PrinterDevice } from '../../host/devices/printer-device';
import { smtpConfigFromEnvironment } from '../../platform/notify/smtp-config';
import { TEST_PASSWORD } from '../platform/support/console';
import { deskSession, deskUsername, DESK_PEOPLE, HOTLINE_CALL, setUpDesk, type DeskPerson } from '../support/complaint-desk';
import { openConsoleAs } from '../support/district-console';
import { JumpingClock } from '../support/jumping-clock';
import * as kiosk from '../support/kiosk-harness';
import { readMail, startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { rendererDir } from '../support/test-host';
import { waitFor } from '../support/wait';

/**
 * 营商诉求 end to end (issue 21, the first "done when"): a complaint filed at the kiosk with the
 * enterprise's credit code, and one the 营商局 takes from the hotline, each dispatched by the
 * sorter on the district console to the 区市场监管局 as lead unit and the 区税务局 as co-unit; the
 * co-unit's part, the lead's acceptance, reply and submission, the reviewer's return with a
 * reason, the reply again, approval, 办结 and the enterprise's evaluation (recorded by the
 * 营商局 from its callback). The kiosk's progress page (the receipt's link) shows every public step
 * in the words the enterprise reads. The hotline complaint's lead unit misses its acceptance: a
 * reminder on the due day and a 督办单 the day after reach its handler by e-mail (a real SMTP
 * server the test starts), and the 督办单 shows on the complaint's console page and the red list;
 * closed after its 办结期限, it gets the 办结 督办单 too. The platform's clock is the test's: it runs
 * from Monday 30 November 2026 09:30 in Beijing and jumps to the next deadline when told.
 * axe-clean on the console's screens on the way.
 */

/** Monday 30 November 2026, 09:30 in Beijing: a working week with no holiday in it. */
const START = new Date('2026-11-30T01:30:00Z');
const beijing = (wall: string) => new Date(`${wall}+08:00`);

const LEAD = 'market-regulation';
const CO = 'tax';
/** The enterprise at the kiosk: the credit code typed on the kiosk's letters keyboard. */
const KIOSK_ENTERPRISE = { name: '星河示例云计算有限公司', creditCode: '91350100M000100Y43' };

describe('营商诉求 from the kiosk and the hotline, through the district console', () => {
  const clock = new JumpingClock(START);
  let harness: kiosk.KioskHarness;
  let smtp: SmtpReceiver;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  let kioskNumber = '';
  let hotlineNumber = '';
  /** The receipt's progress link (path and tag) of the kiosk complaint. */
  let progressLink = '';

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    harness = await kiosk.startKioskHarness({
      platform: {
        rendererDir,
        now: () => clock.now(),
        // As `npm run platform` reads it: the environment's HALL_KIOSK_SMTP_* (notify/smtp-config.ts).
        smtp: smtpConfigFromEnvironment({
          HALL_KIOSK_SMTP_HOST: '127.0.0.1',
          HALL_KIOSK_SMTP_PORT: String(smtp.port),
          HALL_KIOSK_SMTP_TLS: 'none',
          HALL_KIOSK_SMTP_FROM: 'duban@xinghe.example.org',
        }),
      },
    });
    await waitFor(() => (harness.host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok', 15_000);
    desk = await setUpDesk(harness.central.api);
  }, 150_000);
  afterAll(async () => {
    await harness?.dispose();
    await smtp?.close();
  });

  const api = () => harness.central.api;

  async function axeClean(page: Page, screen: string): Promise<void> {
    expect(await kiosk.seriousViolations(page), screen).toEqual([]);
  }

  /**
   * One person's turn at the console: signed in afresh (a jump of the platform's clock ends every
   * session, as a night would), the complaint opened from the work list, `work` done on its page.
   */
  async function turn(person: DeskPerson, number: string, work: (panel: Locator, page: Page) => Promise<void>): Promise<void> {
    const page = await openConsoleAs(harness, deskUsername(person), TEST_PASSWORD, { pageTime: clock.now() });
    try {
      await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商诉求', exact: true }).click();
      await page.getByTestId('dst-complaints').waitFor();
      await page.getByRole('button', { name: `查看 ${number}` }).click();
      const panel = page.getByTestId('dst-complaint');
      await panel.getByTestId('dst-complaint-history').waitFor();
      await work(panel, page);
    } finally {
      await page.context().close();
    }
  }

  /** Submits one of the page's step forms and waits for the platform's answer to replace the page. */
  async function step(panel: Locator, action: string, fill: (form: Locator) => Promise<void> = async () => undefined) {
    const form = panel.getByRole('form', { name: action });
    await fill(form);
    await form.getByRole('button', { name: action }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: `已办理：${action}。` })
      .waitFor();
  }

  const dispatch = (panel: Locator) =>
    step(panel, '转办', async (form) => {
      await form.getByLabel(/^主办单位/).selectOption(LEAD);
      await form.getByRole('checkbox', { name: desk.unitName(CO) }).check();
    });
  const write = (action: string, text: string) => (panel: Locator) =>
    step(panel, action, (form) => form.getByLabel(/^内容/).fill(text));

  const historyOf = async (panel: Locator): Promise<string> =>
    (await panel.getByTestId('dst-complaint-history').textContent()) ?? '';

  /** The complaint as the platform has it, read by the supervisor's session. */
  async function complaintPage(number: string): Promise<ComplaintPage> {
    const res = await api().app.inject({ url: `/v1/complaints/${number}`, headers: await deskSession(api(), 'supervisor') });
    expect(res.statusCode, res.body).toBe(200);
    return ComplaintPage.parse(res.json());
  }

  /** The enterprise's evaluation, which the 营商局's intake person records on the console from the callback (回访). */
  const evaluate = (number: string, level: 'satisfied' | 'basic', comment: string): Promise<void> =>
    turn('intake', number, (panel) =>
      step(panel, '记录回访评价', async (form) => {
        await form.getByLabel(/^企业评价/).selectOption(level);
        await form.getByLabel(/^企业意见/).fill(comment);
      }),
    );

  /**
   * The lead unit's line of the 查询统计 for November and December 2026 (both tests' steps fall in
   * them), as the 营商局's supervisor reads it.
   */
  async function leadStatistics(): Promise<UnitStatistics> {
    const res = await api().app.inject({
      url: '/v1/complaints/statistics?from=2026-11-01&to=2026-12-31',
      headers: await deskSession(api(), 'supervisor'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const line = ComplaintStatistics.parse(res.json()).units.find((u) => u.unitCode === LEAD);
    if (line === undefined) throw new Error(`no statistics line for ${LEAD}`);
    return line;
  }
  /** The lead unit's 考核 score after the first complaint, to compare with the end. */
  let scoreAfterFirst: number | null = null;

  /** What the kiosk's progress page says of each status change, oldest first (the page lists the newest first). */
  async function progressNotes(phone: Page): Promise<string[]> {
    await phone.reload();
    await phone.getByTestId('page-status').waitFor();
    const notes = await phone
      .locator('.case-page-history li')
      .evaluateAll((items) => items.map((item) => item.querySelector('p')?.textContent ?? ''));
    return notes.reverse().filter((note) => note !== '');
  }

  async function phonePage(): Promise<Page> {
    const context = await harness.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(`${harness.base}${progressLink}`);
    await phone.getByTestId('page-case-number').waitFor();
    return phone;
  }

  /** Mail the SMTP server took for `person`, by subject. */
  const mailTo = (person: DeskPerson): string[] =>
    smtp.received.filter((mail) => mail.to.includes(DESK_PEOPLE[person].email ?? '')).map((mail) => readMail(mail).subject);

  it('takes a complaint at the kiosk with the credit code and one from the hotline; the sorter dispatches both to a lead and a co-unit', async () => {
    // The enterprise at the kiosk, with the card of its representative.
    const { page, context } = await harness.openKiosk({ viewport: kiosk.PORTRAIT });
    await kiosk.startVisitWithCard(page, harness.host, 'zhangSan');
    await kiosk.openFlow(page, 'complaint');
    await page.getByRole('button', { name: '我要反映诉求' }).click();
    await page.getByRole('heading', { name: /营商环境诉求/ }).waitFor();
    const osk = page.getByTestId('osk');
    await page.getByLabel('联系电话').click();
    for (const key of '13600001234') await osk.locator(`[data-skbtn="${key}"]`).click();
    await osk.locator('[data-skbtn="{done}"]').click();
    await page.getByLabel('企业名称').fill(KIOSK_ENTERPRISE.name);
    await osk.locator('[data-skbtn="{done}"]').click();
    await page.getByLabel('统一社会信用代码').click();
    // The letters keyboard types lower case; the field keeps the code in capitals.
    for (const key of KIOSK_ENTERPRISE.creditCode.toLowerCase()) await osk.locator(`[data-skbtn="${key}"]`).click();
    await osk.locator('[data-skbtn="{done}"]').click();
    expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(KIOSK_ENTERPRISE.creditCode);
    await page.getByLabel('诉求内容').fill('新办食品经营许可，现场核查后一直未出证，也没有告知原因，请协调。');
    await osk.locator('[data-skbtn="{done}"]').click();
    await page.getByRole('button', { name: '审批服务' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '有相关证明材料吗？' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '请确认诉求信息' }).waitFor();
    expect(await page.locator('.case-summary').textContent()).toContain(KIOSK_ENTERPRISE.creditCode);
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('case-number').waitFor({ timeout: 20_000 });
    kioskNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(kioskNumber).toMatch(/^HK20261130\d{6,}$/);
    await page.getByText('请取走受理回执').waitFor({ timeout: 15_000 });
    const printer = harness.host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    const receipt = printer.virtualPrinter.pages.findLast((p) => p.lines.some((l) => l.text.includes(kioskNumber)));
    const link = new URL(receipt?.qrPayloads[0] ?? 'http://no-receipt.invalid/');
    progressLink = `${link.pathname}${link.search}`;
    expect(progressLink).toMatch(/^\/case\/[0-9a-f-]{36}\?k=/);
    await context.close();

    // The kiosk's case is a complaint on the platform, under the same number, found by its code.
    const filed = (await complaintPage(kioskNumber)).complaint;
    expect(filed).toMatchObject({ channel: 'kiosk', state: 'registered', topic: 'approval', enterprise: KIOSK_ENTERPRISE });

    // A call to the hotline, typed in by the 营商局's intake person on the console's form.
    const intake = await openConsoleAs(harness, deskUsername('intake'), TEST_PASSWORD, { pageTime: clock.now() });
    try {
      await intake.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '营商诉求', exact: true }).click();
      await intake.getByRole('button', { name: '录入热线诉求' }).click();
      const form = intake.getByTestId('dst-hotline');
      await form.getByLabel(/企业名称/).fill(HOTLINE_CALL.enterprise.name);
      await form.getByLabel(/统一社会信用代码/).fill(HOTLINE_CALL.enterprise.creditCode ?? '');
      await form.getByLabel(/联系人/).fill(HOTLINE_CALL.contact.name);
      await form.getByLabel(/联系电话/).fill(HOTLINE_CALL.contact.phone);
      await form.getByLabel(/诉求类别/).selectOption(HOTLINE_CALL.topic);
      await form.getByLabel(/所属街道或经济区/).selectOption(HOTLINE_CALL.area ?? '');
      await form.getByLabel(/诉求内容/).fill(HOTLINE_CALL.text);
      await form.getByRole('button', { name: '登记诉求' }).click();
      const shown = (await form.getByTestId('dst-hotline-number').textContent()) ?? '';
      hotlineNumber = shown.replace('已登记，诉求编号 ', '');
      expect(hotlineNumber).toMatch(/^HK20261130\d{6,}$/);
      expect(await form.getByTestId('dst-hotline-receipt').textContent()).toContain('未发现可能重复的诉求。');
      await axeClean(intake, 'the hotline receipt');
    } finally {
      await intake.context().close();
    }
    expect((await complaintPage(hotlineNumber)).complaint).toMatchObject({
      channel: 'hotline',
      enterprise: HOTLINE_CALL.enterprise,
    });

    // The sorter: both on the work list, each dispatched to the lead unit with the co-unit.
    await turn('sorter', kioskNumber, async (panel, page) => {
      const list = page.getByTestId('dst-complaints');
      expect(await list.locator(`[data-complaint="${kioskNumber}"]`).textContent()).toContain(KIOSK_ENTERPRISE.name);
      expect(await list.locator(`[data-complaint="${hotlineNumber}"]`).textContent()).toContain(HOTLINE_CALL.enterprise.name);
      await axeClean(page, 'the work list with a complaint open');
      await dispatch(panel);
      expect(await historyOf(panel)).toContain(`转办`);
      await panel.getByRole('button', { name: '关闭' }).click();
      await page.getByRole('button', { name: `查看 ${hotlineNumber}` }).click();
      await dispatch(page.getByTestId('dst-complaint'));
      await axeClean(page, 'a dispatched complaint');
    });
    for (const number of [kioskNumber, hotlineNumber]) {
      const { complaint } = await complaintPage(number);
      expect(complaint).toMatchObject({ state: 'dispatched', leadUnit: LEAD, coUnits: [{ unitCode: CO, part: null }] });
    }

    // The enterprise's receipt link: 受理, with the units named.
    const phone = await phonePage();
    await expect
      .poll(() => progressNotes(phone), { timeout: 30_000, interval: 1_000 })
      .toEqual(['已转办：区市场监管局牵头，区税务局协办']);
    expect(await phone.getByTestId('page-status').textContent()).toBe('受理');
    await phone.context().close();
  }, 240_000);

  it('handles the kiosk complaint to the end on the console; the kiosk’s progress page shows each public step', async () => {
    const firstReply = '经核查，您的食品经营许可已于现场核查后审批通过。';
    const reply =
      '经核查，您的食品经营许可已审批通过，许可证已于12月1日寄出，快递单号已短信告知；未及时告知进度是我局的疏漏，已向企业致歉并改进告知流程。';

    await turn('taxHandler', kioskNumber, write('提交协办意见', '该企业纳税信用良好，无欠税记录，不影响许可办理。'));
    await turn('leadHandler', kioskNumber, async (panel, page) => {
      await step(panel, '签收');
      await write('保存答复', firstReply)(panel);
      await step(panel, '提交审核');
      expect(await panel.getByTestId('dst-complaint-actions').count()).toBe(0);
      await axeClean(page, 'a complaint under review, seen by its lead unit');
    });
    await turn('reviewer', kioskNumber, async (panel, page) => {
      expect(await panel.textContent()).toContain(firstReply);
      await step(panel, '审核退回', (form) =>
        form.getByLabel(/^理由/).fill('答复未说明出证时间和寄送方式，也未回应未告知原因的问题。'),
      );
      await axeClean(page, 'a returned reply');
    });
    await turn('leadHandler', kioskNumber, async (panel) => {
      expect(await historyOf(panel)).toContain('答复未说明出证时间和寄送方式');
      await write('保存答复', reply)(panel);
      await step(panel, '提交审核');
    });
    await turn('reviewer', kioskNumber, async (panel) => {
      await step(panel, '审核通过');
      await step(panel, '办结');
    });
    await evaluate(kioskNumber, 'satisfied', '处理及时，说明清楚。');

    const { complaint } = await complaintPage(kioskNumber);
    expect(complaint).toMatchObject({
      state: 'evaluated',
      returns: 1,
      reply: { text: reply },
      evaluation: { level: 'satisfied' },
    });
    expect(complaint.history.map((s) => s.action)).toEqual([
      'register',
      'dispatch',
      'submit_part',
      'accept',
      'draft',
      'submit',
      'return',
      'draft',
      'submit',
      'approve',
      'close',
      'evaluate',
    ]);

    // The enterprise's receipt link: every public step in its words, the approved reply among
    // them; the draft, the co-unit's text and the reviewer's reason are not.
    const phone = await phonePage();
    const expected = [
      '已转办：区市场监管局牵头，区税务局协办',
      '协办单位区税务局已提交办理意见',
      '区市场监管局已签收，正在办理',
      '答复已提交审核',
      '答复经审核退回，承办单位重新办理',
      '答复已提交审核',
      `答复：${reply}`,
      '已办结',
      '已评价，感谢您的反馈',
    ];
    await expect.poll(() => progressNotes(phone), { timeout: 30_000, interval: 1_000 }).toEqual(expected);
    expect(await phone.getByTestId('page-status').textContent()).toBe('办结');
    const text = (await phone.textContent('body')) ?? '';
    for (const hidden of [firstReply, '纳税信用良好', '答复未说明出证时间']) expect(text).not.toContain(hidden);
    expect(await kiosk.seriousViolations(phone)).toEqual([]);
    await phone.context().close();

    // The lead unit's 查询统计: one closed within its 办结期限 (规定期限办结率 100 %), one returned at review.
    const first = await leadStatistics();
    expect(first.figures).toMatchObject({ received: 2, closed: 1, closedOnTime: 1, reviewed: 2, returned: 1 });
    expect(first.score.measures.closedOnTimeRate).toBe(100);
    scoreAfterFirst = first.score.score;
    expect(scoreAfterFirst).not.toBeNull();
  }, 240_000);

  it('reminds the lead unit of a missed acceptance by e-mail, issues a 督办单 on the console and by e-mail, and the complaint ends late', async () => {
    // The tax office sends its part at once; the lead unit does not accept.
    await turn('taxHandler', hotlineNumber, write('提交协办意见', '该企业近三年无税务违法记录。'));

    // Tuesday 09:30: the acceptance (due Tuesday 24:00) is due today; the handler is reminded.
    clock.jumpTo(beijing('2026-12-01T09:30:00'));
    const tuesday = await api().sweepDeadlines();
    expect(tuesday.deliveries.failed).toBe(0);
    await waitFor(() => (mailTo('leadHandler').length > 0 ? true : undefined), 'the reminder e-mail', 15_000);
    expect(mailTo('leadHandler')).toEqual([`【到期提醒】营商诉求 ${hotlineNumber}「签收」今日到期`]);
    const reminder = smtp.received.find((mail) => mail.to.includes(DESK_PEOPLE.leadHandler.email));
    const body = reminder === undefined ? '' : readMail(reminder).text;
    expect(body).toContain('2026年12月1日（星期二）24:00');
    // Nothing of the enterprise's contact crosses the mail servers.
    expect(body).not.toContain(HOTLINE_CALL.contact.phone);
    expect(body).not.toContain(HOTLINE_CALL.contact.name);
    expect((await complaintPage(hotlineNumber)).openSupervisionOrders).toEqual([]);

    // Wednesday 10:00: the acceptance passed undone: a 督办单 to the handler, on the console too.
    clock.jumpTo(beijing('2026-12-02T10:00:00'));
    await api().sweepDeadlines();
    await waitFor(
      () => (mailTo('leadHandler').some((s) => s.startsWith('【督办单】')) ? true : undefined),
      'the 督办单 e-mail',
      15_000,
    );
    expect(mailTo('leadHandler')).toContain(`【督办单】营商诉求 ${hotlineNumber}「签收」已超期`);
    const orders = (await complaintPage(hotlineNumber)).openSupervisionOrders;
    expect(orders.map((o) => [o.stage, o.responsible.kind === 'unit' ? o.responsible.unitCode : null])).toEqual([
      ['accept', LEAD],
    ]);

    await turn('supervisor', hotlineNumber, async (panel, page) => {
      const accept = panel.getByTestId('dst-complaint-deadlines').locator('[data-stage="accept"]');
      expect(await accept.textContent()).toContain('督办单未结');
      // The red list (督办红榜): only the complaint with an open 督办单.
      await page.getByRole('button', { name: '关闭' }).click();
      await page.getByRole('button', { name: '督办红榜（超期未办）' }).click();
      const list = page.getByTestId('dst-complaints');
      await list.locator(`[data-complaint="${hotlineNumber}"][data-overdue="true"]`).waitFor();
      await expect.poll(() => list.locator('[data-complaint]').count()).toBe(1);
      await axeClean(page, 'the red list');
    });

    // The lead unit accepts late and replies; the reviewer returns it once, then approves.
    await turn('leadHandler', hotlineNumber, async (panel) => {
      await step(panel, '签收');
      await write('保存答复', '已督促窗口答复。')(panel);
      await step(panel, '提交审核');
    });
    expect((await complaintPage(hotlineNumber)).openSupervisionOrders).toEqual([]);
    await turn('reviewer', hotlineNumber, (panel) =>
      step(panel, '审核退回', (form) => form.getByLabel(/^理由/).fill('请列明需补充的材料清单和办结时间。')),
    );
    await turn('leadHandler', hotlineNumber, async (panel) => {
      await write('保存答复', '需补充的材料为消防验收意见书和规划许可证复印件，材料齐全后3个工作日内出具施工许可。')(panel);
      await step(panel, '提交审核');
    });
    await turn('reviewer', hotlineNumber, (panel) => step(panel, '审核通过'));

    // It is closed only the Tuesday after its 办结期限 (Monday 7 December, 24:00): the 办结 督办单 first.
    clock.jumpTo(beijing('2026-12-08T10:00:00'));
    await api().sweepDeadlines();
    await waitFor(
      () => (mailTo('leadHandler').some((s) => s.includes('「办结」已超期')) ? true : undefined),
      'the 办结 督办单 e-mail',
      15_000,
    );
    await turn('reviewer', hotlineNumber, (panel) => step(panel, '办结'));
    await evaluate(hotlineNumber, 'basic', '答复清楚，但拖得太久。');
    const { complaint } = await complaintPage(hotlineNumber);
    expect(complaint).toMatchObject({ state: 'evaluated', returns: 1, evaluation: { level: 'basic' } });
    // Every 督办单 reached the handler once, however many sweeps ran.
    await api().sweepDeadlines();
    const orderMails = mailTo('leadHandler').filter((s) => s.startsWith('【督办单】'));
    expect(orderMails).toEqual([
      `【督办单】营商诉求 ${hotlineNumber}「签收」已超期`,
      `【督办单】营商诉求 ${hotlineNumber}「办结」已超期`,
    ]);

    // The lead unit's 查询统计 now: the hotline complaint closed late halves its 规定期限办结率, its
    // late acceptance and the two 督办单 count against it, and its 考核 score falls.
    const end = await leadStatistics();
    expect(end.figures).toMatchObject({
      received: 2,
      acceptDue: 2,
      acceptedOnTime: 1,
      closed: 2,
      closedOnTime: 1,
      returned: 2,
      supervised: 2,
    });
    expect(end.score.measures.closedOnTimeRate).toBe(50);
    expect(end.score.score).not.toBeNull();
    expect(end.score.score ?? Infinity).toBeLessThan(scoreAfterFirst ?? -Infinity);
  }, 300_000);
});
