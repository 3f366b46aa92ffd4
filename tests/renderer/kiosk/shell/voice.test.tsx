import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useKioskVoice, type KioskVoiceOptions } from '../../../../renderer/kiosk/shell/voice';
import { AudioStub, installSpeechStub } from '../../support/fake-speech';

/** The kiosk's voice with stubbed browser voices and the host's <audio> element in place. */
function kioskVoice(options: KioskVoiceOptions, voices: { lang: string; name: string }[] = []) {
  const { spoken } = installSpeechStub(voices);
  const audio = new AudioStub();
  const hook = renderHook((props: KioskVoiceOptions) => useKioskVoice(props), { initialProps: options });
  hook.result.current.audioRef.current = audio.asElement();
  return { spoken, audio, hook };
}

describe('the kiosk’s voice', () => {
  it('without a browser voice (Electron on Linux) plays the host’s rendering of the prompt, at the hall’s volume', async () => {
    const { audio, hook } = kioskVoice({ muted: false, language: 'zh', volumePercent: 40 });
    hook.result.current.say({ key: 'ticketTaken', number: 'A012' });
    await waitFor(() => expect(audio.played.length).toBe(1));
    // The prompt by key: the host renders the sentence from its own table.
    expect(audio.played[0]).toEqual({ src: '/api/v1/kiosk/prompts/speech?key=ticketTaken&number=A012&lang=zh', volume: 0.4 });
  });

  it('with a browser voice says the prompt’s sentence in the visit’s language, at the hall’s volume', async () => {
    const { spoken, audio, hook } = kioskVoice({ muted: false, language: 'en', volumePercent: 70 }, [
      { lang: 'zh-CN', name: '普通话' },
      { lang: 'en-GB', name: 'British' },
    ]);
    hook.result.current.say({ key: 'takeCard' });
    await waitFor(() => expect(spoken.length).toBe(1));
    expect(spoken.map((u) => [u.text, u.voice?.lang, u.volume])).toEqual([['Please take your ID card.', 'en-GB', 0.7]]);
    expect(audio.played).toEqual([]);
  });

  it('the hall’s new volume applies to the next prompt', async () => {
    const { audio, hook } = kioskVoice({ muted: false, language: 'zh', volumePercent: 100 });
    hook.rerender({ muted: false, language: 'zh', volumePercent: 15 });
    hook.result.current.say({ key: 'home' });
    await waitFor(() => expect(audio.played.length).toBe(1));
    expect(audio.played[0]?.volume).toBe(0.15);
  });

  it('says nothing when the citizen muted it, or the hall set the volume to 0', async () => {
    const muted = kioskVoice({ muted: true, language: 'zh', volumePercent: 100 }, [{ lang: 'zh-CN', name: '普通话' }]);
    muted.hook.result.current.say({ key: 'home' });
    const silent = kioskVoice({ muted: false, language: 'zh', volumePercent: 0 });
    silent.hook.result.current.say({ key: 'home' });
    // Then one that is said, so the two above had every chance to speak before it.
    const control = kioskVoice({ muted: false, language: 'zh', volumePercent: 50 });
    control.hook.result.current.say({ key: 'home' });
    await waitFor(() => expect(control.audio.played.length).toBe(1));
    expect([muted.spoken.length, muted.audio.played.length, silent.audio.played.length]).toEqual([0, 0, 0]);
  });
});
