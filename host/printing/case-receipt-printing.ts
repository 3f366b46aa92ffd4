import type { CaseReceiptResponse, LocalCase } from '../../contracts/cases';
import type { CatalogItem } from '../../contracts/central-api';
import { encodeReceipt } from '../../hardware/printer';
import type { PrinterDevice } from '../devices/printer-device';

export interface CaseReceiptPrintingOptions {
  hallName: string;
  timeZone: string;
  printer: () => PrinterDevice | null;
  catalogItem: (code: string) => CatalogItem | undefined;
  /** The case's progress page; keyed by its local id so it works before the case has a number. */
  progressUrl: (localCase: LocalCase) => string;
}

const NOTE = '扫码或凭受理编号在自助终端查询办理进度。本回执不含个人信息，请妥善保管。';

/**
 * 受理回执: what the citizen takes home after submitting a case — its number (or, before the
 * central API answered, the kiosk's own reference with a note that the number follows), the
 * services a bundle covers, the materials received and the promised completion date.
 */
export class CaseReceiptPrinting {
  constructor(private readonly o: CaseReceiptPrintingOptions) {}

  async print(localCase: LocalCase): Promise<CaseReceiptResponse> {
    const printer = this.o.printer();
    if (!printer) return { printed: false, reason: 'no_printer' };
    const completion = localCase.deadlines.find((d) => d.stage === 'completed');
    const bytes = encodeReceipt(
      {
        hallName: this.o.hallName,
        caseNumber: localCase.caseNumber ?? `${localCase.id.slice(0, 8).toUpperCase()}（受理编号同步后可扫码查看）`,
        itemName: localCase.itemName,
        items: (this.o.catalogItem(localCase.itemCode)?.bundle ?? []).map((part) => part.name),
        materials: localCase.materials.map((m) => ({ name: m.name, received: m.received })),
        ...(completion ? { expectedCompletion: completion.due } : {}),
        submittedAt: new Date(localCase.submittedAt),
        timeZone: this.o.timeZone,
        qrUrl: this.o.progressUrl(localCase),
        note: NOTE,
      },
      { width: printer.paperWidth, header: printer.header, footer: printer.footer },
    );
    try {
      const result = await printer.print(bytes);
      return result.ok ? { printed: true } : { printed: false, reason: result.reason };
    } catch {
      return { printed: false, reason: 'transport' };
    }
  }
}
