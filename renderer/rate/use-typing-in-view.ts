import { type RefObject, useEffect } from 'react';

/**
 * While the on-screen keyboard is open for the field `fieldId`, keeps that field and the submit
 * button inside the pad's scrolling content area, which the docked keyboard shrinks: the citizen
 * sees the words being typed and can submit without pressing 完成 first. It acts again whenever
 * the area changes size (the keyboard's keys appearing, 英文/拼音, the screen turning), and never
 * while the citizen scrolls, so it does not fight a look at the chips above.
 */
export function useTypingInView(
  area: RefObject<HTMLElement | null>,
  fieldId: string | undefined,
  submit: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const box = area.current;
    if (fieldId === undefined || box === null) return;
    const reveal = () => {
      // The button first, then the field with its label and hint: when both cannot fit, the
      // words being typed win.
      submit.current?.scrollIntoView({ block: 'nearest' });
      const field = document.getElementById(fieldId);
      (field?.closest('.field') ?? field)?.scrollIntoView({ block: 'nearest' });
    };
    // Called once when observing starts (after the keyboard's first layout), then on each resize.
    const observer = new ResizeObserver(reveal);
    observer.observe(box);
    return () => observer.disconnect();
  }, [area, fieldId, submit]);
}
