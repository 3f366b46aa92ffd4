import type { ComplaintAction } from '../../contracts/complaint-actions';
import { Person, type BureauRole, type UnitDuty, type UnitKind } from '../../contracts/complaints';
import { ComplaintPage, RegisteredComplaint, type HotlineComplaintRequest } from '../../contracts/platform-complaints';
import { SignInResponse } from '../../contracts/platform-console';
import type { Platform } from '../../platform/server';
import { TEST_PASSWORD } from '../platform/support/console';
import { adminAuth } from '../platform/support/platform';

/**
 * The complaint desk of an invented district for the browser tests and the screenshots, set up
 * through the platform's API as its district admin would: the 营商局 (sorting, review, intake,
 * supervision), the 区市场监管局 as the lead unit with a handler and a leader, the 区税务局 as a
 * co-unit, a street; each person with a console account (`username`, TEST_PASSWORD) and the
 * unit staff with an e-mail address the deadline notices reach. Every name and address is invented.
 */

interface UnitSeed {
  code: string;
  name: string;
  kind: UnitKind;
  bureau?: boolean;
}

export const DESK_UNITS = [
  { code: 'business-bureau', name: '区营商环境建设局', kind: 'department', bureau: true },
  { code: 'market-regulation', name: '区市场监管局', kind: 'department' },
  { code: 'tax', name: '区税务局', kind: 'department' },
  { code: 'street-xinghe', name: '星河街道', kind: 'street' },
] as const satisfies readonly UnitSeed[];

interface PersonSeed {
  name: string;
  unitCode: (typeof DESK_UNITS)[number]['code'];
  duty: UnitDuty;
  bureauRoles: readonly BureauRole[];
  email: string | null;
}

const MAIL = 'xinghe.example.org';

export const DESK_PEOPLE = {
  intake: { name: '林录入', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['intake'], email: null },
  sorter: { name: '何分拣', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['sorter'], email: null },
  reviewer: { name: '方审核', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['reviewer'], email: null },
  supervisor: { name: '孔督办', unitCode: 'business-bureau', duty: 'leader', bureauRoles: ['supervisor'], email: null },
  leadHandler: { name: '袁经办', unitCode: 'market-regulation', duty: 'handler', bureauRoles: [], email: `yuan.jb@${MAIL}` },
  leadLeader: { name: '钟分管', unitCode: 'market-regulation', duty: 'leader', bureauRoles: [], email: `zhong.fg@${MAIL}` },
  taxHandler: { name: '谭经办', unitCode: 'tax', duty: 'handler', bureauRoles: [], email: `tan.jb@${MAIL}` },
} as const satisfies Record<string, PersonSeed>;

export type DeskPerson = keyof typeof DESK_PEOPLE;

const isDeskPerson = (key: string): key is DeskPerson => Object.hasOwn(DESK_PEOPLE, key);
export const DESK_PERSONS: readonly DeskPerson[] = Object.keys(DESK_PEOPLE).filter(isDeskPerson);

/** The console account of each person: `desk-<person>`. */
export const deskUsername = (person: DeskPerson): string => `desk-${person.toLowerCase()}`;

export interface ComplaintDeskSetup {
  /** A person as the platform registered them (their id). */
  person(key: DeskPerson): Person;
  unitName(code: string): string;
}

async function created(api: Platform, url: string, payload: object): Promise<unknown> {
  const res = await api.app.inject({ method: 'POST', url, headers: adminAuth, payload });
  if (res.statusCode !== 201) throw new Error(`POST ${url} refused: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function setUpDesk(api: Platform): Promise<ComplaintDeskSetup> {
  for (const unit of DESK_UNITS) await created(api, '/v1/complaints/units', unit);
  const people = new Map<DeskPerson, Person>();
  for (const key of DESK_PERSONS) {
    const person = Person.parse(await created(api, '/v1/complaints/people', DESK_PEOPLE[key]));
    people.set(key, person);
    await created(api, `/v1/complaints/people/${person.id}/account`, { username: deskUsername(key), password: TEST_PASSWORD });
  }
  return {
    person(key) {
      const person = people.get(key);
      if (person === undefined) throw new Error(`no desk person ${key}`);
      return person;
    },
    unitName: (code) => DESK_UNITS.find((unit) => unit.code === code)?.name ?? code,
  };
}

/** A console session of the person's account, signed in through the API (the Authorization header). */
export async function deskSession(api: Platform, person: DeskPerson): Promise<{ authorization: string }> {
  const res = await api.app.inject({
    method: 'POST',
    url: '/v1/console/session',
    payload: { username: deskUsername(person), password: TEST_PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`${person} could not sign in: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
}

/** A hotline call the intake person types in (the operator form's route), as the person's session. */
export async function registerHotline(
  api: Platform,
  session: { authorization: string },
  call: HotlineComplaintRequest,
): Promise<RegisteredComplaint> {
  const res = await api.app.inject({ method: 'POST', url: '/v1/complaints/hotline', headers: session, payload: call });
  if (res.statusCode !== 201) throw new Error(`the hotline call was refused: ${res.statusCode} ${res.body}`);
  return RegisteredComplaint.parse(res.json());
}

/** One step of a complaint as the person's session takes it through the API (what the console's forms send). */
export async function actAs(
  api: Platform,
  session: { authorization: string },
  number: string,
  action: ComplaintAction,
): Promise<ComplaintPage> {
  const res = await api.app.inject({
    method: 'POST',
    url: `/v1/complaints/${number}/actions`,
    headers: session,
    payload: action,
  });
  if (res.statusCode !== 200) throw new Error(`${action.type} on ${number} refused: ${res.statusCode} ${res.body}`);
  return ComplaintPage.parse(res.json());
}

/** A hotline call from an invented enterprise (an invented code with its right check character). */
export const HOTLINE_CALL: HotlineComplaintRequest = {
  enterprise: { name: '星河示例精密制造有限公司', creditCode: '91350100M00020000F' },
  contact: { name: '邹联系', phone: '13900001111' },
  topic: 'approval',
  area: 'street-xinghe',
  text: '厂房扩建的施工许可申请已超过承诺时限，窗口答复还需补充材料，但未说明需要哪些材料，请协调。',
};
