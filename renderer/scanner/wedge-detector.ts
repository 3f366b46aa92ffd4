/**
 * Tells a keyboard-wedge scanner from a person typing, by timing alone.
 *
 * A scanner in keyboard mode "types" a whole code in a burst, a few ms per
 * key, then presses Enter; people rarely manage under ~35 ms per key, and
 * never for six keys in a row. Feed every keydown (`KeyboardEvent.key` and
 * `event.timeStamp`): a gap longer than `maxInterKeyMs` starts a new burst,
 * and the terminator returns the burst's text when it has at least
 * `minLength` characters and the terminator itself came fast; otherwise
 * null. Modifier keys (a scanner presses Shift for capitals) are ignored;
 * any other named key (Backspace, arrows, Tab…) ends the burst, since a
 * scanner sends none. Pure: no DOM, no clock, no node built-ins.
 */
export interface WedgeDetectorOptions {
  /** Longest gap between keys of one burst. Default 35 ms. */
  maxInterKeyMs?: number;
  /** Shortest code accepted. Default 6 characters. */
  minLength?: number;
  /** The key that ends a scan. Default 'Enter'. */
  terminator?: string;
}

export interface WedgeDetector {
  /** Returns the scanned code when `key` ends a fast burst, else null. */
  feed(key: string, timeMs: number): string | null;
  reset(): void;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

export function createWedgeDetector(options: WedgeDetectorOptions = {}): WedgeDetector {
  const maxGap = options.maxInterKeyMs ?? 35;
  const minLength = options.minLength ?? 6;
  const terminator = options.terminator ?? 'Enter';
  let burst: string[] = [];
  let lastTime: number | undefined;

  const reset = () => {
    burst = [];
    lastTime = undefined;
  };

  const feed = (key: string, timeMs: number): string | null => {
    if (MODIFIERS.has(key)) return null;
    // A backwards clock is no evidence of speed: treat it like a long gap.
    const fast = lastTime !== undefined && timeMs >= lastTime && timeMs - lastTime <= maxGap;
    if (key === terminator) {
      const code = fast && burst.length >= minLength ? burst.join('') : null;
      reset();
      return code;
    }
    // Printable keys have a one-character `key` (one code point: 汉字 from an IME count too).
    if ([...key].length !== 1) {
      reset();
      return null;
    }
    if (!fast) burst = [];
    burst.push(key);
    lastTime = timeMs;
    return null;
  };

  return { feed, reset };
}
