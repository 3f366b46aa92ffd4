import { BrowserWindow } from 'electron';
import type { PrintablePage } from './receipt-printing';
import { webPreferences } from './window-options';

/** An unseen A4-sized window for printing a case receipt (electron/receipt-printing.ts decides). */
export function openHiddenPage(): PrintablePage {
  const page = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      ...webPreferences('counter', undefined),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = page.webContents;
  return {
    load: (url) => contents.loadURL(url),
    async rendered() {
      // The case page shows its status (or its own "not found"); fonts loaded before the print.
      const probe = `document.fonts.ready.then(() => Boolean(document.querySelector('[data-testid="page-status"], .case-page-problem')))`;
      for (let i = 0; i < 40; i++) {
        if ((await contents.executeJavaScript(probe)) === true) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    },
    printToPdf: () => contents.printToPDF({ pageSize: 'A4', printBackground: true }),
    print: (deviceName) =>
      new Promise((resolve) =>
        contents.print({ silent: true, deviceName, printBackground: true, pageSize: 'A4' }, (success, failureReason) =>
          resolve({ success, failureReason }),
        ),
      ),
    close: () => page.destroy(),
  };
}
