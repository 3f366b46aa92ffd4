/** Plain data, no DOM types: unit-tested in Node. */
export interface VoiceLike {
  lang: string;
  localService: boolean;
}

/**
 * The browser voice to read a Chinese call with, or null. Mainland Mandarin first, then other
 * Mandarin, then any Chinese voice; within each, a voice on the machine before a network voice
 * (a hall's screen may have no internet, and Chrome's "Google 普通话" needs it).
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (voice: V): number => {
    const lang = voice.lang.replace('_', '-').toLowerCase();
    let r: number;
    if (lang === 'zh-cn' || lang === 'zh-hans-cn' || lang === 'cmn-cn' || lang === 'cmn-hans-cn') r = 0;
    else if (lang === 'zh' || lang.startsWith('zh-hans') || lang.startsWith('cmn')) r = 1;
    else if (lang === 'zh-tw' || lang.startsWith('zh-hant')) r = 2;
    else if (lang.startsWith('zh')) r = 3;
    else return Number.POSITIVE_INFINITY;
    return r * 2 + (voice.localService ? 0 : 1);
  };
  let best: V | null = null;
  for (const voice of voices) if (rank(voice) < (best ? rank(best) : Number.POSITIVE_INFINITY)) best = voice;
  return best;
}

/**
 * The browser voice to read English with, or null: British English first (the kiosk's English is
 * British), then any English; within each, a voice on the machine before a network voice.
 */
export function pickEnglishVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (voice: V): number => {
    const lang = voice.lang.replace('_', '-').toLowerCase();
    let r: number;
    if (lang === 'en-gb') r = 0;
    else if (lang === 'en' || lang.startsWith('en-')) r = 1;
    else return Number.POSITIVE_INFINITY;
    return r * 2 + (voice.localService ? 0 : 1);
  };
  let best: V | null = null;
  for (const voice of voices) if (rank(voice) < (best ? rank(best) : Number.POSITIVE_INFINITY)) best = voice;
  return best;
}

/** The languages a screen speaks. */
export type SpeechLanguage = 'zh' | 'en';

/** The browser voice for `language`, or null (the host's audio then, or silence). */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], language: SpeechLanguage): V | null {
  return language === 'en' ? pickEnglishVoice(voices) : pickChineseVoice(voices);
}
