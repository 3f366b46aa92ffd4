import { describe, expect, it } from 'vitest';
import { SoundBlockedError } from '../../../../renderer/ui/speech/speaker';
import { voiceChooser, type VoiceMode } from '../../../../renderer/ui/speech/voice-chooser';
import type { SpeechLanguage } from '../../../../renderer/ui/speech/voice-pick';
import { AudioStub, installSpeechStub, type UtteranceEnd } from '../../support/fake-speech';

const ZH = { lang: 'zh-CN', name: '普通话' };
const EN = { lang: 'en-GB', name: 'British' };

/** A chooser over stubbed voices and an audio element; utterances are plain sentences. */
function setup(
  o: {
    voices?: { lang: string; name: string }[];
    end?: UtteranceEnd;
    mode?: VoiceMode;
    language?: SpeechLanguage;
    volume?: number;
    hostSpeech?: boolean;
  } = {},
) {
  const { spoken } = installSpeechStub(o.voices ?? [], o.end);
  const audio = new AudioStub();
  const choose = voiceChooser<string>({
    mode: () => o.mode ?? 'browser',
    hostSpeech: () => o.hostSpeech ?? true,
    audio: () => audio.asElement(),
    language: () => o.language ?? 'zh',
    volume: () => o.volume ?? 1,
    rate: 0.9,
    form: { text: (s) => s, hostUrl: (s) => `/host/${encodeURIComponent(s)}` },
  });
  return { spoken, audio, choose };
}

describe('choosing who speaks (the hall display and the kiosk alike)', () => {
  it('the browser’s voice for the language speaks first, at the set volume; the host stays quiet', async () => {
    const { spoken, audio, choose } = setup({ voices: [EN, ZH], volume: 0.4 });
    await (await choose())?.say('请取回您的身份证。');
    expect(spoken.map((u) => [u.text, u.voice?.lang, u.volume, u.rate])).toEqual([['请取回您的身份证。', 'zh-CN', 0.4, 0.9]]);
    expect(audio.played).toEqual([]);
  });

  it('without a browser voice for the language, the host’s audio plays it, at the set volume', async () => {
    const { spoken, audio, choose } = setup({ voices: [EN], volume: 0.25 });
    await (await choose())?.say('请取回您的身份证。');
    expect(spoken).toEqual([]);
    expect(audio.played).toEqual([{ src: `/host/${encodeURIComponent('请取回您的身份证。')}`, volume: 0.25 }]);
  });

  it('English is said by an English voice, never by the Chinese one', async () => {
    const withEnglish = setup({ voices: [ZH, EN], language: 'en' });
    await (await withEnglish.choose())?.say('Please take your ID card.');
    expect(withEnglish.spoken.map((u) => u.voice?.lang)).toEqual(['en-GB']);
    const chineseOnly = setup({ voices: [ZH], language: 'en' });
    await (await chineseOnly.choose())?.say('Please take your ID card.');
    expect(chineseOnly.spoken).toEqual([]);
    expect(chineseOnly.audio.played.length).toBe(1);
  });

  it('a browser voice that fails hands the sentence to the host’s audio', async () => {
    const { spoken, audio, choose } = setup({ voices: [ZH], end: 'synthesis-failed' });
    await (await choose())?.say('请选择要办理的业务。');
    expect(spoken.length).toBe(1);
    expect(audio.played.length).toBe(1);
  });

  it('blocked sound (no touch yet) is reported, not handed to the host (it would be blocked too)', async () => {
    const { audio, choose } = setup({ voices: [ZH], end: 'not-allowed' });
    await expect((await choose())?.say('请选择要办理的业务。')).rejects.toBeInstanceOf(SoundBlockedError);
    expect(audio.played).toEqual([]);
  });

  it('`host` mode plays the host’s audio even with a browser voice; without host speech the browser speaks', async () => {
    const host = setup({ voices: [ZH], mode: 'host' });
    await (await host.choose())?.say('请');
    expect([host.audio.played.length, host.spoken.length]).toEqual([1, 0]);
    const noHost = setup({ voices: [ZH], mode: 'host', hostSpeech: false });
    await (await noHost.choose())?.say('请');
    expect([noHost.audio.played.length, noHost.spoken.length]).toEqual([0, 1]);
  });

  it('nobody speaks when the voice is off, or the volume is 0 (a quiet hall)', async () => {
    expect(await setup({ voices: [ZH], mode: 'off' }).choose()).toBeNull();
    expect(await setup({ voices: [ZH], volume: 0 }).choose()).toBeNull();
    expect(await setup({ voices: [], volume: 0 }).choose()).toBeNull();
  });
});
