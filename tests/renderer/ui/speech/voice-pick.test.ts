import { describe, expect, it } from 'vitest';
import { pickChineseVoice, pickEnglishVoice, pickVoice } from '../../../../renderer/ui/speech/voice-pick';

const voice = (lang: string, localService: boolean, name = lang) => ({ lang, localService, name });

describe('choosing the browser voice for a Chinese call', () => {
  it('prefers a mainland Mandarin voice on the machine over a network one (halls may be offline)', () => {
    const voices = [voice('en-US', true), voice('zh-CN', false, 'Google 普通话'), voice('zh-CN', true, 'local 普通话')];
    expect(pickChineseVoice(voices)?.name).toBe('local 普通话');
  });

  it('falls back to other Mandarin, then Taiwan, then any Chinese voice', () => {
    expect(pickChineseVoice([voice('zh-HK', true), voice('zh-TW', true), voice('cmn', true)])?.lang).toBe('cmn');
    expect(pickChineseVoice([voice('zh-HK', true), voice('zh_TW', true)])?.lang).toBe('zh_TW');
    expect(pickChineseVoice([voice('zh-HK', true), voice('en-GB', true)])?.lang).toBe('zh-HK');
  });

  it('finds none without a Chinese voice (the host renders the call instead)', () => {
    expect(pickChineseVoice([voice('en-US', true), voice('de-DE', true)])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
});

describe('choosing the browser voice for the kiosk’s English', () => {
  it('prefers British English on the machine, then any English; never a Chinese voice', () => {
    const voices = [
      voice('zh-CN', true),
      voice('en-US', true),
      voice('en-GB', false, 'network GB'),
      voice('en-GB', true, 'local GB'),
    ];
    expect(pickEnglishVoice(voices)?.name).toBe('local GB');
    expect(pickEnglishVoice([voice('zh-CN', true), voice('en_US', true)])?.lang).toBe('en_US');
    expect(pickEnglishVoice([voice('zh-CN', true), voice('fr-FR', true)])).toBeNull();
  });

  it('picks by the language being spoken', () => {
    const voices = [voice('zh-CN', true), voice('en-GB', true)];
    expect(pickVoice(voices, 'zh')?.lang).toBe('zh-CN');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-GB');
  });
});
