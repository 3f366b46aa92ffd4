import type { QueuePolicy } from '../../contracts/config';
import { OPEN_TICKET_STATUSES, PRIORITY_LABEL_ZH, type Ticket } from '../../contracts/queue';
import { ticketNote } from '../../contracts/ticket-note';
import { encodeTicket } from '../../hardware/printer';
import type { PrinterDevice } from '../devices/printer-device';
import type { QueueService } from '../queue/queue-service';

export interface TicketPrintingOptions {
  queue: QueueService;
  hallName: string;
  timeZone: string;
  /** The printer of this kiosk, or null when it has none. */
  printer: () => PrinterDevice | null;
  /** The progress page a ticket's QR opens. */
  progressUrl: (ticket: Ticket) => string;
  /** The hall's 过号 rule, read at each print: the note on the paper says what the queue does. */
  skipRule: () => QueuePolicy['skipRequeue'];
}

/**
 * Who may have a ticket printed again: a citizen, a waiting ticket whose print did not come out;
 * staff, any open ticket. The same rule at the hall and at its secondary kiosks.
 */
export function mayReprint(ticket: Ticket, byStaff: boolean): boolean {
  return byStaff ? OPEN_TICKET_STATUSES.has(ticket.status) : ticket.status === 'waiting' && ticket.printStatus !== 'printed';
}

/**
 * Prints a ticket after its commit and records the outcome on the ticket, so a
 * failed print (paper out, cover open, unplugged) is shown on screen with its QR
 * and can be reprinted — the ticket itself is never lost.
 */
export class TicketPrinting {
  constructor(private readonly o: TicketPrintingOptions) {}

  progressUrl(ticket: Ticket): string {
    return this.o.progressUrl(ticket);
  }

  async print(ticket: Ticket): Promise<Ticket> {
    const windows = this.o.queue.windowNumbersFor(ticket.serviceCode);
    const printed = await this.printOnly(ticket, this.o.progressUrl(ticket), windows);
    return printed === null ? ticket : this.o.queue.markPrinted(ticket.id, printed);
  }

  /**
   * Prints a ticket on this kiosk's printer without recording the outcome: for a ticket of the
   * hall's queue issued through a secondary kiosk, whose outcome is reported to the hall.
   * null when this kiosk has no printer; else whether the ticket came out. `windows`: those that
   * serve the ticket's service in the queue it belongs to (the hall's, for a hall ticket).
   */
  async printOnly(ticket: Ticket, qrUrl: string, windows: readonly number[]): Promise<boolean | null> {
    const priority = PRIORITY_LABEL_ZH[ticket.priorityClass];
    const printer = this.o.printer();
    if (!printer) return null;
    try {
      const bytes = encodeTicket(
        {
          hallName: this.o.hallName,
          serviceName: ticket.serviceName,
          number: ticket.number,
          peopleAhead: ticket.peopleAhead,
          estimatedWaitMinutes: ticket.estimatedWaitMinutes,
          issuedAt: new Date(ticket.issuedAt),
          timeZone: this.o.timeZone,
          qrUrl,
          note: ticketNote(this.o.skipRule()),
          windows,
          ...(priority === null ? {} : { priority }),
        },
        { width: printer.paperWidth, header: printer.header, footer: printer.footer },
      );
      return (await printer.print(bytes)).ok;
    } catch {
      return false;
    }
  }
}
