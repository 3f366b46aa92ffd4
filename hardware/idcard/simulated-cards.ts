/**
 * Invented cards for the simulator, tests and demos, and the builder that
 * lays them out as the 256-byte UCS-2LE text a SAM returns. Every person,
 * address and number here is made up; ID numbers carry valid GB 11643 check
 * characters so they pass the same validation as real cards.
 */
import {
  FOREIGN2017_LAYOUT,
  FOREIGN2023_LAYOUT,
  HMT_LAYOUT,
  MARKER_OFFSET,
  MARKERS,
  RESIDENT_LAYOUT,
  TEXT_SIZE,
} from './layouts';
import { blankText, writeField } from './ucs2';

/** Field values exactly as the card stores them (dates as YYYYMMDD, codes as digits). */
interface SimulatedCardBase {
  /** Raw WLT photo; defaults to `placeholderPhoto()`. */
  photo?: Uint8Array;
  /** Raw fingerprint data for `30 10`; none when absent. */
  fingerprint?: Uint8Array;
}

export interface SimulatedResidentCard extends SimulatedCardBase {
  kind: 'resident';
  name: string;
  gender: string;
  nation: string;
  birth: string;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: string;
  /** YYYYMMDD or 长期. */
  validTo: string;
}

export interface SimulatedHmtCard extends SimulatedCardBase {
  kind: 'hmt';
  name: string;
  gender: string;
  birth: string;
  address: string;
  idNumber: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  passNumber: string;
  issueCount: string;
}

export interface SimulatedForeign2017Card extends SimulatedCardBase {
  kind: 'foreign2017';
  englishName: string;
  gender: string;
  cardNumber: string;
  nationality: string;
  chineseName: string;
  validFrom: string;
  validTo: string;
  birth: string;
  version: string;
  authority: string;
}

export interface SimulatedForeign2023Card extends SimulatedCardBase {
  kind: 'foreign2023';
  chineseName: string;
  gender: string;
  renewals: string;
  birth: string;
  /** The whole English name; the builder splits it over the two name fields. */
  englishName: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
  nationality: string;
}

export type SimulatedCard = SimulatedResidentCard | SimulatedHmtCard | SimulatedForeign2017Card | SimulatedForeign2023Card;

/**
 * The start of every WLT photo in the fixtures (`57 4C 66 00 7E 00 …`). The
 * rest is zeros: it will not decode, which is fine for a simulator.
 */
export const WLT_PHOTO_HEADER: readonly number[] = [0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00, 0x32, 0x00, 0x00, 0xff, 0x85];
export const PHOTO_SIZE = 1024;

export function placeholderPhoto(): Uint8Array {
  const photo = new Uint8Array(PHOTO_SIZE);
  photo.set(WLT_PHOTO_HEADER, 0);
  return photo;
}

/** The 256-byte text block a SAM would return for this card. */
export function buildTextBlock(card: SimulatedCard): Uint8Array {
  const text = blankText(TEXT_SIZE);
  const put = (range: readonly [number, number], value: string) => writeField(text, range[0], range[1], value);
  switch (card.kind) {
    case 'resident': {
      const L = RESIDENT_LAYOUT;
      put(L.name, card.name);
      put(L.gender, card.gender);
      put(L.nation, card.nation);
      put(L.birth, card.birth);
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.issuer, card.issuer);
      put(L.validFrom, card.validFrom);
      put(L.validTo, card.validTo);
      break;
    }
    case 'hmt': {
      const L = HMT_LAYOUT;
      put(L.name, card.name);
      put(L.gender, card.gender);
      put(L.birth, card.birth);
      put(L.address, card.address);
      put(L.idNumber, card.idNumber);
      put(L.issuer, card.issuer);
      put(L.validFrom, card.validFrom);
      put(L.validTo, card.validTo);
      put(L.passNumber, card.passNumber);
      put(L.issueCount, card.issueCount);
      break;
    }
    case 'foreign2017': {
      const L = FOREIGN2017_LAYOUT;
      put(L.englishName, card.englishName);
      put(L.gender, card.gender);
      put(L.cardNumber, card.cardNumber);
      put(L.nationality, card.nationality);
      put(L.chineseName, card.chineseName);
      put(L.validFrom, card.validFrom);
      put(L.validTo, card.validTo);
      put(L.birth, card.birth);
      put(L.version, card.version);
      put(L.authority, card.authority);
      break;
    }
    case 'foreign2023': {
      const L = FOREIGN2023_LAYOUT;
      const part1Chars = (L.englishName1[1] - L.englishName1[0]) / 2;
      put(L.chineseName, card.chineseName);
      put(L.gender, card.gender);
      put(L.renewals, card.renewals);
      put(L.birth, card.birth);
      put(L.englishName1, card.englishName.slice(0, part1Chars));
      put(L.englishName2, card.englishName.slice(part1Chars));
      put(L.idNumber, card.idNumber);
      put(L.validFrom, card.validFrom);
      put(L.validTo, card.validTo);
      put(L.nationality, card.nationality);
      break;
    }
  }
  writeField(text, MARKER_OFFSET, MARKER_OFFSET + 2, String.fromCharCode(MARKERS[card.kind]));
  return text;
}

