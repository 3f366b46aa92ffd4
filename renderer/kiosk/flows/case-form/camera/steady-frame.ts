/**
 * Steady-frame auto-capture: the citizen lays a paper under the document camera, takes the hand
 * away, and the kiosk takes the picture once the image has stopped changing for about a second.
 * Frames are compared small (a few dozen pixels wide, grey), which costs nothing and ignores the
 * sensor's noise. The detector fires only after it has seen movement, so an empty stand, or the
 * page just taken still lying there, is never captured again by itself.
 */

/** Mean absolute difference (0–255) above which the picture is moving (a hand, a sheet laid down). */
export const MOVING_DIFFERENCE = 12;
/** Mean absolute difference below which two frames are the same picture (sensor noise, flicker). */
export const STEADY_DIFFERENCE = 4;
/** How long the picture must stay still before it is taken. */
export const STEADY_MS = 1_000;
/**
 * The camera's first moments after its first frame: exposure and white balance settle (and a
 * busy board's first frames come unevenly), so what changes then is the camera, not a sheet laid
 * down; it does not arm the capture. A page already under the camera is taken with 拍照.
 */
export const WARM_UP_MS = 1_500;

export type SteadyState = 'idle' | 'moving' | 'steadying' | 'capture';

/** The mean absolute difference of two grey frames of the same size (0 identical, 255 inverted). */
export function frameDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 255;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

/** Grey levels (one byte per pixel) of an RGBA frame. */
export function toGrey(rgba: Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < grey.length; i++) {
    const r = rgba[i * 4] ?? 0;
    const g = rgba[i * 4 + 1] ?? 0;
    const b = rgba[i * 4 + 2] ?? 0;
    grey[i] = (r * 77 + g * 150 + b * 29) >> 8;
  }
  return grey;
}

export class SteadyFrameDetector {
  private previous: Uint8Array | null = null;
  private firstAt: number | null = null;
  private armed = false;
  private steadySince: number | null = null;

  /** Feeds the next small frame taken at `at` (ms); says what the picture is doing. */
  push(frame: Uint8Array, at: number): SteadyState {
    const previous = this.previous;
    this.previous = frame;
    this.firstAt ??= at;
    if (previous === null || at - this.firstAt < WARM_UP_MS) return 'idle';
    const difference = frameDifference(previous, frame);
    if (difference >= MOVING_DIFFERENCE) {
      this.armed = true;
      this.steadySince = null;
      return 'moving';
    }
    if (!this.armed) return 'idle';
    if (difference > STEADY_DIFFERENCE) {
      // Settling (a sheet still sliding, auto-exposure adjusting): the second starts again.
      this.steadySince = null;
      return 'moving';
    }
    this.steadySince ??= at;
    if (at - this.steadySince < STEADY_MS) return 'steadying';
    // Fired once: the next capture needs the picture to change again (the next sheet).
    this.armed = false;
    this.steadySince = null;
    return 'capture';
  }

  /** After a manual capture or a retake: wait for movement again. */
  reset(): void {
    this.armed = false;
    this.steadySince = null;
  }
}
