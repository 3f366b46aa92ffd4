/** What a card read yields: one shape per card family, told apart by `kind`. */
import type { CardKind } from '../../contracts/identity';
import type { IsoDate, LONG_TERM } from './card-date';
import type { Gender } from './gender-codes';
import type { IdNumberProblem } from './id-number';
import type { Nation } from './nation-codes';
import type { WltPhoto } from './photo';

/** The families are the contract's: the host, the simulator list and the renderer name the same four. */
export type IdCardKind = CardKind;

interface IdCardCommon {
  /** Chinese name; foreigner cards without one fall back to the English name. */
  name: string;
  gender: Gender;
  birthDate: IsoDate;
  /** The number that identifies the holder: ID number, permit number or card number. */
  idNumber: string;
  validFrom: IsoDate;
  validTo: IsoDate | typeof LONG_TERM;
  photo: WltPhoto;
}

/** 居民身份证 (marker: space). */
export interface ResidentIdCard extends IdCardCommon {
  kind: 'resident';
  nation: Nation;
  address: string;
  issuer: string;
}

/** 港澳台居民居住证 (marker `J`). */
export interface HmtResidencePermit extends IdCardCommon {
  kind: 'hmt';
  /** From the first two digits of the permit number: 81 Hong Kong, 82 Macau, 83 Taiwan. */
  region: 'hong-kong' | 'macau' | 'taiwan' | 'unknown';
  address: string;
  issuer: string;
  /** 通行证号码: the holder's travel permit to the mainland. */
  passNumber: string;
  issueCount: number;
}

/** 外国人永久居留身份证, 2017 edition (marker `I`); `idNumber` is the 15-character card number. */
export interface Foreign2017Card extends IdCardCommon {
  kind: 'foreign2017';
  englishName: string;
  /** True when the card carries a Chinese name (then `name` is it). */
  hasChineseName: boolean;
  /** GB/T 2659 alpha-3 code, e.g. USA. */
  nationality: string;
  cardVersion: string;
  /** Code of the authority that accepted the application. */
  authorityCode: string;
}

/** 外国人永久居留身份证, 2023 edition (marker `Y`); `idNumber` follows GB 11643 and starts with 9. */
export interface Foreign2023Card extends IdCardCommon {
  kind: 'foreign2023';
  englishName: string;
  hasChineseName: boolean;
  /** Numeric country code as stored (one public source only for this layout). */
  nationality: string;
  renewalCount: number;
}

export type IdCard = ResidentIdCard | HmtResidencePermit | Foreign2017Card | Foreign2023Card;

type KindWithAddress = Extract<IdCard, { address: string }>['kind'];

/**
 * Whether a family's chip carries a residence address, typed against the card shapes above so a
 * new family cannot be left out or answered wrongly. The host reports the kinds with an address
 * on `/health`; the kiosk's form asks that instead of knowing it (零填表 fills the address from
 * these cards only, a foreigner types it).
 */
const CARRIES_ADDRESS: { readonly [K in IdCardKind]: K extends KindWithAddress ? true : false } = {
  resident: true,
  hmt: true,
  foreign2017: false,
  foreign2023: false,
};

export const CARD_KINDS_WITH_ADDRESS: readonly IdCardKind[] = Object.entries(CARRIES_ADDRESS)
  .filter(([, carries]) => carries)
  .map(([kind]) => kind as IdCardKind);

/**
 * Why a text block did not parse. Values that are personal data (names,
 * numbers, dates) are deliberately left out so errors can be logged.
 */
export type CardParseError =
  | { kind: 'text-length'; length: number }
  | { kind: 'unknown-card-type'; marker: number }
  | { kind: 'missing-field'; field: string }
  | { kind: 'bad-gender'; code: string }
  | { kind: 'bad-nation'; code: string }
  | { kind: 'bad-date'; field: 'birthDate' | 'validFrom' | 'validTo' }
  | { kind: 'bad-number'; field: string }
  | { kind: 'invalid-id-number'; problem: IdNumberProblem }
  | { kind: 'bad-payload'; reason: string };

export type CardParseResult = { ok: true; card: IdCard } | { ok: false; error: CardParseError };
