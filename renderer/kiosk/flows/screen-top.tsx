import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * Scrolls every scrolled ancestor of `element` (the flow's own scroll area, and the page should
 * it scroll) back to the top. A flow's screens share one scroll area: without this, the next
 * screen would open where the citizen had scrolled to on the last one, its title and the step
 * indicator out of sight.
 */
export function scrollToTop(element: Element | null): void {
  for (let node = element?.parentElement ?? null; node !== null; node = node.parentElement) {
    if (node.scrollTop > 0) node.scrollTop = 0;
  }
}

/**
 * Wraps a flow that swaps its screens in place (list → detail → ticket): whenever `screen`
 * changes, the new screen starts at the top. A layout effect, so it happens before the screen is
 * painted. The wrapper draws no box of its own (display: contents), so the flow's layout is
 * unchanged.
 */
export function ScreenTop({ screen, children }: { screen: string; children: ReactNode }) {
  const anchor = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    scrollToTop(anchor.current);
  }, [screen]);
  return (
    <div ref={anchor} className="screen-top">
      {children}
    </div>
  );
}
