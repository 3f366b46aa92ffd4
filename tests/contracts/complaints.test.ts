import { describe, expect, it } from 'vitest';
import { ComplaintAction } from '../../contracts/complaint-actions';
import {
  caseStatusOf,
  ComplaintDirectory,
  ComplaintEvaluation,
  complaintStageOf,
  ComplaintState,
  complaintTopicOfLabel,
  NewComplaint,
  type Unit,
} from '../../contracts/complaints';
import { DISTRICT_CENTRE_ITEMS } from '../../contracts/district-catalog';

const filed = {
  channel: 'hotline',
  externalRef: null,
  enterprise: { name: '星河区示例科技有限公司', creditCode: '91350100M000100Y43' },
  contact: { name: '李四', phone: '138 0000 0000' },
  topic: 'approval',
  area: 'street-xinghe',
  text: '施工许可审批超过承诺时限仍未办结。',
  attachments: [],
};

const bureau: Unit = { code: 'business-bureau', name: '区营商环境建设局', kind: 'department', active: true };
const street: Unit = { code: 'street-xinghe', name: '星河街道', kind: 'street', active: true };
const person = (over: object) => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: '王五',
  unitCode: 'business-bureau',
  duty: 'handler',
  bureauRoles: ['sorter'],
  email: 'wangwu@example.gov.cn',
  phone: null,
  active: true,
  ...over,
});

describe('complaint contracts', () => {
  it('take a complaint from any channel, normalising the typed phone number', () => {
    const parsed = NewComplaint.parse(filed);
    expect(parsed.contact.phone).toBe('13800000000');
    expect(NewComplaint.safeParse({ ...filed, contact: { name: '李四', phone: '12345' } }).success).toBe(false);
  });

  it('refuse an enterprise whose credit code fails its check character', () => {
    const wrong = { ...filed, enterprise: { name: '某公司', creditCode: '91350100M000100Y44' } };
    expect(NewComplaint.safeParse(wrong).success).toBe(false);
    expect(NewComplaint.safeParse({ ...filed, enterprise: { name: '某公司', creditCode: null } }).success).toBe(true);
  });

  it('keep 民心网’s own number with a 民心网 complaint, and only there', () => {
    expect(NewComplaint.safeParse({ ...filed, channel: 'minxin' }).success).toBe(false);
    expect(NewComplaint.safeParse({ ...filed, channel: 'minxin', externalRef: 'MXW-2026-000123' }).success).toBe(true);
    expect(NewComplaint.safeParse({ ...filed, externalRef: 'MXW-2026-000123' }).success).toBe(false);
  });

  it('tell the enterprise 受理, 办理 and 办结 in the words the kiosk already uses', () => {
    expect(ComplaintState.options.map((s) => complaintStageOf(s))).toEqual([
      'receiving',
      'receiving',
      'receiving',
      'handling',
      'handling',
      'handling',
      'handling',
      'handling',
      'concluded',
      'concluded',
      'concluded',
      'concluded',
    ]);
    expect(caseStatusOf('registered')).toBe('submitted');
    expect(caseStatusOf('dispatched')).toBe('accepted');
    expect(caseStatusOf('returned')).toBe('in_progress');
    expect(caseStatusOf('evaluated')).toBe('completed');
    expect(caseStatusOf('not_admitted')).toBe('rejected');
  });

  it('read the kiosk form’s topic, and file an unknown one under 其他', () => {
    expect(complaintTopicOfLabel('执法监管')).toBe('enforcement');
    expect(complaintTopicOfLabel('别的')).toBe('other');
    const topicField = DISTRICT_CENTRE_ITEMS.find((i) => i.category === 'complaint')?.formFields.find((f) => f.key === 'topic');
    expect(topicField?.options?.map(complaintTopicOfLabel)).toEqual(['policy', 'approval', 'enforcement', 'factors', 'other']);
  });

  it('need a reason for an evaluation below basic', () => {
    const at = '2026-12-01T02:00:00.000Z';
    expect(ComplaintEvaluation.safeParse({ level: 'dissatisfied', reason: null, comment: null, at }).success).toBe(false);
    expect(ComplaintEvaluation.safeParse({ level: 'satisfied', reason: null, comment: null, at }).success).toBe(true);
    expect(ComplaintAction.safeParse({ type: 'evaluate', level: 'very_dissatisfied', reason: null, comment: null }).success).toBe(
      false,
    );
  });

  it('keep bureau roles to the 营商局’s own people', () => {
    const directory = { bureau: 'business-bureau', units: [bureau, street], people: [person({})] };
    expect(ComplaintDirectory.safeParse(directory).success).toBe(true);
    const streetSorter = person({ id: '00000000-0000-4000-8000-000000000002', unitCode: 'street-xinghe' });
    const problems = ComplaintDirectory.safeParse({ ...directory, people: [streetSorter] }).error?.issues.map((i) => i.message);
    expect(problems).toEqual(['bureau roles are for people of the 营商局']);
    expect(ComplaintDirectory.safeParse({ ...directory, bureau: 'street-xinghe' }).success).toBe(false);
    expect(ComplaintDirectory.safeParse({ ...directory, people: [person({ unitCode: 'nowhere' })] }).success).toBe(false);
  });
});
