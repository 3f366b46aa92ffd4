import { type RefObject, useEffect } from 'react';

/**
 * While the keyboard is docked under the page for the field `fieldId`, keeps that field (with its
 * label, hint and error) in view just above the keyboard: the page's content area shrinks by the
 * keyboard's height, and the field is scrolled to that area's bottom edge (less the sticky footer
 * its `scroll-margin-bottom` leaves room for). It acts when another field is typed and whenever the
 * keyboard changes height (its first layout, letters ⇄ pinyin, the screen turning), never while
 * the citizen scrolls, so it does not fight a look at the rest of the form.
 * Not inside an element marked data-keyboard-view="own": that page does this itself.
 */
export function useFieldInView(panel: RefObject<HTMLElement | null>, fieldId: string | undefined): void {
  useEffect(() => {
    const box = panel.current;
    if (fieldId === undefined || box === null) return;
    const reveal = () => {
      const input = document.getElementById(fieldId);
      const field = input?.closest('.field') ?? input;
      // A page that keeps more than the field in view itself (the rating pad: the field and
      // 提交评价) says so with data-keyboard-view="own" around it.
      if (!field || field.closest('[data-keyboard-view="own"]')) return;
      // 'end' when the field is below the area's bottom or would sit far above the keyboard;
      // 'nearest' would leave a field high up the screen with the candidates far away from it.
      field.scrollIntoView({ block: 'end' });
    };
    // Called once when observing starts (after the keyboard's first layout), then on each resize.
    const observer = new ResizeObserver(reveal);
    observer.observe(box);
    return () => observer.disconnect();
  }, [panel, fieldId]);
}
