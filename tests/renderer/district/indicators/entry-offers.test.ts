import { describe, expect, it } from 'vitest';
import type { DistrictStaff } from '../../../../contracts/platform-console';
import type { IndicatorEntry, IndicatorPeriod, PeriodLeaf } from '../../../../contracts/platform-indicators';
import { entryOffer, ownUnit, statusTone } from '../../../../renderer/district/indicators/entry-offers';

const period = (state: 'open' | 'closed'): IndicatorPeriod => ({
  period: '2026-Q3',
  kind: 'quarter',
  from: '2026-07-01',
  to: '2026-09-30',
  state,
  treeVersion: 1,
  openedBy: 'operator-1',
  openedAt: '2026-10-08T01:00:00.000Z',
  closedBy: null,
  closedAt: null,
});

const entry = (state: IndicatorEntry['state'], enteredBy: string): IndicatorEntry => ({
  period: '2026-Q3',
  code: 'GOV.02.02',
  revision: 2,
  value: 2,
  note: null,
  state,
  enteredBy,
  enteredAt: '2026-10-09T01:00:00.000Z',
  reviewedBy: null,
  reviewedAt: null,
  reason: null,
});

const leaf = (fields: Partial<PeriodLeaf> = {}): PeriodLeaf => ({
  code: 'GOV.02.02',
  name: '企业开办环节数',
  unit: '个',
  direction: 'lower',
  target: 1,
  worst: 4,
  responsibleUnit: 'market-regulation',
  source: { kind: 'entered' },
  definition: '口径',
  status: 'missing',
  value: null,
  latest: null,
  ...fields,
});

const me: DistrictStaff = { username: 'operator-2', name: '审核员', role: 'district-operator' };
const all = { enter: true, review: true };

describe('what the entry sheet offers on a leaf', () => {
  it('entry on an entered leaf of an open period, to those the route admits', () => {
    expect(entryOffer(leaf(), period('open'), me, all)).toEqual({ enter: true, review: false, ownSubmission: false });
    expect(entryOffer(leaf(), period('open'), me, { enter: false, review: false }).enter).toBe(false);
    expect(entryOffer(leaf(), period('closed'), me, all).enter).toBe(false);
    const computed = leaf({ source: { kind: 'computed', metric: 'business-startup-working-days' }, status: 'computed' });
    expect(entryOffer(computed, period('open'), me, all).enter).toBe(false);
  });

  it('review of someone else’s submitted revision only, never one’s own', () => {
    const theirs = leaf({ status: 'awaiting_review', latest: entry('submitted', 'operator-1') });
    expect(entryOffer(theirs, period('open'), me, all)).toEqual({ enter: true, review: true, ownSubmission: false });
    const mine = leaf({ status: 'awaiting_review', latest: entry('submitted', 'operator-2') });
    expect(entryOffer(mine, period('open'), me, all)).toEqual({ enter: true, review: false, ownSubmission: true });
    const approved = leaf({ status: 'approved', latest: entry('approved', 'operator-1') });
    expect(entryOffer(approved, period('open'), me, all).review).toBe(false);
    expect(entryOffer(theirs, period('closed'), me, all).review).toBe(false);
    expect(entryOffer(theirs, period('open'), me, { enter: true, review: false }).review).toBe(false);
  });

  it('opens on the person’s own department when the tree names it', () => {
    const units = [{ code: 'market-regulation', name: '区市场监管局', nameEn: 'Market Regulation' }];
    expect(ownUnit(units, 'market-regulation')).toBe('market-regulation');
    expect(ownUnit(units, 'street-xinghe')).toBeUndefined();
    expect(ownUnit(units, null)).toBeUndefined();
    expect([statusTone('approved'), statusTone('awaiting_review'), statusTone('returned')]).toEqual(['ok', 'warn', 'bad']);
  });
});
