import { describe, expect, it } from 'vitest';
import { pickChineseVoice } from '../../../renderer/display/voice-pick';

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
