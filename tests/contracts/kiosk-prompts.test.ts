import { describe, expect, it } from 'vitest';
import {
  KioskPrompt,
  KioskPromptKey,
  KioskPromptSpeechQuery,
  kioskPromptText,
  promptLanguage,
  type KioskPrompt as Prompt,
} from '../../contracts/kiosk-prompts';

/** A valid prompt of every key, with the parameter it needs. */
const EVERY_PROMPT: Prompt[] = KioskPromptKey.options.map((key) => {
  if (key === 'themeItems') return { key, theme: 'medical-insurance' };
  if (key === 'progressStatus') return { key, status: 'needs_materials' };
  if (key === 'checkinProblem') return { key, problem: 'appointment_expired' };
  if (key === 'stewardProblem') return { key, problem: 'slot_full' };
  if (['ticketTaken', 'checkinDone', 'checkinAgain', 'stewardDone'].includes(key)) return { key, number: 'A012' };
  return { key };
});

describe('the kiosk’s spoken prompts (语音引导)', () => {
  it('has a Chinese and an English sentence for every prompt, each one different', () => {
    const zh = EVERY_PROMPT.map((p) => kioskPromptText(p, 'zh'));
    const en = EVERY_PROMPT.map((p) => kioskPromptText(p, 'en'));
    for (const sentence of zh) expect(sentence).toMatch(/\p{Script=Han}/u);
    for (const sentence of en) expect(sentence).not.toMatch(/\p{Script=Han}/u);
    expect(new Set(zh).size).toBe(zh.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('says a ticket number as the hall does: A零一二 in Chinese, letter by letter in English', () => {
    expect(kioskPromptText({ key: 'ticketTaken', number: 'A012' }, 'zh')).toBe('您的号码是A零一二，请取走小票，留意叫号。');
    expect(kioskPromptText({ key: 'stewardDone', number: 'G0105' }, 'en')).toContain('Your steward number is G 0 1 0 5.');
  });

  it('says a theme and a status in words', () => {
    expect(kioskPromptText({ key: 'themeItems', theme: 'medical-insurance' }, 'zh')).toBe('医疗保障：请选择要办理的事项。');
    expect(kioskPromptText({ key: 'progressStatus', status: 'in_progress' }, 'en')).toBe(
      'Result: In progress. The details are on the screen.',
    );
  });

  it('says what went wrong with a check-in or a steward request, without its date or time, and points to the screen', () => {
    expect(kioskPromptText({ key: 'checkinProblem', problem: 'appointment_expired' }, 'zh')).toBe(
      '预约时段已过，预约已失效。请看屏幕上的说明。',
    );
    expect(kioskPromptText({ key: 'stewardProblem', problem: 'slot_full' }, 'en')).toBe(
      'Steward numbers for this time slot have all been given out. Please read the screen.',
    );
    // Each flow's own problems only.
    expect(KioskPrompt.safeParse({ key: 'stewardProblem', problem: 'appointment_expired' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'checkinProblem', problem: 'slot_full' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'checkinProblem', problem: '张三' }).success).toBe(false);
  });

  it('takes exactly the parameter a prompt needs: none missing, none extra, and never text', () => {
    expect(KioskPrompt.safeParse({ key: 'ticketTaken' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'home', number: 'A012' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'themeItems', theme: 'medical-insurance', status: 'accepted' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'home', text: '张三，您好' }).success).toBe(false);
    expect(() => kioskPromptText({ key: 'ticketTaken' }, 'zh')).toThrow();
  });

  it('refuses personal data wherever a parameter goes: a number is a ticket number, a theme and a status are from their lists', () => {
    for (const number of ['张三', '110105194912310029', '13800138000', 'A01', 'a012'])
      expect(KioskPrompt.safeParse({ key: 'ticketTaken', number }).success, number).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'themeItems', theme: '北京市朝阳区' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: 'progressStatus', status: '张三的办件' }).success).toBe(false);
    expect(KioskPrompt.safeParse({ key: '请张三到一号窗口' }).success).toBe(false);
  });

  it('the speech route’s query is a prompt and a language, nothing more', () => {
    expect(KioskPromptSpeechQuery.safeParse({ key: 'home', lang: 'zh' }).success).toBe(true);
    expect(KioskPromptSpeechQuery.safeParse({ key: 'ticketTaken', number: 'A012', lang: 'en' }).success).toBe(true);
    expect(KioskPromptSpeechQuery.safeParse({ key: 'home' }).success).toBe(false);
    expect(KioskPromptSpeechQuery.safeParse({ key: 'home', lang: 'fr' }).success).toBe(false);
    expect(KioskPromptSpeechQuery.safeParse({ key: 'home', lang: 'zh', text: '大家好' }).success).toBe(false);
    expect(KioskPromptSpeechQuery.safeParse({ key: 'ticketTaken', lang: 'zh' }).success).toBe(false);
  });

  it('speaks English in English and Chinese otherwise', () => {
    expect(promptLanguage('en')).toBe('en');
    expect(promptLanguage('en-GB')).toBe('en');
    expect(promptLanguage('zh-CN')).toBe('zh');
  });
});
