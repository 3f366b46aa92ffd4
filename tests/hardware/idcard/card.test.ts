import { describe, it, expect } from 'vitest';
import { parseIdCard } from '../../../hardware/idcard/card';
import type { CardParseResult, IdCard } from '../../../hardware/idcard/card-types';
import { FrameDecoder } from '../../../hardware/idcard/frame';
import { splitReadPayload } from '../../../hardware/idcard/payload';
import { buildTextBlock, placeholderPhoto, simulatedCards } from '../../../hardware/idcard/simulated-cards';
import type { SimulatedCard } from '../../../hardware/idcard/simulated-cards';
import { writeField } from '../../../hardware/idcard/ucs2';
import { loadFixture } from './fixtures';
import type { FixtureName } from './fixtures';

function fixtureText(name: FixtureName): { text: Uint8Array; photo: Uint8Array } {
  const [result] = new FrameDecoder().push(loadFixture(name));
  if (!result?.ok) throw new Error('fixture did not decode');
  const payload = splitReadPayload(result.frame.data, false);
  if (!payload.ok) throw new Error('fixture payload did not split');
  return payload.payload;
}

function parseFixture(name: FixtureName): IdCard {
  const { text, photo } = fixtureText(name);
  const result = parseIdCard(text, photo);
  if (!result.ok) throw new Error(`fixture did not parse: ${result.error.kind}`);
  return result.card;
}

const WLT_START = [0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00];

describe('parseIdCard on the fixtures', () => {
  it('resident.hex', () => {
    const card = parseFixture('resident');
    const { photo, ...fields } = card;
    expect(fields).toEqual({
      kind: 'resident',
      name: '测试甲',
      gender: { code: '2', label: '女', en: 'female' },
      nation: { code: '01', name: '汉族', cardLabel: '汉' },
      birthDate: '1949-12-31',
      address: '某省某市测试路1号',
      idNumber: '11010519491231002X',
      issuer: '某市公安局测试分局',
      validFrom: '2020-01-01',
      validTo: '2040-01-01',
    });
    expect(photo.format).toBe('wlt');
    expect(photo.bytes.length).toBe(1024);
    expect(Array.from(photo.bytes.subarray(0, 6))).toEqual(WLT_START);
  });

  it('hmt_J.hex', () => {
    const { photo: _photo, ...fields } = parseFixture('hmt_J');
    expect(fields).toEqual({
      kind: 'hmt',
      name: '测试乙',
      gender: { code: '1', label: '男', en: 'male' },
      birthDate: '1999-01-01',
      region: 'hong-kong',
      address: '某省某市测试路2号',
      idNumber: '810000199901010014',
      issuer: '某市公安局测试分局',
      validFrom: '2020-01-01',
      validTo: '2025-01-01',
      passNumber: 'H00000000',
      issueCount: 1,
    });
  });

  it('foreign2017_I.hex', () => {
    const { photo: _photo, ...fields } = parseFixture('foreign2017_I');
    expect(fields).toEqual({
      kind: 'foreign2017',
      name: '测试丙',
      englishName: 'TEST SAMPLE',
      hasChineseName: true,
      gender: { code: '1', label: '男', en: 'male' },
      idNumber: 'USA110090010100',
      nationality: 'USA',
      validFrom: '2020-01-01',
      validTo: '2030-01-01',
      birthDate: '1990-01-01',
      cardVersion: '01',
      authorityCode: '1100',
    });
  });

  it('foreign2023_Y.hex', () => {
    const { photo: _photo, ...fields } = parseFixture('foreign2023_Y');
    expect(fields).toEqual({
      kind: 'foreign2023',
      name: '测试丁',
      englishName: 'TEST SAMPLE',
      hasChineseName: true,
      gender: { code: '1', label: '男', en: 'male' },
      renewalCount: 0,
      birthDate: '1990-01-01',
      idNumber: '930840199001010010',
      validFrom: '2024-01-01',
      validTo: '2034-01-01',
      nationality: '840',
    });
  });
});

describe('buildTextBlock', () => {
  it('lays out a resident card byte for byte like the fixture', () => {
    const card: SimulatedCard = {
      kind: 'resident',
      name: '测试甲',
      gender: '2',
      nation: '01',
      birth: '19491231',
      address: '某省某市测试路1号',
      idNumber: '11010519491231002X',
      issuer: '某市公安局测试分局',
      validFrom: '20200101',
      validTo: '20400101',
    };
    const fixture = fixtureText('resident');
    expect(buildTextBlock(card)).toEqual(fixture.text);
    expect(placeholderPhoto()).toEqual(fixture.photo);
  });

  it.each(['hmt_J', 'foreign2017_I', 'foreign2023_Y'] as const)('round-trips the %s layout', (name) => {
    const { text } = fixtureText(name);
    const card = parseFixture(name);
    const rebuilt = toSimulated(card);
    expect(buildTextBlock(rebuilt)).toEqual(text);
  });

  it.each(Object.entries(simulatedCards))('simulated card %s parses and validates', (_name, card) => {
    const result = parseIdCard(buildTextBlock(card), placeholderPhoto());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.card.kind).toBe(card.kind);
  });

  it('splits a long foreign 2023 English name over both fields and joins it back', () => {
    const result = parseIdCard(buildTextBlock(simulatedCards.foreignSample2023), placeholderPhoto());
    expect(result.ok && result.card.kind === 'foreign2023' && result.card.englishName).toBe(
      'MUSTERFRAU-EXAMPLE MAXIMILIAN ALEXANDER',
    );
  });

  it('parses 长期 as long-term and names the elder’s birth date', () => {
    const result = parseIdCard(buildTextBlock(simulatedCards.elderWangJianguo), placeholderPhoto());
    expect(result.ok && result.card.validTo).toBe('long-term');
    expect(result.ok && result.card.birthDate).toBe('1950-01-01');
  });
});

