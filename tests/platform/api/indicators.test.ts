import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { INDICATOR_SEED } from '../../../contracts/indicator-seed';
import { indicatorLeaves } from '../../../contracts/indicators';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import {
  ComputedValuesResponse,
  IndicatorEntry,
  IndicatorTreeView,
  PeriodLeavesResponse,
  PeriodScoresResponse,
  TrendResponse,
} from '../../../contracts/platform-indicators';
import type { Platform } from '../../../platform/server';
import { DistrictStaffService } from '../../../platform/services/district-staff-service';
import { scoreIndicators } from '../../../platform/services/indicator-scoring';
import { INDICATOR_SHEETS, NODE_HEADERS } from '../../../platform/services/indicator-workbook';
import { sessionOf, signInRequest, TEST_PASSWORD } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi } from '../support/platform';

const PERIOD = '2026-Q3';
const base = '/v1/admin/indicators';
type Headers = { authorization: string };

describeEachDatabase('indicators: the tree, entry and review, scores and export', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    api.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const codeOf = (res: { json(): unknown }) => ConsoleErrorBody.parse(res.json()).error.code;

  /** A second operator: the one who reviews what the first entered. */
  const secondOperator = async (): Promise<Headers> => {
    await new DistrictStaffService(database().sql, () => new Date()).addAccount({
      username: 'operator-2',
      name: '营商局审核员',
      role: 'district-operator',
      password: TEST_PASSWORD,
    });
    const res = await signInRequest(api, 'operator-2', TEST_PASSWORD);
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };

  it('seeds the 7 / 26 / 77 system and shows it against the seed’s shape', async () => {
    const viewer = await sessionOf(api, database(), 'viewer');
    const view = IndicatorTreeView.parse((await call('GET', `${base}/tree`, viewer)).json());
    expect(view.version).toBe(1);
    expect(view.tree).toEqual(INDICATOR_SEED);
    expect(view.shape).toEqual({ categories: 7, groups: 26, leaves: 77 });
    expect(view.seedShape).toEqual(view.shape);
  });

  it('lets the district admin edit levels 2 and 3 as a new version, and refuses a broken tree or a renamed category', async () => {
    const admin = await sessionOf(api, database(), 'district-admin');
    // GOV.04 纳税 removed: GOV's groups reweighted to still sum to 1.
    const gov = INDICATOR_SEED.categories[0];
    if (gov === undefined) throw new Error('the seed has GOV first');
    const edited = {
      ...INDICATOR_SEED,
      categories: [
        {
          ...gov,
          children: gov.children
            .filter((g) => g.code !== 'GOV.04')
            .map((g) => (g.code === 'GOV.01' ? { ...g, weight: g.weight + 0.1 } : g)),
        },
        ...INDICATOR_SEED.categories.slice(1),
      ],
    };
    const saved = await call('PUT', `${base}/tree`, admin, { expectedVersion: 1, tree: edited });
    expect(saved.statusCode).toBe(200);
    const view = IndicatorTreeView.parse(saved.json());
    expect(view).toMatchObject({ version: 2, savedBy: 'admin-1', shape: { categories: 7, groups: 25, leaves: 74 } });
    expect(view.seedShape).toEqual({ categories: 7, groups: 26, leaves: 77 });

    const stale = await call('PUT', `${base}/tree`, admin, { expectedVersion: 1, tree: edited });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale)).toBe('indicator_tree_changed');

    const unbalanced = { ...edited, categories: [{ ...edited.categories[0], weight: 0.5 }, ...edited.categories.slice(1)] };
    const broken = await call('PUT', `${base}/tree`, admin, { expectedVersion: 2, tree: unbalanced });
    expect(broken.statusCode).toBe(400);
    const renamed = { ...edited, categories: [{ ...edited.categories[0], name: '营商环境' }, ...edited.categories.slice(1)] };
    const refused = await call('PUT', `${base}/tree`, admin, { expectedVersion: 2, tree: renamed });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('its name stays');

    const leaf = await call('PATCH', `${base}/leaves/GOV.01.01`, admin, { expectedVersion: 2, target: 98 });
    expect(leaf.statusCode).toBe(200);
    const changed = indicatorLeaves(IndicatorTreeView.parse(leaf.json()).tree).find((l) => l.code === 'GOV.01.01');
    expect(changed?.target).toBe(98);
    const noLeaf = await call('PATCH', `${base}/leaves/GOV.09.01`, admin, { expectedVersion: 3, target: 98 });
    expect(codeOf(noLeaf)).toBe('indicator_not_found');
    // A worst value on the good side of the target is a rule of the tree.
    const wrongSide = await call('PATCH', `${base}/leaves/GOV.01.01`, admin, { expectedVersion: 3, worst: 99 });
    expect(wrongSide.statusCode).toBe(400);
  });

  it('refuses each change to the role that does not own it', async () => {
    const viewer = await sessionOf(api, database(), 'viewer');
    const operator = await sessionOf(api, database(), 'district-operator');
    const admin = await sessionOf(api, database(), 'district-admin');
    for (const who of [viewer, operator]) {
      const res = await call('PUT', `${base}/tree`, who, { expectedVersion: 1, tree: INDICATOR_SEED });
      expect(res.statusCode).toBe(403);
      expect((await call('PATCH', `${base}/leaves/GOV.01.01`, who, { expectedVersion: 1, target: 98 })).statusCode).toBe(403);
    }
    for (const who of [viewer, admin]) {
      expect((await call('POST', `${base}/periods`, who, { period: PERIOD })).statusCode).toBe(403);
    }
    expect((await call('POST', `${base}/periods`, operator, { period: PERIOD })).statusCode).toBe(201);
    for (const who of [viewer, admin]) {
      expect((await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/entries`, who, { value: 90 })).statusCode).toBe(403);
      expect((await call('POST', `${base}/periods/${PERIOD}/compute`, who)).statusCode).toBe(403);
      expect((await call('POST', `${base}/periods/${PERIOD}/close`, who)).statusCode).toBe(403);
      expect(
        (await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/review`, who, { decision: 'approve', revision: 1 }))
          .statusCode,
      ).toBe(403);
    }
    // Every role reads.
    for (const who of [viewer, operator, admin]) {
      expect((await call('GET', `${base}/periods/${PERIOD}/scores`, who)).statusCode).toBe(200);
    }
    // Without a session: nothing.
    expect((await api.app.inject({ method: 'GET', url: `${base}/tree` })).statusCode).toBe(401);
  });

  it('scores an entered value only once someone else approved it; a returned one never', async () => {
    const unit = await sessionOf(api, database(), 'district-operator');
    const reviewer = await secondOperator();
    await call('POST', `${base}/periods`, unit, { period: PERIOD });
    const scoreOf = async (code: string) => {
      const scores = PeriodScoresResponse.parse((await call('GET', `${base}/periods/${PERIOD}/scores`, unit)).json()).scores;
      return scores.nodes.find((n) => n.code === code);
    };

    const entered = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/entries`, unit, {
      value: 88,
      note: '省平台事项清单',
    });
    expect(entered.statusCode).toBe(201);
    expect(IndicatorEntry.parse(entered.json())).toMatchObject({ revision: 1, state: 'submitted', enteredBy: 'operator-1' });
    expect(await scoreOf('GOV.01.01')).toMatchObject({ score: null, value: null });
    const sheet = PeriodLeavesResponse.parse(
      (await call('GET', `${base}/periods/${PERIOD}/leaves?responsibleUnit=government-services`, unit)).json(),
    );
    expect(sheet.leaves.find((l) => l.code === 'GOV.01.01')).toMatchObject({ status: 'awaiting_review', value: null });
    expect(sheet.leaves.every((l) => l.responsibleUnit === 'government-services')).toBe(true);

    // The one who entered it does not review it.
    const own = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/review`, unit, {
      decision: 'approve',
      revision: 1,
    });
    expect(own.statusCode).toBe(403);
    const returned = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/review`, reviewer, {
      decision: 'return',
      revision: 1,
      reason: '口径不符',
    });
    expect(IndicatorEntry.parse(returned.json())).toMatchObject({
      state: 'returned',
      reason: '口径不符',
      reviewedBy: 'operator-2',
    });
    expect(await scoreOf('GOV.01.01')).toMatchObject({ score: null });
    const again = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/review`, reviewer, {
      decision: 'approve',
      revision: 1,
    });
    expect(codeOf(again)).toBe('entry_not_submitted');

    await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/entries`, unit, { value: 81 });
    const approved = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/review`, reviewer, {
      decision: 'approve',
      revision: 2,
    });
    expect(approved.statusCode).toBe(200);
    // (81 − 60) ÷ (95 − 60) = 60 %.
    expect(await scoreOf('GOV.01.01')).toMatchObject({ value: 81, score: 60 });

    // A computed leaf takes no entry; a figure far off its range needs a note.
    const computed = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.04/entries`, unit, { value: 12 });
    expect(codeOf(computed)).toBe('leaf_computed');
    const slip = await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.01.01/entries`, unit, { value: 0.88 });
    expect(codeOf(slip)).toBe('note_required');
    const history = await call('GET', `${base}/periods/${PERIOD}/leaves/GOV.01.01/entries`, unit);
    expect((history.json() as { entries: unknown[] }).entries).toHaveLength(2);
  });

  it('rolls a period up exactly as the pure scoring does, keeps the scores at the close, and exports them', async () => {
    const unit = await sessionOf(api, database(), 'district-operator');
    const reviewer = await secondOperator();
    await call('POST', `${base}/periods`, unit, { period: PERIOD });
    const entered = { 'GOV.01.01': 90, 'GOV.02.02': 2, 'MKT.01.01': 95, 'LAW.01.02': 25, 'SOC.03.01': 80 };
    for (const [code, value] of Object.entries(entered)) {
      await call('POST', `${base}/periods/${PERIOD}/leaves/${code}/entries`, unit, { value });
      await call('POST', `${base}/periods/${PERIOD}/leaves/${code}/review`, reviewer, { decision: 'approve', revision: 1 });
    }
    // One left waiting for review: it does not score.
    await call('POST', `${base}/periods/${PERIOD}/leaves/FAC.01.01/entries`, unit, { value: 12 });
    const computed = ComputedValuesResponse.parse((await call('POST', `${base}/periods/${PERIOD}/compute`, unit)).json());
    const shareOfItems = computed.values.find((v) => v.metric === 'on-the-spot-item-share')?.value;
    expect(shareOfItems).toEqual(expect.any(Number));

    const expected = scoreIndicators(INDICATOR_SEED, { ...entered, 'GOV.01.02': shareOfItems ?? 0 });
    const live = PeriodScoresResponse.parse((await call('GET', `${base}/periods/${PERIOD}/scores`, unit)).json());
    expect(live.scores).toEqual(expected);
    expect(live.scores.nodes.filter((n) => n.level === 1).map((n) => n.code)).toEqual([
      'GOV',
      'MKT',
      'OPN',
      'FAC',
      'INF',
      'SOC',
      'LAW',
    ]);

    const closed = await call('POST', `${base}/periods/${PERIOD}/close`, unit);
    expect(closed.statusCode).toBe(200);
    expect(PeriodScoresResponse.parse(closed.json()).period.state).toBe('closed');
    // Closed: kept as scored, whatever is entered or edited after.
    expect(codeOf(await call('POST', `${base}/periods/${PERIOD}/leaves/GOV.02.03/entries`, unit, { value: 0 }))).toBe(
      'period_closed',
    );
    const admin = await sessionOf(api, database(), 'district-admin');
    await call('PATCH', `${base}/leaves/GOV.01.01`, admin, { expectedVersion: 1, target: 100 });
    const kept = PeriodScoresResponse.parse((await call('GET', `${base}/periods/${PERIOD}/scores`, unit)).json());
    expect(kept.scores).toEqual(expected);
    expect(kept.period.treeVersion).toBe(1);

    const trend = TrendResponse.parse((await call('GET', `${base}/trend?kind=quarter&code=GOV`, unit)).json());
    expect(trend.series).toEqual([
      {
        period: PERIOD,
        score: expected.nodes.find((n) => n.code === 'GOV')?.score,
        coverage: expected.nodes.find((n) => n.code === 'GOV')?.coverage,
      },
    ]);

    const file = await call('GET', `${base}/periods/${PERIOD}/export`, unit);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file.rawPayload).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([INDICATOR_SHEETS.summary, INDICATOR_SHEETS.nodes]);
    const sheet = book.getWorksheet(INDICATOR_SHEETS.nodes);
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([...NODE_HEADERS]);
    expect(rows).toHaveLength(1 + 7 + 26 + 77);
    const leafRow = rows.find((r) => r[0] === 'GOV.01.01');
    const scored = expected.nodes.find((n) => n.code === 'GOV.01.01');
    expect(leafRow?.[2]).toBe('全程网办事项占比');
    expect(leafRow?.[9]).toBe(90);
    expect(leafRow?.[10]).toBe(scored?.score);
    const summary = book.getWorksheet(INDICATOR_SHEETS.summary);
    expect(summary?.getRow(8).getCell(4).value).toBe(expected.score);
  });

  it('answers an unknown period with 404 and a period not begun with 409', async () => {
    expect(codeOf(await call('GET', `${base}/periods/2025-Q1/scores`, adminAuth))).toBe('period_not_found');
    expect(codeOf(await call('GET', `${base}/periods/2025-Q1/export`, adminAuth))).toBe('period_not_found');
    expect(codeOf(await call('POST', `${base}/periods`, adminAuth, { period: '2027' }))).toBe('period_not_started');
    expect((await call('POST', `${base}/periods`, adminAuth, { period: '2026-13' })).statusCode).toBe(400);
  });
});
