import { CREDIT_CODE_CHARACTERS, creditCodeCheckCharacter } from '../../contracts/credit-code';
import type { ComplaintChannel, ComplaintTopic, NewComplaint } from '../../contracts/complaints';
import { inventedName, TOPIC_DEPARTMENTS, type BenchUnit } from './complaint-history-directory';
import type { Random } from './complaint-history-clock';

/**
 * What an enterprise files in the generated 营商诉求 history (complaint-history.ts): who (one of
 * ENTERPRISES invented enterprises, a few complaining often), by which channel, on which topic,
 * where, in what words, and the units a sorter would send it to. Every name, code and number is
 * invented; the credit codes carry a valid check character (GB 32100-2015), as the web form and
 * the duplicate rule require.
 */

export const ENTERPRISES = 12_000;

const PLACES = ['星河', '青山', '滨江', '南湖', '东升', '西苑', '北园', '金桥', '运河', '松林', '临港', '高新'];
const WORDS = ['华信', '恒泰', '启明', '博远', '瑞丰', '鼎盛', '嘉禾', '宏图', '新元', '晨光', '众合', '远航', '立信', '天成'];
const TRADES = ['科技', '商贸', '建设工程', '食品', '物流', '制造', '餐饮管理', '医疗器械', '新材料', '文化传媒'];

/** The `n`th invented enterprise: its name and its credit code. */
export function enterpriseOf(n: number): { name: string; creditCode: string } {
  const place = PLACES[n % PLACES.length] ?? '';
  const word = WORDS[Math.floor(n / PLACES.length) % WORDS.length] ?? '';
  const trade = TRADES[Math.floor(n / (PLACES.length * WORDS.length)) % TRADES.length] ?? '';
  const series = Math.floor(n / (PLACES.length * WORDS.length * TRADES.length));
  let id = '';
  for (let rest = n * 7919 + 104_729, i = 0; i < 9; i++, rest = Math.floor(rest / 31)) {
    id += CREDIT_CODE_CHARACTERS.charAt(rest % 31);
  }
  const first17 = `91990100${id}`;
  return {
    name: `${place}${word}${trade}${series === 0 ? '' : `第${series + 1}`}有限公司`,
    creditCode: `${first17}${creditCodeCheckCharacter(first17) ?? '0'}`,
  };
}

const TOPICS: readonly (readonly [ComplaintTopic, number])[] = [
  ['policy', 0.2],
  ['approval', 0.3],
  ['enforcement', 0.2],
  ['factors', 0.15],
  ['other', 0.15],
];

const WORKDAY_CHANNELS: readonly (readonly [ComplaintChannel, number])[] = [
  ['kiosk', 0.35],
  ['hotline', 0.3],
  ['web', 0.2],
  ['minxin', 0.15],
];
/** The hall and the hotline's operators rest on days off; the web form and 民心网 do not. */
const DAY_OFF_CHANNELS: readonly (readonly [ComplaintChannel, number])[] = [
  ['web', 0.6],
  ['minxin', 0.4],
];

function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  const last = choices.at(-1);
  if (last === undefined) throw new Error('no choice');
  return last[0];
}

const TEXTS: Readonly<Record<ComplaintTopic, readonly string[]>> = {
  policy: [
    '我公司申报的稳岗补贴至今未到账，咨询兑现时间和需补充的材料。',
    '想了解高新技术企业认定的最新奖励政策及申报条件。',
    '企业研发费用加计扣除政策的适用范围不清楚，希望有关部门给予解答。',
  ],
  approval: [
    '施工许可审批超过承诺时限仍未办结，请督促办理。',
    '食品经营许可证变更提交材料后一直显示审核中，影响正常经营。',
    '不动产登记窗口要求重复提交已提供的材料，希望一次告知清楚。',
  ],
  enforcement: [
    '同一事项一个月内被不同部门重复检查三次，影响企业正常生产。',
    '门头招牌整改标准前后不一致，希望明确统一的要求。',
    '对行政处罚的自由裁量幅度有异议，申请说明依据。',
  ],
  factors: [
    '厂区用电报装申请提交两个月仍未接入，生产线无法投产。',
    '园区道路长期积水，货车无法通行，请协调修复。',
    '企业急需招聘技术工人，希望人社部门协助对接。',
  ],
  other: [
    '员工子女入学手续办理遇到困难，希望协调解决。',
    '周边施工噪音严重影响企业办公，请有关部门处理。',
    '希望在园区增设公交站点，方便员工通勤。',
  ],
};

export interface Filing {
  filed: NewComplaint;
  enterprise: number;
  /** Where a sorter sends it: a lead unit and its co-units (联办). */
  lead: string;
  coUnits: string[];
  /** Another lead, when the first declines it. */
  redispatchTo: string | null;
}

/** A new complaint of an enterprise on a channel, and its units. */
export function fileComplaint(
  random: Random,
  channel: ComplaintChannel,
  areas: readonly BenchUnit[],
  minxinRef: () => string,
  repeat: { enterprise: number; topic: ComplaintTopic; text: string } | null,
): Filing {
  // Some enterprises complain far more often than others.
  const enterprise = repeat?.enterprise ?? Math.floor(ENTERPRISES * random() ** 2);
  const { name, creditCode } = enterpriseOf(enterprise);
  const topic = repeat?.topic ?? weighted(random, TOPICS);
  const area = channel === 'kiosk' || random() < 0.25 ? null : (areas[Math.floor(random() * areas.length)] ?? null);
  const texts = TEXTS[topic];
  const text = repeat === null ? (texts[Math.floor(random() * texts.length)] ?? '') : `再次反映：${repeat.text}`;
  const place = area === null ? '' : `（${area.name}）`;
  const filed: NewComplaint = {
    channel,
    externalRef: channel === 'minxin' ? minxinRef() : null,
    // The kiosk's form asks no credit code; the web form requires one; operators get most.
    enterprise: { name, creditCode: channel === 'kiosk' || (channel !== 'web' && random() < 0.2) ? null : creditCode },
    contact: {
      name: inventedName(Math.floor(random() * 100_000)),
      phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    },
    topic,
    area: area?.code ?? null,
    text: repeat === null ? `${text}${place}` : text,
    attachments: [],
  };
  const departments = TOPIC_DEPARTMENTS[topic];
  const department = (): string => departments[Math.floor(random() * departments.length)] ?? 'market-regulation';
  // 属地管理: a third of the matters with an area go to its street or zone.
  const lead = area !== null && random() < 0.3 ? area.code : department();
  const coUnits: string[] = [];
  if (random() < 0.18) {
    const wanted = random() < 0.8 ? 1 : 2;
    for (let i = 0; i < 10 && coUnits.length < wanted; i++) {
      const unit = area !== null && random() < 0.4 ? area.code : department();
      if (unit !== lead && !coUnits.includes(unit)) coUnits.push(unit);
    }
  }
  let redispatchTo: string | null = null;
  if (random() < 0.04) {
    const other = department();
    redispatchTo = other === lead ? (departments.find((d) => d !== lead) ?? null) : other;
  }
  return { filed, enterprise, lead, coUnits, redispatchTo };
}

/** The channel of a complaint filed on a working day or a day off. */
export function channelOf(random: Random, workday: boolean): ComplaintChannel {
  return weighted(random, workday ? WORKDAY_CHANNELS : DAY_OFF_CHANNELS);
}