export const simulatedCards = {
  /** Adult resident, the everyday case. */
  zhangSan: {
    kind: 'resident',
    name: '张三',
    gender: '1',
    nation: '01',
    birth: '19850315',
    address: '示例省示例市和平区幸福路100号',
    idNumber: '110105198503150019',
    issuer: '示例市公安局和平分局',
    validFrom: '20150601',
    validTo: '20350601',
  },
  /** Resident of another nation code (回族). */
  liXiaohong: {
    kind: 'resident',
    name: '李小红',
    gender: '2',
    nation: '03',
    birth: '19920708',
    address: '示例省示例市青山区长江路8号3栋201室',
    idNumber: '310104199207080023',
    issuer: '示例市公安局青山分局',
    validFrom: '20180708',
    validTo: '20380708',
  },
  /** Elder (born 1950) with a long-term card: for 长辈版 and priority-queue tests. */
  elderWangJianguo: {
    kind: 'resident',
    name: '王建国',
    gender: '1',
    nation: '01',
    birth: '19500101',
    address: '示例省示例市东湖区桂花巷12号',
    idNumber: '420106195001010038',
    issuer: '示例市公安局东湖分局',
    validFrom: '20100315',
    validTo: '长期',
  },
  /** Born on a leap day (date parsing), 壮族. */
  zhaoXiaoman: {
    kind: 'resident',
    name: '赵小满',
    gender: '2',
    nation: '08',
    birth: '20000229',
    address: '示例省示例市南山区学府路5号',
    idNumber: '440305200002290045',
    issuer: '示例市公安局南山分局',
    validFrom: '20180301',
    validTo: '20280301',
  },
  /** Hong Kong resident's residence permit. */
  hkChenDawen: {
    kind: 'hmt',
    name: '陈大文',
    gender: '1',
    birth: '19880808',
    address: '示例省示例市和平区海景路66号',
    idNumber: '810000198808080013',
    issuer: '示例市公安局和平分局',
    validFrom: '20210101',
    validTo: '20260101',
    passNumber: 'H00001234',
    issueCount: '01',
  },
  /** Taiwan resident's residence permit. */
  twLinMeiling: {
    kind: 'hmt',
    name: '林美玲',
    gender: '2',
    birth: '19910214',
    address: '示例省示例市青山区茶园路9号',
    idNumber: '830000199102140027',
    issuer: '示例市公安局青山分局',
    validFrom: '20220501',
    validTo: '20270501',
    passNumber: '00012345',
    issueCount: '02',
  },
  /** Foreigner's permanent residence card, 2017 edition. */
  foreignSample2017: {
    kind: 'foreign2017',
    englishName: 'SAMPLE, JOHN EXAMPLE',
    gender: '1',
    cardNumber: 'CAN310080020201',
    nationality: 'CAN',
    chineseName: '约翰',
    validFrom: '20190101',
    validTo: '20290101',
    birth: '19800202',
    version: '01',
    authority: '3100',
  },
  /** Foreigner's permanent residence card, 2023 edition, with an English name long enough to spill into part 2. */
  foreignSample2023: {
    kind: 'foreign2023',
    chineseName: '马明',
    gender: '1',
    renewals: '00',
    birth: '19750612',
    englishName: 'MUSTERFRAU-EXAMPLE MAXIMILIAN ALEXANDER',
    idNumber: '911276197506120014',
    validFrom: '20240101',
    validTo: '20340101',
    nationality: '276',
  },
} as const satisfies Record<string, SimulatedCard>;

export type SimulatedCardName = keyof typeof simulatedCards;
