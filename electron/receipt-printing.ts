import { mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { A4PrintOutcome } from '../contracts/shell';

/** A hidden, sandboxed window holding one host page to print (an adapter over BrowserWindow in main.ts). */
export interface PrintablePage {
  load(url: string): Promise<void>;
  /** True once the page shows its content (or its own "not found"), false after a timeout. */
  rendered(): Promise<boolean>;
  printToPdf(): Promise<Uint8Array>;
  /** Silent print to the named system printer. */
  print(deviceName: string): Promise<{ success: boolean; failureReason: string }>;
  close(): void;
}

/** Saved receipts are kept as long as the host keeps a case's personal fields: 30 days. */
export const PDF_KEEP_MS = 30 * 86_400_000;

/**
 * The A4 受理回执 of a case: the host's case page (`/case/:id`, no personal data on it) loaded
 * in a hidden window, saved as a PDF under the shell's data folder, then printed silently on the
 * A4 printer named in the terminal settings. The case is submitted whatever happens here.
 */
export async function printCaseReceipt(o: {
  caseId: string;
  hostOrigin: string;
  printer: string | null;
  pdfDir: string;
  openPage(): PrintablePage;
  now?: () => number;
}): Promise<A4PrintOutcome> {
  const page = o.openPage();
  const outcome = (printed: boolean, pdfSaved: boolean, reason: A4PrintOutcome['reason']): A4PrintOutcome => ({
    printed,
    pdfSaved,
    printer: o.printer,
    reason,
  });
  try {
    try {
      await page.load(`${o.hostOrigin}/case/${encodeURIComponent(o.caseId)}`);
    } catch {
      return outcome(false, false, 'load_failed');
    }
    if (!(await page.rendered())) return outcome(false, false, 'load_failed');
    let pdfSaved = false;
    try {
      const pdf = await page.printToPdf();
      mkdirSync(o.pdfDir, { recursive: true });
      writeFileSync(join(o.pdfDir, `${o.caseId}.pdf`), pdf);
      pdfSaved = true;
      prunePdfs(o.pdfDir, o.now?.() ?? Date.now());
    } catch {
      pdfSaved = false;
    }
    if (o.printer === null) return outcome(false, pdfSaved, 'no_printer');
    const printed = await page.print(o.printer);
    return outcome(printed.success, pdfSaved, printed.success ? null : 'print_failed');
  } finally {
    page.close();
  }
}

/** Deletes saved receipts older than PDF_KEEP_MS. */
export function prunePdfs(dir: string, now: number, keepMs = PDF_KEEP_MS): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pdf')) continue;
    const file = join(dir, name);
    if (now - statSync(file).mtimeMs > keepMs) {
      unlinkSync(file);
      removed += 1;
    }
  }
  return removed;
}
