import type { IssueTicketResponse, Ticket } from '../../contracts/queue';
import { HostError } from '../errors/host-error';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { QueueService } from '../queue/queue-service';

export interface StewardDeskOptions {
  queue: QueueService;
  printing: TicketPrinting;
  /** The queue service whose tickets are steward requests (config `stewardService`). */
  serviceCode: string;
}

/** The card at the kiosk: keyed hash for the one-ticket rule, age for elder priority. */
export type StewardCaller = { key: string; age: number } | null;

/**
 * 首席服务管家: a citizen or an enterprise asks for a steward at the kiosk, with or without a
 * case. The request is a green-channel ticket in the steward service's queue, so it reaches
 * the stewards' counter ahead of ordinary tickets (within the fairness burst) and whoever
 * calls it is the steward the case shows.
 */
export class StewardDesk {
  constructor(private readonly o: StewardDeskOptions) {}

  /** This desk issues in this host's own queue. */
  ticketsAreLocal(): boolean {
    return true;
  }

  available(): boolean {
    return this.o.queue.services().some((s) => s.code === this.o.serviceCode);
  }

  /**
   * Issues (and prints) the steward ticket. A card that already holds an open steward ticket
   * today gets that one back rather than a second place in the queue.
   */
  async request(caller: StewardCaller): Promise<IssueTicketResponse> {
    const { ticket: issued, existing } = this.issue(caller);
    if (existing) return { ticket: issued, progressUrl: this.o.printing.progressUrl(issued) };
    // Printed after the commit, like every ticket: a failed print never loses the request.
    const ticket = await this.o.printing.print(issued);
    return { ticket, progressUrl: this.o.printing.progressUrl(ticket) };
  }

  /**
   * The steward ticket without printing it (a secondary kiosk prints on its own printer):
   * `existing` when the card already held one today.
   */
  issue(caller: StewardCaller): { ticket: Ticket; existing: boolean } {
    if (!this.available()) throw new HostError('steward_unavailable', '本大厅暂未设置首席服务管家');
    const existing = caller ? this.o.queue.openTicketFor(this.o.serviceCode, caller.key) : null;
    if (existing) return { ticket: existing, existing: true };
    return {
      ticket: this.o.queue.issue({ serviceCode: this.o.serviceCode, identity: caller, priority: 'vip' }),
      existing: false,
    };
  }
}
