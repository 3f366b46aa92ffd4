import { describe, expect, it } from 'vitest';
import { Announcer, type Announcement, type AnnouncerOptions } from '../../../renderer/display/announcer';
import { SoundBlockedError, type Speaker } from '../../../renderer/ui/speech/speaker';

/** A speaker that takes `durationMs` of a fake clock per text and records when each text started and ended. */
function fakeVoice(durationMs = 1_000) {
  let now = 0;
  let speaking = 0;
  let maxSpeaking = 0;
  const said: { text: string; start: number; end: number }[] = [];
  const failures = new Map<string, Error>();
  const sleep = async (ms: number) => {
    now += ms;
  };
  const speaker: Speaker = {
    async say(text) {
      const failure = failures.get(text);
      if (failure) {
        failures.delete(text);
        throw failure;
      }
      speaking += 1;
      maxSpeaking = Math.max(maxSpeaking, speaking);
      const start = now;
      // Yield like real speech does, so a second enqueue can arrive mid-sentence.
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
      now += durationMs;
      speaking -= 1;
      said.push({ text, start, end: now });
    },
    stop() {},
  };
  return {
    speaker,
    said,
    failures,
    sleep,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    maxSpeaking: () => maxSpeaking,
  };
}

function announcer(
  voice: ReturnType<typeof fakeVoice>,
  repeat = 2,
  extra: Pick<AnnouncerOptions, 'onBlocked' | 'onSpeaking'> = {},
) {
  return new Announcer({
    speaker: async () => voice.speaker,
    repeat: () => repeat,
    gapMs: 500,
    maxWaitMs: 60_000,
    now: voice.now,
    sleep: voice.sleep,
    ...extra,
  });
}

const call = (ticketId: number, text: string, key = `${ticketId}@${text}`): Announcement => ({ key, ticketId, text });

describe('the announcement queue', () => {
  it('says each call `repeat` times, then the next call, never two at once', async () => {
    const voice = fakeVoice();
    const a = announcer(voice, 2);
    a.enqueue(call(1, '请A零零一号，到一号窗口办理'));
    a.enqueue(call(2, '请C零零一号，到三号窗口办理'));
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual([
      '请A零零一号，到一号窗口办理',
      '请A零零一号，到一号窗口办理',
      '请C零零一号，到三号窗口办理',
      '请C零零一号，到三号窗口办理',
    ]);
    expect(voice.maxSpeaking()).toBe(1);
    for (let i = 1; i < voice.said.length; i += 1) {
      // A pause between repeats and between calls: each starts after the one before ended.
      expect(voice.said[i]?.start).toBeGreaterThanOrEqual((voice.said[i - 1]?.end ?? 0) + 500);
    }
  });

  it('never says the same call twice (a replayed event), but says a recall again', async () => {
    const voice = fakeVoice();
    const a = announcer(voice, 1);
    a.enqueue(call(1, 'first', '1@t1'));
    await a.idle();
    a.enqueue(call(1, 'first', '1@t1'));
    await a.idle();
    a.enqueue(call(1, 'recall', '1@t2'));
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual(['first', 'recall']);
  });

  it('a recall arriving while that very ticket is being said is said again after it', async () => {
    const voice = fakeVoice();
    let markSaying = (): void => undefined;
    const saying = new Promise<void>((resolve) => (markSaying = resolve));
    const a = announcer(voice, 2, { onSpeaking: (item) => item?.key === '1@t1' && markSaying() });
    a.enqueue(call(1, 'A first', '1@t1'));
    await saying;
    a.enqueue(call(1, 'A recalled', '1@t2'));
    a.enqueue(call(1, 'A first', '1@t1'));
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual(['A first', 'A first', 'A recalled', 'A recalled']);
  });

  it('a recall of a ticket still waiting to be said replaces it in place', async () => {
    const voice = fakeVoice();
    const a = announcer(voice, 1);
    a.enqueue(call(1, 'A at 1'));
    a.enqueue(call(2, 'B at 2'));
    a.enqueue(call(3, 'C at 3'));
    a.enqueue(call(2, 'B again at 2'));
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual(['A at 1', 'B again at 2', 'C at 3']);
  });

  it('holds the calls while the browser blocks sound, and says them after a touch', async () => {
    const voice = fakeVoice();
    const blocked: boolean[] = [];
    const a = announcer(voice, 1, { onBlocked: (b) => blocked.push(b) });
    voice.failures.set('A', new SoundBlockedError('autoplay'));
    a.enqueue(call(1, 'A'));
    a.enqueue(call(2, 'B'));
    await a.idle();
    expect(voice.said).toEqual([]);
    expect(blocked).toEqual([true]);
    expect(a.queued()).toEqual(['A', 'B']);
    a.resume();
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual(['A', 'B']);
    expect(blocked).toEqual([true, false]);
  });

  it('moves on when one announcement fails, and drops calls that waited too long', async () => {
    const voice = fakeVoice();
    const a = announcer(voice, 1);
    voice.failures.set('broken', new Error('voice died'));
    a.enqueue(call(1, 'broken'));
    a.enqueue(call(2, 'fine'));
    await a.idle();
    expect(voice.said.map((s) => s.text)).toEqual(['fine']);

    const slow = fakeVoice(70_000);
    const b = announcer(slow, 1);
    b.enqueue(call(1, 'long'));
    b.enqueue(call(2, 'stale by the time its turn comes'));
    b.enqueue(call(3, 'also stale'));
    await b.idle();
    expect(slow.said.map((s) => s.text)).toEqual(['long']);
  });

  it('stays silent when there is no voice, and stops on dispose', async () => {
    const voice = fakeVoice();
    const silent = new Announcer({
      speaker: async () => null,
      repeat: () => 2,
      gapMs: 0,
      maxWaitMs: 1_000,
      now: voice.now,
      sleep: voice.sleep,
    });
    silent.enqueue(call(1, 'A'));
    await silent.idle();
    expect(silent.queued()).toEqual([]);

    const a = announcer(voice, 1);
    a.dispose();
    a.enqueue(call(2, 'B'));
    await a.idle();
    expect(voice.said).toEqual([]);
  });
});
