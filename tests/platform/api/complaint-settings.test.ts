import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../../contracts/complaint-deadlines';
import type { DispatchRule } from '../../../contracts/complaint-sorting';
import { ComplaintPage } from '../../../contracts/platform-complaints';
import { CalendarView, DeadlineRulesView, DispatchRulesView } from '../../../contracts/platform-complaint-settings';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { auditOf } from '../../../platform/store/district-audit';
import { addDeskPerson, registerHotline, setUpComplaintDesk, type ComplaintDesk } from '../support/complaint-desk';
import { sessionOf } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi } from '../support/platform';

const CALENDAR = '/v1/complaints/settings/calendar';
const DEADLINES = '/v1/complaints/settings/deadline-rules';
const DISPATCH = '/v1/complaints/settings/dispatch-rules';

/** Monday 30 November 2026: an ordinary working day in the seed, three days after the test's clock (Friday 27th). */
const MONDAY = '2026-11-30';
const dayOff = { kind: 'holiday', holiday: '国庆节', source: '区政府临时调整（测试）' } as const;

describeEachDatabase('platform: the 营商局 edits its calendar and rules', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;
  let supervisor: { authorization: string };

  beforeEach(async () => {
    api = await startApi(database());
    desk = await setUpComplaintDesk(api);
    supervisor = (
      await addDeskPerson(
        api,
        { name: '督办员', unitCode: 'business-bureau', duty: 'leader', bureauRoles: ['supervisor'] },
        'p-supervisor',
      )
    ).auth;
  });
  afterEach(async () => {
    await api.close();
  });

  const send = (method: 'GET' | 'PUT' | 'DELETE', url: string, headers: { authorization: string }, payload?: object) =>
    api.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  const refusal = async (res: Awaited<ReturnType<typeof send>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const { error } = ConsoleErrorBody.parse(res.json());
    expect(error.code).toBe(code);
    return error;
  };

  const hotline = () => registerHotline(api, desk.as.intake);

  describe('the calendar', () => {
    it('a day off marked by the supervisor moves the next complaint’s 办结期限 at once, never one already promised', async () => {
      // Friday 27th + 5 working days (approval): Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December, at 24:00 Beijing.
      const before = await hotline();
      expect(before.closeDueAt).toBe('2026-12-04T16:00:00.000Z');

      const set = await send('PUT', `${CALENDAR}/${MONDAY}`, supervisor, dayOff);
      expect(set.statusCode, set.body).toBe(200);
      expect(CalendarView.parse(set.json()).days).toContainEqual({ date: MONDAY, ...dayOff });

      // Registered on the same instance within the settings' minute: the edit counts already.
      const after = await hotline();
      expect(after.closeDueAt).toBe('2026-12-07T16:00:00.000Z');
      const page = await send('GET', `/v1/complaints/${before.number}`, desk.as.sorter);
      expect(ComplaintPage.parse(page.json()).complaint.closeDueAt).toBe('2026-12-04T16:00:00.000Z');

      // Cleared again, the day is an ordinary Monday.
      const cleared = await send('DELETE', `${CALENDAR}/${MONDAY}`, supervisor);
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(CalendarView.parse(cleared.json()).days.map((d) => d.date)).not.toContain(MONDAY);
      expect((await hotline()).closeDueAt).toBe('2026-12-04T16:00:00.000Z');
    });

    it('every signed-in account reads the seeded calendar', async () => {
      const res = await send('GET', CALENDAR, desk.as.streetHandler);
      expect(res.statusCode, res.body).toBe(200);
      const { days } = CalendarView.parse(res.json());
      expect(days).toContainEqual(expect.objectContaining({ date: '2026-10-01', kind: 'holiday', holiday: '国庆节' }));
      expect(days).toContainEqual(expect.objectContaining({ date: '2026-10-10', kind: 'workday' }));
    });

    it('a weekend day worked (调休) is set on a Saturday and refused on a weekday', async () => {
      const saturday = await send('PUT', `${CALENDAR}/2026-12-05`, supervisor, { ...dayOff, kind: 'workday' });
      expect(saturday.statusCode, saturday.body).toBe(200);
      await refusal(
        await send('PUT', `${CALENDAR}/${MONDAY}`, supervisor, { ...dayOff, kind: 'workday' }),
        400,
        'invalid_request',
      );
      await refusal(await send('PUT', `${CALENDAR}/2026-02-30`, supervisor, dayOff), 400, 'invalid_request');
    });

    it('clearing a day the calendar does not list is a 404', async () => {
      await refusal(await send('DELETE', `${CALENDAR}/${MONDAY}`, supervisor), 404, 'calendar_day_not_found');
    });

    it('is changed by the 营商局 supervisor alone, and each change is audited under the account', async () => {
      const wrongRole = await refusal(await send('PUT', `${CALENDAR}/${MONDAY}`, desk.as.sorter, dayOff), 403, 'wrong_role');
      expect(wrongRole.details).toEqual({ needs: ['supervisor'] });
      await refusal(await send('PUT', `${CALENDAR}/${MONDAY}`, desk.as.leadHandler, dayOff), 403, 'wrong_role');
      await refusal(await send('DELETE', `${CALENDAR}/2026-10-01`, desk.as.reviewer), 403, 'wrong_role');
      // The operator token and an account linked to no person are nobody.
      await refusal(await send('PUT', `${CALENDAR}/${MONDAY}`, adminAuth, dayOff), 403, 'not_a_person');
      const admin = await sessionOf(api, database(), 'district-admin');
      await refusal(await send('PUT', `${CALENDAR}/${MONDAY}`, admin, dayOff), 403, 'not_a_person');
      const unsigned = await api.app.inject({ method: 'PUT', url: `${CALENDAR}/${MONDAY}`, payload: dayOff });
      expect(unsigned.statusCode).toBe(401);

      const { days } = CalendarView.parse((await send('GET', CALENDAR, supervisor)).json());
      expect(days.map((d) => d.date)).not.toContain(MONDAY);
      expect(await auditOf(database().sql, `calendar:${MONDAY}`)).toEqual([]);

      await send('PUT', `${CALENDAR}/${MONDAY}`, supervisor, dayOff);
      const audit = await auditOf(database().sql, `calendar:${MONDAY}`);
      expect(audit).toEqual([expect.objectContaining({ actor: 'p-supervisor', action: 'complaint-calendar.set' })]);
    });
  });

  describe('the deadline rules', () => {
    const faster = { ...DEFAULT_DEADLINE_RULES, acceptWorkingDays: 0 };

    it('a saved version is in force at once, and the history says who saved which when', async () => {
      const read = DeadlineRulesView.parse((await send('GET', DEADLINES, desk.as.taxHandler)).json());
      expect(read.current).toMatchObject({ version: 1, createdBy: 'seed' });
      expect(read.rules).toEqual(DEFAULT_DEADLINE_RULES);

      const closeDays = { ...DEFAULT_DEADLINE_RULES.closeWorkingDays, approval: 10 };
      const saved = await send('PUT', DEADLINES, supervisor, {
        expectedVersion: 1,
        rules: { ...faster, closeWorkingDays: closeDays },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const view = DeadlineRulesView.parse(saved.json());
      expect(view.current).toMatchObject({ version: 2, createdBy: 'p-supervisor' });
      expect(view.history.map((v) => [v.version, v.createdBy])).toEqual([
        [2, 'p-supervisor'],
        [1, 'seed'],
      ]);
      // Friday 27th + 10 working days: Friday 11 December.
      expect((await hotline()).closeDueAt).toBe('2026-12-11T16:00:00.000Z');
    });

    it('a save on a version since replaced is refused with the current one, and nothing is written', async () => {
      expect((await send('PUT', DEADLINES, supervisor, { expectedVersion: 1, rules: faster })).statusCode).toBe(200);
      const stale = await refusal(
        await send('PUT', DEADLINES, supervisor, { expectedVersion: 1, rules: DEFAULT_DEADLINE_RULES }),
        409,
        'rules_changed',
      );
      expect(stale.details).toEqual({ version: 2 });
      const view = DeadlineRulesView.parse((await send('GET', DEADLINES, supervisor)).json());
      expect(view.history).toHaveLength(2);
      expect(view.rules.acceptWorkingDays).toBe(0);
    });

    it('rules that do not fit the promise are refused', async () => {
      const rules = { ...DEFAULT_DEADLINE_RULES, sortWorkingDays: 5 };
      await refusal(await send('PUT', DEADLINES, supervisor, { expectedVersion: 1, rules }), 400, 'invalid_request');
    });

    it('are changed by the supervisor alone', async () => {
      await refusal(await send('PUT', DEADLINES, desk.as.sorter, { expectedVersion: 1, rules: faster }), 403, 'wrong_role');
      await refusal(await send('PUT', DEADLINES, adminAuth, { expectedVersion: 1, rules: faster }), 403, 'not_a_person');
      expect(DeadlineRulesView.parse((await send('GET', DEADLINES, supervisor)).json()).current.version).toBe(1);
    });
  });

  describe('the dispatch rules', () => {
    const fireSafety: DispatchRule = {
      id: 'fire-safety',
      topic: null,
      area: 'street-xinghe',
      keywords: ['施工许可'],
      leadUnit: 'market-regulation',
      coUnits: ['tax'],
    };

    it('a saved rule is suggested on a complaint’s page for the sorter', async () => {
      const { number } = await hotline();
      const saved = await send('PUT', DISPATCH, desk.as.sorter, { expectedVersion: 1, rules: [fireSafety] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(DispatchRulesView.parse(saved.json())).toMatchObject({
        current: { version: 2, createdBy: 'p-sorter' },
        rules: [fireSafety],
      });

      const page = ComplaintPage.parse((await send('GET', `/v1/complaints/${number}`, desk.as.sorter)).json());
      expect(page.suggestions[0]).toMatchObject({ leadUnit: 'market-regulation', coUnits: ['tax'], ruleId: 'fire-safety' });
    });

    it('a rule naming an unknown unit, a department as its area or an id twice is refused', async () => {
      await refusal(
        await send('PUT', DISPATCH, desk.as.sorter, { expectedVersion: 1, rules: [{ ...fireSafety, leadUnit: 'police' }] }),
        404,
        'unit_not_found',
      );
      await refusal(
        await send('PUT', DISPATCH, desk.as.sorter, { expectedVersion: 1, rules: [{ ...fireSafety, area: 'tax', coUnits: [] }] }),
        400,
        'invalid_request',
      );
      await refusal(
        await send('PUT', DISPATCH, desk.as.sorter, { expectedVersion: 1, rules: [fireSafety, fireSafety] }),
        400,
        'invalid_request',
      );
      expect(DispatchRulesView.parse((await send('GET', DISPATCH, desk.as.sorter)).json()).current.version).toBe(1);
    });

    it('are changed by a sorter alone', async () => {
      const error = await refusal(
        await send('PUT', DISPATCH, supervisor, { expectedVersion: 1, rules: [fireSafety] }),
        403,
        'wrong_role',
      );
      expect(error.details).toEqual({ needs: ['sorter'] });
      await refusal(await send('PUT', DISPATCH, desk.as.reviewer, { expectedVersion: 1, rules: [] }), 403, 'wrong_role');
    });
  });
});
