import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchFonts } from '../../../../renderer/kiosk/shell/prefetch-fonts';

describe('the kiosk font files fetched while it waits', () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'fonts');
  });

  it("asks for the files that draw the kiosk's own words (取号, 办事申报…), in both weights the screens use", async () => {
    const load = vi.fn<(font: string, text?: string) => Promise<FontFace[]>>(async () => []);
    Object.defineProperty(document, 'fonts', { value: { load }, configurable: true });
    await prefetchFonts();
    expect(load.mock.calls.map(([font]) => font)).toEqual(['400 16px "Noto Sans SC"', '700 16px "Noto Sans SC"']);
    const text = load.mock.calls[0]?.[1] ?? '';
    for (const ch of '取号办事申报请放身份证') expect(text).toContain(ch);
    // Each character once: the browser is asked for what it needs, not the messages again.
    expect(new Set(text).size).toBe([...text].length);
  });

  it('does nothing where the browser has no font loading API', async () => {
    await expect(prefetchFonts()).resolves.toBeUndefined();
  });
});