/** Back from a parsed fixture card to simulator input (dates to YYYYMMDD). */
function toSimulated(card: IdCard): SimulatedCard {
  const raw = (iso: string) => (iso === 'long-term' ? '长期' : iso.replaceAll('-', ''));
  switch (card.kind) {
    case 'resident':
      return {
        kind: 'resident',
        name: card.name,
        gender: card.gender.code,
        nation: card.nation.code,
        birth: raw(card.birthDate),
        address: card.address,
        idNumber: card.idNumber,
        issuer: card.issuer,
        validFrom: raw(card.validFrom),
        validTo: raw(card.validTo),
      };
    case 'hmt':
      return {
        kind: 'hmt',
        name: card.name,
        gender: card.gender.code,
        birth: raw(card.birthDate),
        address: card.address,
        idNumber: card.idNumber,
        issuer: card.issuer,
        validFrom: raw(card.validFrom),
        validTo: raw(card.validTo),
        passNumber: card.passNumber,
        issueCount: String(card.issueCount).padStart(2, '0'),
      };
    case 'foreign2017':
      return {
        kind: 'foreign2017',
        englishName: card.englishName,
        gender: card.gender.code,
        cardNumber: card.idNumber,
        nationality: card.nationality,
        chineseName: card.hasChineseName ? card.name : '',
        validFrom: raw(card.validFrom),
        validTo: raw(card.validTo),
        birth: raw(card.birthDate),
        version: card.cardVersion,
        authority: card.authorityCode,
      };
    case 'foreign2023':
      return {
        kind: 'foreign2023',
        chineseName: card.hasChineseName ? card.name : '',
        gender: card.gender.code,
        renewals: String(card.renewalCount).padStart(2, '0'),
        birth: raw(card.birthDate),
        englishName: card.englishName,
        idNumber: card.idNumber,
        validFrom: raw(card.validFrom),
        validTo: raw(card.validTo),
        nationality: card.nationality,
      };
  }
}

describe('parseIdCard errors (typed, never thrown)', () => {
  const photo = placeholderPhoto();
  const base = () => buildTextBlock(simulatedCards.zhangSan);
  const errorOf = (result: CardParseResult) => (result.ok ? undefined : result.error);

  it('rejects a text block of the wrong size', () => {
    expect(errorOf(parseIdCard(new Uint8Array(100), photo))).toEqual({ kind: 'text-length', length: 100 });
  });

  it('rejects an unknown card type marker', () => {
    const text = base();
    writeField(text, 248, 250, 'Z');
    expect(errorOf(parseIdCard(text, photo))).toEqual({ kind: 'unknown-card-type', marker: 0x5a });
  });

  it('rejects an impossible birth date', () => {
    const text = base();
    writeField(text, 36, 52, '19850230');
    expect(errorOf(parseIdCard(text, photo))).toEqual({ kind: 'bad-date', field: 'birthDate' });
  });

  it('rejects a bad valid-to date', () => {
    const text = base();
    writeField(text, 204, 220, '2035XX01');
    expect(errorOf(parseIdCard(text, photo))).toEqual({ kind: 'bad-date', field: 'validTo' });
  });

  it('rejects an unknown gender code and nation code', () => {
    const g = base();
    writeField(g, 30, 32, '5');
    expect(errorOf(parseIdCard(g, photo))).toEqual({ kind: 'bad-gender', code: '5' });
    const n = base();
    writeField(n, 32, 36, '77');
    expect(errorOf(parseIdCard(n, photo))).toEqual({ kind: 'bad-nation', code: '77' });
  });

  it('rejects an ID number with a bad check digit or a birth mismatch', () => {
    const check = buildTextBlock({ ...simulatedCards.zhangSan, idNumber: '110105198503150018' });
    expect(errorOf(parseIdCard(check, photo))).toEqual({ kind: 'invalid-id-number', problem: 'check-digit' });
    const mismatch = buildTextBlock({ ...simulatedCards.zhangSan, birth: '19850316' });
    expect(errorOf(parseIdCard(mismatch, photo))).toEqual({ kind: 'invalid-id-number', problem: 'birth-mismatch' });
  });

  it('rejects a missing name', () => {
    expect(errorOf(parseIdCard(buildTextBlock({ ...simulatedCards.zhangSan, name: '' }), photo))).toEqual({
      kind: 'missing-field',
      field: 'name',
    });
  });

  it('never throws on random text blocks', () => {
    for (let seed = 1; seed < 200; seed++) {
      const text = new Uint8Array(256).map((_, i) => (seed * 31 + i * 17) & 0xff);
      text[248] = [0x20, 0x4a, 0x49, 0x59][seed % 4] ?? 0x20;
      text[249] = 0;
      expect(() => parseIdCard(text, photo)).not.toThrow();
    }
  });
});
