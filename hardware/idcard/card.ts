/**
 * Parses the 256-byte text block (plus the photo) of a card read into an
 * `IdCard`. Never throws: every problem is a typed `CardParseError`.
 */
import type { CardParseError, CardParseResult, IdCard } from './card-types';
import { parseCardDate, parseValidTo } from './card-date';
import type { Gender } from './gender-codes';
import { genderFromCode } from './gender-codes';
import { validateIdNumber } from './id-number';
import {
  FOREIGN2017_LAYOUT,
  FOREIGN2023_LAYOUT,
  HMT_LAYOUT,
  MARKER_OFFSET,
  MARKERS,
  RESIDENT_LAYOUT,
  TEXT_SIZE,
} from './layouts';
import { nationFromCode } from './nation-codes';
import type { WltPhoto } from './photo';
import { readField, readRawField } from './ucs2';

/** Internal short-circuit: thrown only inside this module and always caught by `parseIdCard`. */
class Fail {
  constructor(readonly error: CardParseError) {}
}

function fail(error: CardParseError): never {
  throw new Fail(error);
}

type Reader = (range: readonly [number, number]) => string;

function required(read: Reader, range: readonly [number, number], field: string): string {
  const value = read(range);
  return value === '' ? fail({ kind: 'missing-field', field }) : value;
}

function gender(read: Reader, range: readonly [number, number]): Gender {
  const code = read(range);
  return genderFromCode(code) ?? fail({ kind: 'bad-gender', code });
}

function dates(
  read: Reader,
  layout: { birth: readonly [number, number]; validFrom: readonly [number, number]; validTo: readonly [number, number] },
) {
  return {
    birthDate: parseCardDate(read(layout.birth)) ?? fail({ kind: 'bad-date', field: 'birthDate' }),
    validFrom: parseCardDate(read(layout.validFrom)) ?? fail({ kind: 'bad-date', field: 'validFrom' }),
    validTo: parseValidTo(read(layout.validTo)) ?? fail({ kind: 'bad-date', field: 'validTo' }),
  };
}

function checkedIdNumber(read: Reader, range: readonly [number, number], birthDate: string): string {
  const idNumber = required(read, range, 'idNumber');
  const check = validateIdNumber(idNumber, birthDate);
  return check.ok ? idNumber : fail({ kind: 'invalid-id-number', problem: check.problem });
}

function count(read: Reader, range: readonly [number, number], field: string): number {
  const raw = read(range);
  return /^\d+$/.test(raw) ? Number(raw) : fail({ kind: 'bad-number', field });
}

function hmtRegion(idNumber: string): 'hong-kong' | 'macau' | 'taiwan' | 'unknown' {
  switch (idNumber.slice(0, 2)) {
    case '81':
      return 'hong-kong';
    case '82':
      return 'macau';
    case '83':
      return 'taiwan';
    default:
      return 'unknown';
  }
}

function parseOrFail(text: Uint8Array, photo: WltPhoto): IdCard {
  if (text.length !== TEXT_SIZE) fail({ kind: 'text-length', length: text.length });
  const read: Reader = ([from, to]) => readField(text, from, to);
  const marker = (text[MARKER_OFFSET] ?? 0) | ((text[MARKER_OFFSET + 1] ?? 0) << 8);

  switch (marker) {
    case MARKERS.resident: {
      const L = RESIDENT_LAYOUT;
      const nationCode = read(L.nation);
      const d = dates(read, L);
      return {
        kind: 'resident',
        name: required(read, L.name, 'name'),
        gender: gender(read, L.gender),
        nation: nationFromCode(nationCode) ?? fail({ kind: 'bad-nation', code: nationCode }),
        ...d,
        address: read(L.address),
        idNumber: checkedIdNumber(read, L.idNumber, d.birthDate),
        issuer: read(L.issuer),
        photo,
      };
    }
    case MARKERS.hmt: {
      const L = HMT_LAYOUT;
      const d = dates(read, L);
      const idNumber = checkedIdNumber(read, L.idNumber, d.birthDate);
      return {
        kind: 'hmt',
        name: required(read, L.name, 'name'),
        gender: gender(read, L.gender),
        ...d,
        region: hmtRegion(idNumber),
        address: read(L.address),
        idNumber,
        issuer: read(L.issuer),
        passNumber: read(L.passNumber),
        issueCount: count(read, L.issueCount, 'issueCount'),
        photo,
      };
    }
    case MARKERS.foreign2017: {
      const L = FOREIGN2017_LAYOUT;
      const englishName = read(L.englishName);
      const chineseName = read(L.chineseName);
      if (englishName === '' && chineseName === '') fail({ kind: 'missing-field', field: 'name' });
      return {
        kind: 'foreign2017',
        name: chineseName || englishName,
        englishName,
        hasChineseName: chineseName !== '',
        gender: gender(read, L.gender),
        ...dates(read, L),
        // The 2017 card number (alpha-3 nationality + digits) has no public check scheme we trust.
        idNumber: required(read, L.cardNumber, 'idNumber'),
        nationality: read(L.nationality),
        cardVersion: read(L.version),
        authorityCode: read(L.authority),
        photo,
      };
    }
    case MARKERS.foreign2023: {
      const L = FOREIGN2023_LAYOUT;
      // The English name runs on from part 1 into part 2; join before trimming.
      const englishName = (
        readRawField(text, L.englishName1[0], L.englishName1[1]) + readRawField(text, L.englishName2[0], L.englishName2[1])
      ).trim();
      const chineseName = read(L.chineseName);
      if (englishName === '' && chineseName === '') fail({ kind: 'missing-field', field: 'name' });
      const d = dates(read, L);
      return {
        kind: 'foreign2023',
        name: chineseName || englishName,
        englishName,
        hasChineseName: chineseName !== '',
        gender: gender(read, L.gender),
        ...d,
        idNumber: checkedIdNumber(read, L.idNumber, d.birthDate),
        nationality: read(L.nationality),
        renewalCount: count(read, L.renewals, 'renewalCount'),
        photo,
      };
    }
    default:
      return fail({ kind: 'unknown-card-type', marker });
  }
}

export function parseIdCard(text: Uint8Array, photoBytes: Uint8Array): CardParseResult {
  try {
    return { ok: true, card: parseOrFail(text, { format: 'wlt', bytes: photoBytes }) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    // Only a bug in this module gets here; report it as data, keeping the promise not to throw.
    return { ok: false, error: { kind: 'bad-payload', reason: e instanceof Error ? e.message : 'unexpected' } };
  }
}
