import { CreateCaseResponse } from '../../../contracts/central-api';
import { Person } from '../../../contracts/complaints';
import { COMPLAINT_ITEM_CODE } from '../../../contracts/district-catalog';
import type { BureauRole, UnitDuty } from '../../../contracts/complaints';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
import { SignInResponse } from '../../../contracts/platform-console';
import type { Platform } from '../../../platform/server';
import { signInRequest, TEST_PASSWORD } from './console';
import { adminAuth, newKey, sampleCase, terminalAuth } from './platform';

/**
 * An invented district's complaint desk, set up through the API as a district admin would: the
 * 营商局 (business-bureau), two departments and a street, their people, and a console account
 * for each person, signed in. Every name is invented. No vitest here: the screenshot tour
 * (tests/screenshots/district-desk-settings.ts) sets the desk up the same way.
 */

/** A reply that must be 201, or the setup stops with what the platform said. */
function mustBeCreated(res: { statusCode: number; body: string }, what: string): void {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

const UNITS = [
  { code: 'business-bureau', name: '区营商局', kind: 'department', bureau: true },
  { code: 'market-regulation', name: '区市场监管局', kind: 'department' },
  { code: 'tax', name: '区税务局', kind: 'department' },
  { code: 'street-xinghe', name: '星河街道', kind: 'street' },
] as const;

/** A person as the district admin adds them. */
export type DeskPersonRequest = { name: string; unitCode: string; duty: UnitDuty; bureauRoles?: readonly BureauRole[] };

const PEOPLE = {
  intake: { name: '热线录入员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['intake'] },
  sorter: { name: '分拣员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['sorter'] },
  reviewer: { name: '审核员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['reviewer'] },
  leadHandler: { name: '市场监管经办人', unitCode: 'market-regulation', duty: 'handler' },
  taxHandler: { name: '税务经办人', unitCode: 'tax', duty: 'handler' },
  streetHandler: { name: '街道经办人', unitCode: 'street-xinghe', duty: 'handler' },
} satisfies Record<string, DeskPersonRequest>;

export type DeskPerson = keyof typeof PEOPLE;

export interface ComplaintDesk {
  /** Each person's signed-in console session. */
  as: Readonly<Record<DeskPerson, { authorization: string }>>;
  people: Readonly<Record<DeskPerson, Person>>;
}

/** Adds a person as the district admin would, gives them a console account `username` and signs it in. */
export async function addDeskPerson(
  api: Platform,
  person: DeskPersonRequest,
  username: string,
): Promise<{ person: Person; auth: { authorization: string } }> {
  const created = await api.app.inject({ method: 'POST', url: '/v1/complaints/people', headers: adminAuth, payload: person });
  mustBeCreated(created, `adding ${person.name}`);
  const parsed = Person.parse(created.json());
  const account = await api.app.inject({
    method: 'POST',
    url: `/v1/complaints/people/${parsed.id}/account`,
    headers: adminAuth,
    payload: { username, password: TEST_PASSWORD },
  });
  mustBeCreated(account, `an account for ${person.name}`);
  const signIn = await signInRequest(api, username, TEST_PASSWORD);
  mustBeCreated(signIn, `signing ${username} in`);
  return { person: parsed, auth: { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` } };
}

export async function setUpComplaintDesk(api: Platform): Promise<ComplaintDesk> {
  for (const unit of UNITS) {
    const res = await api.app.inject({ method: 'POST', url: '/v1/complaints/units', headers: adminAuth, payload: unit });
    mustBeCreated(res, `adding unit ${unit.code}`);
  }
  const as: Record<string, { authorization: string }> = {};
  const people: Record<string, Person> = {};
  for (const [key, person] of Object.entries(PEOPLE)) {
    const added = await addDeskPerson(api, person, `p-${key.toLowerCase()}`);
    people[key] = added.person;
    as[key] = added.auth;
  }
  return { as: as as ComplaintDesk['as'], people: people as ComplaintDesk['people'] };
}

/** A hotline call as the intake person types it. */
export const hotlineCall = {
  enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
  contact: { name: '赵六', phone: '13800000000' },
  topic: 'approval',
  area: 'street-xinghe',
  text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
} as const;

/** Registers a hotline call as `as` (the intake person) types it: the number, its 办结期限 and possible duplicates. */
export async function registerHotline(
  api: Platform,
  as: { authorization: string },
  payload: object = hotlineCall,
): Promise<RegisteredComplaint> {
  const res = await api.app.inject({ method: 'POST', url: '/v1/complaints/hotline', headers: as, payload });
  mustBeCreated(res, 'a hotline call');
  return RegisteredComplaint.parse(res.json());
}

/**
 * A 营商诉求 filed at hall-01's kiosk as its host sends the case (the tests' terminal token): the
 * case number, which is the complaint's.
 */
export async function fileKioskComplaint(api: Platform): Promise<string> {
  const res = await api.app.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: { ...terminalAuth, 'idempotency-key': newKey() },
    payload: sampleCase({
      itemCode: COMPLAINT_ITEM_CODE,
      itemName: '营商环境诉求',
      form: { companyName: '示例星辰科技有限公司', topic: '审批服务', details: '施工许可审批材料要求不一致，请协调。' },
      materials: [],
    }),
  });
  mustBeCreated(res, 'a kiosk complaint');
  return CreateCaseResponse.parse(res.json()).caseNumber;
}
