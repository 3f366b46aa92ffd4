import type { Locator } from 'playwright-core';

/**
 * Whether the element can be seen and touched where it is now, without scrolling: the reasons it
 * cannot (outside the window, or another element at its centre or near its top or bottom edge,
 * e.g. the docked keyboard or the edge of a scroll area), or none. It runs in the page, so it
 * lives with the e2e tests: their tsconfig has the DOM, the one of tests/support has not.
 */
export async function whyNotTouchable(target: Locator): Promise<string[]> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return ['not shown'];
    if (r.left < 0 || r.top < 0 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
      return [`outside the window: ${Math.round(r.top)}–${Math.round(r.bottom)} of ${window.innerHeight}`];
    }
    const x = r.left + r.width / 2;
    const ys = [r.top + r.height / 2, r.top + Math.min(4, r.height / 2), r.bottom - Math.min(4, r.height / 2)];
    return ys.flatMap((y) => {
      const hit = document.elementFromPoint(x, y);
      if (hit !== null && (hit === el || el.contains(hit))) return [];
      return [
        `at y=${Math.round(y)}: ${hit === null ? 'nothing' : `${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}`}`,
      ];
    });
  });
}
