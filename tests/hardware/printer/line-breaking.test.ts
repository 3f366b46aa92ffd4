import { describe, expect, it } from 'vitest';
import { encodeTicket } from '../../../hardware/printer/layouts';
import { mayNotEndLine, mayNotStartLine } from '../../../hardware/printer/line-breaking';
import { decodeEscPos } from '../../../hardware/printer/preview';
import { displayWidth, encodeGb18030, wrapText } from '../../../hardware/printer/text';
import { typicalTicket } from './fixtures';

/** A wrapped paragraph's lines, checked against the paper and the rules, for a readable failure. */
function breaks(text: string, columns: number): string[] {
  const lines = wrapText(text, columns);
  for (const line of lines) expect(displayWidth(line), `"${line}" is wider than ${columns}`).toBeLessThanOrEqual(columns);
  // Nothing is lost but the spaces a break swallows.
  expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  return lines;
}

describe('Chinese line breaking (禁则) in the printer layout', () => {
  it('never starts a line with a closing 。: the character it closes goes down with it', () => {
    // 16 columns hold eight characters: the stop would be the ninth, alone at the start of line 2.
    expect(breaks('请留意叫号和语音。过号请到服务台', 16)).toEqual(['请留意叫号和语', '音。过号请到服务', '台']);
  });

  it.each([...'，。、；：？！）》」』】〕〉…'])('keeps %s off the start of a line', (mark) => {
    const lines = breaks(`一二三四五六七八${mark}九十`, 16);
    for (const line of lines.slice(1)) expect(mayNotStartLine(line[0] ?? ''), line).toBe(false);
    expect(lines[0]).toBe('一二三四五六七');
  });

  it.each([...'（《「『【〔〈'])('keeps %s off the end of a line', (mark) => {
    const lines = breaks(`一二三四五六七${mark}八九十`, 16);
    for (const line of lines) expect(mayNotEndLine(line.at(-1) ?? ''), line).toBe(false);
    expect(lines[1]?.startsWith(mark)).toBe(true);
  });

  it('keeps a closing bracket and the stop after it together with their word', () => {
    expect(breaks('办理营业执照（一次办结）。请取号', 24)).toEqual(['办理营业执照（一次办', '结）。请取号']);
  });

  it('never splits …… or ——', () => {
    const ellipsis = breaks('一二三四五六七……八九', 16);
    expect(ellipsis).toEqual(['一二三四五六', '七……八九']);
    expect(breaks('一二三四五六七——八九', 16)).toEqual(['一二三四五六七', '——八九']);
  });

  it('keeps small kana and the prolonged sound mark off the start of a line (a Japanese name on a form)', () => {
    const lines = breaks('申请人スズキ・キョウコさん', 12);
    for (const line of lines.slice(1)) expect(mayNotStartLine(line[0] ?? ''), line).toBe(false);
  });

  it('mixes half-width and full-width text: an ASCII word stays whole, a half-width stop stays with it', () => {
    // Half-width: one column each; full-width (Ａ, ０, ，): two, as the printer prints them in Chinese mode.
    expect(displayWidth('A0,')).toBe(3);
    expect(displayWidth('Ａ０，')).toBe(6);
    expect(breaks('窗口 A023, 请到 3 号窗口', 10)).toEqual(['窗口 A023,', '请到 3 号', '窗口']);
    expect(breaks('请到服务台重新取!谢谢', 16)).toEqual(['请到服务台重新', '取!谢谢']);
    expect(breaks('请到服务台（A023）取号', 13)).toEqual(['请到服务台', '（A023）取号']);
    expect(breaks('全角ＡＢＣＤ。半角', 12)).toEqual(['全角ＡＢＣ', 'Ｄ。半角']);
    // A word longer than the line is cut where it must be (running off the paper is worse).
    expect(breaks('https://hall.example.gov.cn/ticket/1', 16)).toEqual(['https://hall.exa', 'mple.gov.cn/tick', 'et/1']);
  });

  it('counts every GB18030 multi-byte character as two columns, four-byte ones included', () => {
    for (const [char, bytes] of [
      ['中', 2],
      ['，', 2],
      ['€', 2],
      ['ｱ', 4], // half-width katakana: four bytes in GB18030, printed full-width
      ['𠮷', 4], // outside the BMP: one character, not two UTF-16 units
    ] as const) {
      expect(encodeGb18030(char).length, char).toBe(bytes);
      expect(displayWidth(char), char).toBe(2);
    }
    expect(displayWidth('𠮷野家')).toBe(6);
    expect(breaks('𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷。', 16)).toEqual(['𠮷𠮷𠮷𠮷𠮷𠮷𠮷', '𠮷。']);
  });

  it('cuts a row of stops where it must: no allowed break is no reason to overflow the paper', () => {
    expect(breaks('。。。。。。。。。。', 8)).toEqual(['。。。。', '。。。。', '。。']);
  });

  it('holds the rules on random mixed text at every paper width', () => {
    // Words (a CJK character, a full-width letter, a four-byte one, a short ASCII word) each
    // followed by at most one mark, so that every line has somewhere it may end.
    const words = ['中', '文', '号', '窗', 'Ａ', 'ｱ', '𠮷', '号A023', '办ok', '于12:30', '中 ', '办理'];
    const marks = [...'，。、；：？！）》」』】〕〉…', ...'（《「『【〔〈', ',', '.', '', '', ''];
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[Math.floor((seed / 2 ** 31) * list.length)] as T;
    };
    for (let round = 0; round < 300; round++) {
      const length = 1 + Math.floor(Math.abs(Math.sin(round)) * 30);
      const text = Array.from({ length }, () => {
        const mark = pick(marks);
        // An opening mark comes before its word, a closing one after it.
        return mayNotEndLine(mark) ? `${mark}${pick(words)}` : `${pick(words)}${mark}`;
      }).join('');
      for (const columns of [16, 24, 32, 48]) {
        const lines = breaks(text, columns);
        lines.forEach((line, i) => {
          if (i > 0) expect(mayNotStartLine(line[0] ?? ''), `${JSON.stringify(lines)} line ${i}`).toBe(false);
          if (i < lines.length - 1) expect(mayNotEndLine(line.at(-1) ?? ''), `${JSON.stringify(lines)} line ${i}`).toBe(false);
        });
      }
    }
  });

  it('prints the ticket note without a line starting with 。', () => {
    const note = '请留意叫号屏幕和语音提示。过号后可重新排队 2 次，之后请到服务台重新取号。本票不含个人信息。';
    for (const width of [58, 80] as const) {
      const lines = decodeEscPos(encodeTicket({ ...typicalTicket, note }, { width })).lines.map((l) => l.text);
      for (const line of lines) expect(mayNotStartLine(line[0] ?? ''), line).toBe(false);
    }
  });
});
