/**
 * What the kiosk-visit bench installs in the page before the kiosk's own scripts run
 * (`context.addInitScript(installVisitProbe)`): it records, per tap the bench arms,
 *
 * - the Event Timing entries of the tap's events (`duration`: input to the next painted frame,
 *   for every event of 16 ms or more, rounded to 8 ms by the browser);
 * - the same figure by a probe for taps under 16 ms, which Event Timing leaves out: from each
 *   event's timestamp to a task queued from the next animation frame, i.e. just after that
 *   frame was painted;
 * - when the tap has an expected outcome (a selector that appears, or disappears), the time
 *   from the touch to the frame painted after the outcome was in the DOM: a tap that paints a
 *   "loading…" at once and its screen 400 ms later takes 400 ms, not one frame;
 * - and, for the page load, the first frame painted after the attract screen was in the DOM.
 *
 * The function is serialized into the page, so it must not close over anything of this module.
 */

/** What the bench reads back per tap, all times on the page's clock (performance.now()). */
export interface TapTiming {
  label: string;
  /** Timestamps of the tap's pointerdown, pointerup and click, as Event Timing names them. */
  eventStarts: number[];
  /** The longest probe figure over the tap's events: event timestamp → after the next paint. */
  probeMs: number;
  /** Touch → the paint after the expected outcome, or null when the tap expects none. */
  outcomeMs: number | null;
}

/** An Event Timing entry as the page saw it. */
export interface EventEntry {
  name: string;
  startTime: number;
  duration: number;
}

/** What the bench expects a tap to bring: an element matching `selector` (with `text`), or its absence. */
export interface Outcome {
  selector: string;
  text?: string;
  gone?: boolean;
}

/** The page-side API, as `window.__visitProbe`. */
export interface VisitProbe {
  arm(label: string, outcome: Outcome | null): void;
  /** True once the armed tap's events and its outcome (if any) are measured. */
  settled(): boolean;
  taps: TapTiming[];
  events: EventEntry[];
  /** Navigation start → the paint after the attract screen was in the DOM; NaN until then. */
  attractMs: number;
}

declare global {
  interface Window {
    __visitProbe?: VisitProbe;
  }
}

export function installVisitProbe(): void {
  interface Armed {
    timing: TapTiming;
    outcome: Outcome | null;
    downAt: number | null;
    pendingPaints: number;
    outcomeSeen: boolean;
    observer: MutationObserver | null;
  }
  const afterNextPaint = (then: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  const matches = (outcome: Outcome): boolean => {
    // In the DOM with its text; no layout is read (that would force one in the middle of the
    // kiosk's own work and time the probe instead of the screen).
    const found = [...document.querySelectorAll(outcome.selector)].some(
      (el) => outcome.text === undefined || (el.textContent ?? '').includes(outcome.text),
    );
    return outcome.gone === true ? !found : found;
  };

  const taps: TapTiming[] = [];
  const events: EventEntry[] = [];
  let armed: Armed | null = null;
  const probe: VisitProbe = {
    taps,
    events,
    attractMs: Number.NaN,
    arm(label, outcome) {
      armed?.observer?.disconnect();
      const timing: TapTiming = { label, eventStarts: [], probeMs: 0, outcomeMs: null };
      taps.push(timing);
      armed = { timing, outcome, downAt: null, pendingPaints: 0, outcomeSeen: false, observer: null };
    },
    settled() {
      if (armed === null) return true;
      const done = armed.timing.eventStarts.length > 0 && armed.pendingPaints === 0;
      return done && (armed.outcome === null || armed.timing.outcomeMs !== null);
    },
  };
  window.__visitProbe = probe;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) events.push({ name: e.name, startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  const watchOutcome = (tap: Armed) => {
    const { outcome } = tap;
    if (outcome === null) return;
    const check = () => {
      if (tap.outcomeSeen || !matches(outcome)) return;
      tap.outcomeSeen = true;
      tap.observer?.disconnect();
      afterNextPaint((at) => {
        tap.timing.outcomeMs = at - (tap.downAt ?? at);
      });
    };
    tap.observer = new MutationObserver(check);
    tap.observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    // Already there once the tap's own handlers ran (a synchronous render).
    queueMicrotask(check);
  };

  for (const type of ['pointerdown', 'pointerup', 'click']) {
    window.addEventListener(
      type,
      (event) => {
        const tap = armed;
        if (tap === null) return;
        const at = event.timeStamp;
        tap.timing.eventStarts.push(at);
        if (type === 'pointerdown' && tap.downAt === null) {
          tap.downAt = at;
          watchOutcome(tap);
        }
        tap.pendingPaints++;
        afterNextPaint((end) => {
          tap.timing.probeMs = Math.max(tap.timing.probeMs, end - at);
          tap.pendingPaints--;
        });
      },
      { capture: true },
    );
  }

  // The page load: the first paint after the attract screen is in the DOM.
  const attract = new MutationObserver(() => {
    if (document.querySelector('[data-testid="attract"]') === null) return;
    attract.disconnect();
    afterNextPaint((at) => {
      probe.attractMs = at;
    });
  });
  attract.observe(document, { subtree: true, childList: true });
}
