import { operations } from '../../contracts/api';
import type { CheckInRequest, CheckInResponse } from '../../contracts/appointments';
import type { QueueCaller } from '../../contracts/hall-link';
import type { IssueTicketResponse, Ticket } from '../../contracts/queue';
import { AppointmentMatchingKey } from '../appointments/matching-key';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import { mayReprint, type TicketPrinting } from '../printing/ticket-printing';
import type { HallLink } from './hall-link';

export interface RemoteQueueOptions {
  link: HallLink;
  /** This kiosk's printer: tickets of the hall's queue come out here. */
  printing: TicketPrinting;
  identity: IdentitySessions;
  log?: { warn(message: string): void };
}

/**
 * The hall's queue as a secondary kiosk uses it: reading goes to the hall; a ticket is issued
 * by the hall (the card travels as the hall's queue key and an age, never as a number), printed
 * on this kiosk's printer, and the print outcome reported back so the hall's counters and the
 * citizen's reprint rule see it. Refusals (closed, duplicate, daily limit) are the hall's own.
 */
export class RemoteQueue {
  constructor(private readonly o: RemoteQueueOptions) {}

  /** The hall's name and kiosk idle time: a secondary kiosk follows its hall's settings. */
  hallInfo() {
    return this.o.link.call((hall) => hall.call(operations.hallInfo, {}));
  }

  services() {
    return this.o.link.call((hall) => hall.call(operations.services, {}));
  }

  windows() {
    return this.o.link.call((hall) => hall.call(operations.windows, {}));
  }

  window(windowId: number) {
    return this.o.link.call((hall) => hall.call(operations.window, { params: { windowId } }));
  }

  recentCalls(limit: number) {
    return this.o.link.call((hall) => hall.call(operations.recentCalls, { query: { limit } }));
  }

  ticketProgress(ticketId: number, tag: string) {
    return this.o.link.call((hall) => hall.call(operations.ticketProgress, { params: { ticketId }, query: { k: tag } }));
  }

  async issue(serviceCode: string, withIdentity: boolean): Promise<IssueTicketResponse> {
    const caller = this.caller(withIdentity);
    const issued = await this.o.link.call((hall) => hall.call(operations.terminalIssueTicket, { body: { serviceCode, caller } }));
    return this.printAndReport(issued);
  }

  async steward(): Promise<IssueTicketResponse> {
    const caller = this.caller(false);
    const issued = await this.o.link.call((hall) => hall.call(operations.terminalStewardRequest, { body: { caller } }));
    // A card that already holds a steward ticket gets it back, not printed twice.
    return issued.existing ? { ticket: issued.ticket, progressUrl: issued.progressUrl } : this.printAndReport(issued);
  }

  /** Citizens reprint a waiting ticket whose print failed (staff reprint at the hall's counters). */
  async reprint(ticketId: number): Promise<IssueTicketResponse> {
    const { ticket, progressUrl } = await this.o.link.call((hall) =>
      hall.call(operations.terminalTicket, { params: { ticketId } }),
    );
    if (!mayReprint(ticket, false)) throw new HostError('invalid_state', '该号码不能补打');
    return this.printAndReport({ ticket, progressUrl });
  }

  /** The card holder's open ticket for a service, from the hall, printed again on this kiosk. */
  async reprintMine(serviceCode: string): Promise<IssueTicketResponse> {
    const caller = this.caller(true);
    if (caller === null) throw new HostError('no_identity', '请先刷身份证');
    const mine = await this.o.link.call((hall) => hall.call(operations.terminalMyTicket, { body: { serviceCode, caller } }));
    return this.printAndReport(mine);
  }

  async checkIn(request: CheckInRequest): Promise<{ status: 200 | 201; body: CheckInResponse }> {
    const card = this.o.identity.currentCard();
    const caller = this.o.identity.queueCaller();
    const hall = this.o.link.hallIdentity();
    if (hall === null) throw new HostError('hall_unpaired', '本终端尚未与大厅主机配对，请技术人员配对');
    // Keyed hashes only leave this kiosk: the booking's tag (as the central API computes it) and the queue's key.
    let holder: { idTag: string; caller: NonNullable<typeof caller> } | null = null;
    if (card !== null && caller !== null && hall.matchingKey !== undefined) {
      holder = { idTag: AppointmentMatchingKey.fromBase64Url(hall.matchingKey).tagOf(card.idNumber), caller };
    } else if (request.by === 'card' && card !== null && hall.matchingKey === undefined) {
      // Paired before bookings were tagged with a key: the booking code still works.
      throw new HostError('hall_unpaired', '本终端需重新与大厅主机配对后才能刷证签到，请扫描预约码或联系技术人员');
    }
    const answer = await this.o.link.call((client) => client.call(operations.terminalCheckIn, { body: { request, holder } }));
    const printedBefore = answer.alreadyCheckedIn && answer.ticket.printStatus === 'printed';
    const printed = printedBefore ? answer : { ...answer, ...(await this.printAndReport(answer)) };
    return { status: answer.alreadyCheckedIn ? 200 : 201, body: printed };
  }

  /** The hall's windows for the ticket's service, for the paper ticket; none when the hall does not say. */
  private async windowsServing(ticket: Ticket): Promise<number[]> {
    try {
      const { windows } = await this.windows();
      return windows.filter((w) => w.services.includes(ticket.serviceCode)).map((w) => w.number);
    } catch {
      return [];
    }
  }

  private caller(required: boolean): QueueCaller {
    const caller = this.o.identity.queueCaller();
    if (required && caller === null) throw new HostError('no_identity', '请先刷身份证');
    return caller;
  }

  private async printAndReport(issued: IssueTicketResponse): Promise<IssueTicketResponse> {
    const printed = await this.o.printing.printOnly(issued.ticket, issued.progressUrl, await this.windowsServing(issued.ticket));
    if (printed === null) return issued;
    try {
      const { ticket } = await this.o.link.call((hall) =>
        hall.call(operations.terminalTicketPrinted, { params: { ticketId: issued.ticket.id }, body: { printed } }),
      );
      return { ticket, progressUrl: issued.progressUrl };
    } catch {
      // The ticket stands in the hall's queue either way; the citizen sees what came out here.
      this.o.log?.warn(`print outcome of a hall ticket not reported (hall unreachable)`);
      const ticket: Ticket = { ...issued.ticket, printStatus: printed ? 'printed' : 'failed' };
      return { ticket, progressUrl: issued.progressUrl };
    }
  }
}
