import type { ComplaintState, Person, Unit } from '../../../../contracts/complaints';
import type { ComplaintDirectoryView, ComplaintPage, ComplaintSummary } from '../../../../contracts/platform-complaints';

/** An invented district's complaint desk and complaints, every name invented. */

export const UNITS: Unit[] = [
  { code: 'business-bureau', name: '区营商局', kind: 'department', active: true },
  { code: 'market-regulation', name: '区市场监管局', kind: 'department', active: true },
  { code: 'tax', name: '区税务局', kind: 'department', active: true },
  { code: 'street-xinghe', name: '星河街道', kind: 'street', active: true },
];

const person = (id: string, name: string, unitCode: string, bureauRoles: Person['bureauRoles'] = []): Person => ({
  id,
  name,
  unitCode,
  duty: 'handler',
  bureauRoles,
  email: null,
  phone: null,
  active: true,
});

export const PEOPLE = {
  sorter: person('00000000-0000-4000-8000-000000000001', '分拣员', 'business-bureau', ['sorter']),
  reviewer: person('00000000-0000-4000-8000-000000000002', '审核员', 'business-bureau', ['reviewer']),
  lead: person('00000000-0000-4000-8000-000000000003', '市场监管经办人', 'market-regulation'),
  co: person('00000000-0000-4000-8000-000000000004', '税务经办人', 'tax'),
  intake: person('00000000-0000-4000-8000-000000000005', '热线录入员', 'business-bureau', ['intake']),
} as const;

export const DIRECTORY: ComplaintDirectoryView = {
  bureau: 'business-bureau',
  units: UNITS,
  people: Object.values(PEOPLE),
  accountHolders: [],
};

export const numberOf = (n: number) => `HK20261207${String(n).padStart(6, '0')}`;

/** Monday 7 December 2026, 10:00 in the district. */
export const NOW = new Date('2026-12-07T02:00:00.000Z');

export const summary = (n: number, patch: Partial<ComplaintSummary> = {}): ComplaintSummary => ({
  number: numberOf(n),
  channel: 'hotline',
  enterpriseName: `星河示例${n}号科技有限公司`,
  topic: 'approval',
  area: 'street-xinghe',
  state: 'registered',
  stage: 'receiving',
  leadUnit: null,
  registeredAt: '2026-12-04T01:00:00.000Z',
  closeDueAt: '2026-12-25T16:00:00.000Z',
  // The end of Wednesday 9 December: two working days after Monday.
  stageDueAt: '2026-12-09T16:00:00.000Z',
  overdue: false,
  ...patch,
});

export function pageOf(state: ComplaintState, patch: Partial<ComplaintPage['complaint']> = {}): ComplaintPage {
  return {
    complaint: {
      number: numberOf(1),
      channel: 'hotline',
      externalRef: null,
      enterprise: { name: '星河示例1号科技有限公司', creditCode: '91350100M000100Y43' },
      contact: { name: '赵六', phone: '13812345678' },
      topic: 'approval',
      area: 'street-xinghe',
      text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
      attachments: [],
      registeredAt: '2026-12-04T01:00:00.000Z',
      closeDueAt: '2026-12-25T16:00:00.000Z',
      state,
      leadUnit: null,
      coUnits: [],
      handler: null,
      reply: null,
      returns: 0,
      mergedInto: null,
      evaluation: null,
      history: [
        {
          at: '2026-12-04T01:00:00.000Z',
          action: 'register',
          from: null,
          to: 'registered',
          actor: { kind: 'staff', personId: PEOPLE.sorter.id, name: '热线录入员', unitCode: 'business-bureau', role: 'intake' },
          units: [],
          note: null,
          publicNote: '已收到您的诉求',
          visibility: 'public',
        },
      ],
      ...patch,
    },
    deadlines: [
      {
        stage: 'sort',
        responsible: { kind: 'bureau', role: 'sorter' },
        startedAt: '2026-12-04T01:00:00.000Z',
        // The end of Friday 4 December: one working day late on Monday.
        dueAt: '2026-12-04T16:00:00.000Z',
        metAt: null,
      },
    ],
    openSupervisionOrders: [],
    duplicates: [{ number: numberOf(7), sameTopic: true, similarity: 0.82, hoursApart: 20 }],
    suggestions: [
      {
        leadUnit: 'market-regulation',
        coUnits: ['tax'],
        ruleId: 'r1',
        basis: ['keyword'],
        matchedKeywords: ['施工许可'],
        specificity: 4,
      },
    ],
  };
}
