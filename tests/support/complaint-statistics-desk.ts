import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Page } from 'playwright-core';
import type { ComplaintAction } from '../../contracts/complaint-actions';
import type { ComplaintTopic } from '../../contracts/complaints';
import type { Platform } from '../../platform/server';
import { adminAuth } from '../platform/support/platform';
import { TEST_PASSWORD } from '../platform/support/console';

/**
 * An invented district's complaint desk for the statistics screen (e2e and screenshots, outside
 * vitest's `expect`: a refusal throws): the 营商局 with its intake, sorter, reviewer and
 * supervisor, three units with a handler each and the market regulator's leader, each a console
 * account; and complaints moved through the real routes to real figures. Every name is invented.
 */

const UNITS = [
  { code: 'business-bureau', name: '区营商局', kind: 'department', bureau: true },
  { code: 'market-regulation', name: '区市场监管局', kind: 'department' },
  { code: 'tax', name: '区税务局', kind: 'department' },
  { code: 'street-xinghe', name: '星河街道', kind: 'street' },
] as const;

const PEOPLE = {
  intake: { name: '热线录入员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['intake'] },
  sorter: { name: '分拣员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['sorter'] },
  reviewer: { name: '审核员', unitCode: 'business-bureau', duty: 'handler', bureauRoles: ['reviewer'] },
  supervisor: { name: '督办员', unitCode: 'business-bureau', duty: 'leader', bureauRoles: ['supervisor'] },
  market: { name: '市场监管经办人', unitCode: 'market-regulation', duty: 'handler' },
  marketLeader: { name: '市场监管分管领导', unitCode: 'market-regulation', duty: 'leader' },
  tax: { name: '税务经办人', unitCode: 'tax', duty: 'handler' },
  street: { name: '街道经办人', unitCode: 'street-xinghe', duty: 'handler' },
} as const;

export type StatisticsDeskPerson = keyof typeof PEOPLE;

const PERSONS = [
  'intake',
  'sorter',
  'reviewer',
  'supervisor',
  'market',
  'marketLeader',
  'tax',
  'street',
] as const satisfies readonly StatisticsDeskPerson[];

/** The console sign-in name of a desk person. */
export const usernameOf = (person: StatisticsDeskPerson): string => `desk-${person.toLowerCase()}`;

/** The platform's answer to a request, which must have the status given. */
type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

async function must(inject: Inject, what: string, options: InjectOptions, status: number): Promise<unknown> {
  const res = await inject(options);
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const idOf = (body: unknown): string => {
  if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') return body.id;
  throw new Error('no id in the reply');
};

const tokenOf = (body: unknown): string => {
  if (typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string') return body.token;
  throw new Error('no token in the reply');
};

const numberOf = (body: unknown): string => {
  if (typeof body === 'object' && body !== null && 'number' in body && typeof body.number === 'string') return body.number;
  throw new Error('no number in the reply');
};

export interface StatisticsDesk {
  /** A desk person's signed-in session. */
  session(person: StatisticsDeskPerson): { authorization: string };
}

/** The units, the people and their accounts, through the API as the district admin sets them up. */
export async function setUpStatisticsDesk(api: Platform): Promise<StatisticsDesk> {
  const inject: Inject = (options) => api.app.inject(options);
  for (const unit of UNITS) {
    await must(
      inject,
      `unit ${unit.code}`,
      { method: 'POST', url: '/v1/complaints/units', headers: adminAuth, payload: unit },
      201,
    );
  }
  const sessions = new Map<StatisticsDeskPerson, { authorization: string }>();
  for (const key of PERSONS) {
    const person = await must(
      inject,
      `person ${key}`,
      { method: 'POST', url: '/v1/complaints/people', headers: adminAuth, payload: PEOPLE[key] },
      201,
    );
    const username = usernameOf(key);
    await must(
      inject,
      `account ${key}`,
      {
        method: 'POST',
        url: `/v1/complaints/people/${idOf(person)}/account`,
        headers: adminAuth,
        payload: { username, password: TEST_PASSWORD },
      },
      201,
    );
    const session = await must(
      inject,
      `sign-in ${key}`,
      { method: 'POST', url: '/v1/console/session', payload: { username, password: TEST_PASSWORD } },
      201,
    );
    sessions.set(key, { authorization: `Bearer ${tokenOf(session)}` });
  }
  return {
    session: (person) => {
      const session = sessions.get(person);
      if (session === undefined) throw new Error(`no session of ${person}`);
      return session;
    },
  };
}

type Step = readonly [StatisticsDeskPerson, ComplaintAction];

const dispatch = (leadUnit: string, coUnits: string[] = []): ComplaintAction => ({
  type: 'dispatch',
  leadUnit,
  coUnits,
  note: null,
});
const draft = (text: string): ComplaintAction => ({ type: 'draft', text });
const evaluate = (
  level: 'very_satisfied' | 'satisfied' | 'basic' | 'dissatisfied',
  reason: string | null = null,
): ComplaintAction => ({
  type: 'evaluate',
  level,
  reason,
  comment: null,
});
const ACCEPT: ComplaintAction = { type: 'accept' };
const SUBMIT: ComplaintAction = { type: 'submit' };
const APPROVE: ComplaintAction = { type: 'approve', note: null };
const CLOSE: ComplaintAction = { type: 'close' };
const RETURN: ComplaintAction = { type: 'return', reason: '请写明办理时限。' };

/** Five hotline calls of invented enterprises and what the desk did with each. */
const HISTORIES: readonly { enterprise: string; topic: ComplaintTopic; steps: readonly Step[] }[] = [
  {
    enterprise: '星河示例科技有限公司',
    topic: 'approval',
    steps: [
      ['sorter', dispatch('market-regulation', ['tax'])],
      ['tax', { type: 'submit_part', text: '纳税信用核查无异常。' }],
      ['market', ACCEPT],
      ['market', draft('已协调，材料要求以清单为准。')],
      ['market', SUBMIT],
      ['reviewer', APPROVE],
      ['reviewer', CLOSE],
      ['intake', evaluate('satisfied')],
    ],
  },
  {
    enterprise: '湖滨示例餐饮管理有限公司',
    topic: 'enforcement',
    steps: [
      ['sorter', dispatch('market-regulation')],
      ['market', ACCEPT],
      ['market', draft('初稿。')],
      ['market', SUBMIT],
      ['reviewer', RETURN],
      ['market', draft('已核实，检查计划已公示，三个工作日内答复企业。')],
      ['market', SUBMIT],
      ['reviewer', APPROVE],
      ['reviewer', CLOSE],
      ['intake', evaluate('very_satisfied')],
    ],
  },
  {
    enterprise: '梅岭示例物流有限公司',
    topic: 'policy',
    steps: [
      ['sorter', dispatch('tax')],
      ['tax', ACCEPT],
      ['tax', draft('留抵退税政策已当面讲解。')],
      ['tax', SUBMIT],
      ['reviewer', APPROVE],
      ['reviewer', CLOSE],
      ['intake', evaluate('basic')],
    ],
  },
  {
    enterprise: '星河示例建材有限公司',
    topic: 'factors',
    steps: [
      ['sorter', dispatch('tax')],
      ['tax', { type: 'decline', reason: '用电报装不属于本单位职责。' }],
      ['sorter', dispatch('street-xinghe')],
      ['street', ACCEPT],
      ['street', draft('已协调供电所上门。')],
      ['street', SUBMIT],
      ['reviewer', APPROVE],
      ['reviewer', CLOSE],
      ['intake', evaluate('dissatisfied', '仍未通电。')],
    ],
  },
  {
    enterprise: '湖滨示例印务有限公司',
    topic: 'approval',
    steps: [
      ['sorter', dispatch('street-xinghe')],
      ['street', ACCEPT],
      ['street', draft('初稿。')],
      ['street', SUBMIT],
      ['reviewer', RETURN],
    ],
  },
];

/** Registers the hotline calls and moves each through its steps on the real routes. */
export async function handleStatisticsComplaints(api: Platform, desk: StatisticsDesk): Promise<string[]> {
  const inject: Inject = (options) => api.app.inject(options);
  const numbers: string[] = [];
  for (const history of HISTORIES) {
    const registered = await must(
      inject,
      `hotline ${history.enterprise}`,
      {
        method: 'POST',
        url: '/v1/complaints/hotline',
        headers: desk.session('intake'),
        payload: {
          enterprise: { name: history.enterprise, creditCode: null },
          contact: { name: '赵六', phone: '13800000000' },
          topic: history.topic,
          area: 'street-xinghe',
          text: '企业反映办事遇到困难，请协调办理。',
        },
      },
      201,
    );
    const number = numberOf(registered);
    numbers.push(number);
    for (const [who, action] of history.steps) {
      await must(
        inject,
        `${action.type} by ${who}`,
        { method: 'POST', url: `/v1/complaints/${number}/actions`, headers: desk.session(who), payload: action },
        200,
      );
    }
  }
  return numbers;
}

/** The district console signed in as a desk person, on the statistics section. */
export async function openStatistics(page: Page, base: string, person: StatisticsDeskPerson): Promise<void> {
  await page.goto(`${base}/district`);
  await page.getByRole('heading', { name: '区级平台登录' }).waitFor();
  await page.getByLabel('账号').fill(usernameOf(person));
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('dst-who').waitFor();
  await page.getByRole('navigation', { name: '平台功能' }).getByRole('link', { name: '查询统计', exact: true }).click();
  await page.getByRole('heading', { name: '营商诉求查询统计与考核' }).waitFor();
  await page.getByTestId('dst-statistics').waitFor();
}
