import type { ComplaintActor } from '../../contracts/complaint-actions';
import type { BureauRole, ComplaintTopic, Person, Unit, UnitDuty } from '../../contracts/complaints';

/**
 * An invented district's complaint desk for the 营商诉求 benches (complaint-history.ts): 40
 * units (the 营商局, 26 district departments, 10 streets and 3 economic zones) and their people
 * (three handlers and a leader each; the 营商局's people with its four roles), and which
 * departments answer for which topic, so a generated complaint goes where a sorter would send
 * it. Every name, address and number here is invented.
 */

export const BENCH_BUREAU = 'business-bureau';

const DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['development-reform', '区发展和改革局'],
  ['industry-it', '区工业和信息化局'],
  ['commerce', '区商务局'],
  ['finance', '区财政局'],
  ['tax', '区税务局'],
  ['market-regulation', '区市场监督管理局'],
  ['approval', '区行政审批局'],
  ['housing', '区住房和城乡建设局'],
  ['natural-resources', '区自然资源局'],
  ['ecology', '区生态环境分局'],
  ['emergency', '区应急管理局'],
  ['fire', '区消防救援大队'],
  ['urban-management', '区城市管理局'],
  ['human-resources', '区人力资源和社会保障局'],
  ['science', '区科学技术局'],
  ['transport', '区交通运输局'],
  ['water', '区水务局'],
  ['culture-tourism', '区文化和旅游局'],
  ['health', '区卫生健康局'],
  ['education', '区教育局'],
  ['public-security', '区公安分局'],
  ['justice', '区司法局'],
  ['data-bureau', '区大数据管理局'],
  ['agriculture', '区农业农村局'],
  ['civil-affairs', '区民政局'],
  ['statistics', '区统计局'],
];

const STREETS: readonly (readonly [string, string])[] = [
  ['street-xinghe', '星河街道'],
  ['street-qingshan', '青山街道'],
  ['street-binjiang', '滨江街道'],
  ['street-nanhu', '南湖街道'],
  ['street-dongsheng', '东升街道'],
  ['street-xiyuan', '西苑街道'],
  ['street-beiyuan', '北园街道'],
  ['street-jinqiao', '金桥街道'],
  ['street-yunhe', '运河街道'],
  ['street-songlin', '松林街道'],
];

const ZONES: readonly (readonly [string, string])[] = [
  ['zone-hightech', '高新技术产业开发区'],
  ['zone-port', '临港经济区'],
  ['zone-logistics', '现代物流园区'],
];

/** The departments a sorter sends a topic's matters to; the area's own street or zone takes the rest (属地管理). */
export const TOPIC_DEPARTMENTS: Readonly<Record<ComplaintTopic, readonly string[]>> = {
  policy: ['development-reform', 'industry-it', 'commerce', 'finance', 'tax', 'science', 'human-resources'],
  approval: ['approval', 'housing', 'natural-resources', 'market-regulation', 'data-bureau'],
  enforcement: ['market-regulation', 'urban-management', 'ecology', 'emergency', 'fire', 'public-security', 'transport'],
  factors: ['natural-resources', 'human-resources', 'water', 'development-reform', 'finance', 'transport'],
  other: ['health', 'education', 'civil-affairs', 'culture-tourism', 'agriculture', 'justice', 'statistics'],
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯晨欣怡雪梅琳婷';

/** An invented two- or three-character name, the same for the same n. */
export function inventedName(n: number): string {
  const surname = SURNAMES.charAt(n % SURNAMES.length);
  const first = GIVEN.charAt(Math.floor(n / SURNAMES.length) % GIVEN.length);
  const second = n % 3 === 0 ? '' : GIVEN.charAt((n * 7 + 3) % GIVEN.length);
  return `${surname}${first}${second}`;
}

/** A unit of the invented district, with whether it is the 营商局. */
export interface BenchUnit extends Unit {
  isBureau: boolean;
}

export interface BenchDirectory {
  units: readonly BenchUnit[];
  people: readonly Person[];
}

/** A deterministic version-4-shaped uuid: the directory is the same on every run. */
const personId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The bureau's people: intake operators, sorters, reviewers and supervisors (the leader among them). */
const BUREAU_STAFF: readonly { duty: UnitDuty; roles: BureauRole[] }[] = [
  { duty: 'leader', roles: ['supervisor'] },
  { duty: 'handler', roles: ['supervisor'] },
  { duty: 'handler', roles: ['intake'] },
  { duty: 'handler', roles: ['intake'] },
  { duty: 'handler', roles: ['intake'] },
  { duty: 'handler', roles: ['sorter'] },
  { duty: 'handler', roles: ['sorter'] },
  { duty: 'handler', roles: ['sorter'] },
  { duty: 'handler', roles: ['reviewer'] },
  { duty: 'handler', roles: ['reviewer'] },
  { duty: 'handler', roles: ['reviewer'] },
];

/** The invented district: 40 units and 167 people. */
export function benchDirectory(): BenchDirectory {
  const units: BenchUnit[] = [
    { code: BENCH_BUREAU, name: '区营商环境建设局', kind: 'department', active: true, isBureau: true },
    ...DEPARTMENTS.map(([code, name]): BenchUnit => ({ code, name, kind: 'department', active: true, isBureau: false })),
    ...STREETS.map(([code, name]): BenchUnit => ({ code, name, kind: 'street', active: true, isBureau: false })),
    ...ZONES.map(([code, name]): BenchUnit => ({ code, name, kind: 'zone', active: true, isBureau: false })),
  ];
  const people: Person[] = [];
  const add = (unitCode: string, duty: UnitDuty, bureauRoles: BureauRole[]) => {
    const n = people.length + 1;
    people.push({
      id: personId(n),
      name: inventedName(n * 13),
      unitCode,
      duty,
      bureauRoles,
      email: `staff-${String(n).padStart(3, '0')}@district.example`,
      phone: null,
      active: true,
    });
  };
  for (const { duty, roles } of BUREAU_STAFF) add(BENCH_BUREAU, duty, roles);
  for (const unit of units) {
    if (unit.isBureau) continue;
    add(unit.code, 'leader', []);
    for (let i = 0; i < 3; i++) add(unit.code, 'handler', []);
  }
  return { units, people };
}

/** A person as the lifecycle sees them acting. */
export type StaffActor = Extract<ComplaintActor, { kind: 'staff' }>;

export function actorOf(person: Person): StaffActor {
  return {
    kind: 'staff',
    personId: person.id,
    name: person.name,
    unitCode: person.unitCode,
    duty: person.duty,
    bureauRoles: person.bureauRoles,
  };
}
