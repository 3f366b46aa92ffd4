import { describe, expect, it } from 'vitest';
import {
  frameDifference,
  STEADY_MS,
  SteadyFrameDetector,
  toGrey,
  WARM_UP_MS,
} from '../../../../../../renderer/kiosk/flows/case-form/camera/steady-frame';

const frame = (level: number, noise = 0) => Uint8Array.from({ length: 64 * 48 }, (_, i) => level + (i % 2 === 0 ? noise : 0));

/** Feeds `frames` every 150 ms from `start`; the states seen. */
function feed(detector: SteadyFrameDetector, frames: Uint8Array[], start = 0) {
  return frames.map((f, i) => detector.push(f, start + i * 150));
}

/** A detector whose camera has shown the empty stand through its warm-up. */
function warmedUp(): { detector: SteadyFrameDetector; from: number } {
  const detector = new SteadyFrameDetector();
  const frames = Math.ceil(WARM_UP_MS / 150) + 1;
  feed(
    detector,
    Array.from({ length: frames }, () => frame(40)),
  );
  return { detector, from: frames * 150 };
}

describe('steady-frame auto-capture', () => {
  it('never captures an empty stand, or a page left lying, that never moved', () => {
    const detector = new SteadyFrameDetector();
    const states = feed(
      detector,
      Array.from({ length: 40 }, () => frame(40, 2)),
    );
    expect(states).not.toContain('capture');
  });

  it('captures once the picture has been still for a second after a sheet was laid down, and only once', () => {
    const { detector, from } = warmedUp();
    const empty = Array.from({ length: 3 }, () => frame(40));
    const hand = [frame(120), frame(200), frame(160)];
    const still = Array.from({ length: 20 }, (_, i) => frame(180, i % 2));
    const states = feed(detector, [...empty, ...hand, ...still], from);
    expect(states.filter((s) => s === 'capture')).toHaveLength(1);
    const fired = states.indexOf('capture');
    // Still from the frame after the last movement: a second of steadiness before the shot.
    const stillSince = empty.length + hand.length;
    expect((fired - stillSince) * 150).toBeGreaterThanOrEqual(STEADY_MS);
    expect(states.slice(stillSince, fired)).toContain('steadying');
  });

  it('starts the second again when the sheet is still settling, and waits for movement after a manual shot', () => {
    const { detector, from } = warmedUp();
    feed(detector, [frame(40), frame(200)], from);
    // Drifting by 6 grey levels a frame: not still yet.
    const drifting = Array.from({ length: 12 }, (_, i) => frame(150 + (i % 2) * 6));
    expect(feed(detector, drifting, from + 300)).not.toContain('capture');
    detector.reset();
    expect(
      feed(
        detector,
        Array.from({ length: 20 }, () => frame(150)),
        3_000,
      ),
    ).not.toContain('capture');
  });

  it('takes no picture of the camera settling: a dark first frame, then the page already under it', () => {
    const detector = new SteadyFrameDetector();
    const states = feed(detector, [frame(0), frame(0), frame(180), ...Array.from({ length: 30 }, () => frame(180, 1))]);
    expect(states).not.toContain('capture');
  });

  it('measures frames the same way the camera gives them', () => {
    expect(frameDifference(frame(10), frame(30))).toBe(20);
    expect(frameDifference(frame(10), new Uint8Array(3))).toBe(255);
    expect(Array.from(toGrey(Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255])))).toEqual([255, 0]);
  });
});
