import { timingSafeEqual } from 'node:crypto';
import type { LocalCaseProgress } from '../../contracts/cases';
import type { CaseLinkView, LinkHall, TicketLinkView } from '../../contracts/links';
import type { Ticket } from '../../contracts/queue';
import { HostError } from '../errors/host-error';
import type { LinkThrottle } from './link-throttle';

export interface PrintedLinksOptions {
  /** Where a phone reaches this host (hall settings `publicUrl`), read at each link made. */
  publicBase: () => string;
  /** The unguessable tags of a ticket's and a case's link (keyed HMACs of the install secret). */
  ticketTag: (ticketId: number) => string;
  caseTag: (caseId: string) => string;
  ticket: (ticketId: number) => Ticket;
  caseProgress: (caseId: string) => LocalCaseProgress;
  hall: () => LinkHall;
  throttle: LinkThrottle;
}

function sameTag(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The links printed in QR codes (tickets, case receipts) and what they open on a phone that is
 * not paired: the tag is the key. A wrong tag, no tag and an unknown id get the same 404 with the
 * same words, so a guesser learns nothing; every lookup is counted per client address
 * (`LinkThrottle`, 429 `rate_limited` beyond it). The replies hold nothing personal.
 */
export class PrintedLinks {
  constructor(private readonly o: PrintedLinksOptions) {}

  ticketUrl(ticketId: number): string {
    return `${this.o.publicBase()}/ticket/${ticketId}?k=${this.o.ticketTag(ticketId)}`;
  }

  caseUrl(caseId: string): string {
    return `${this.o.publicBase()}/case/${caseId}?k=${this.o.caseTag(caseId)}`;
  }

  ticket(ticketId: number, tag: string, client: string): TicketLinkView {
    this.admit(client);
    const unknown = () => new HostError('ticket_unknown', '没有这个号码');
    if (!sameTag(tag, this.o.ticketTag(ticketId))) throw this.missed(client, unknown());
    let t: Ticket;
    try {
      t = this.o.ticket(ticketId);
    } catch (error) {
      throw error instanceof HostError ? this.missed(client, unknown()) : error;
    }
    return {
      hall: this.o.hall(),
      ticket: {
        number: t.number,
        serviceCode: t.serviceCode,
        serviceName: t.serviceName,
        status: t.status,
        businessDay: t.businessDay,
        issuedAt: t.issuedAt,
        peopleAhead: t.peopleAhead,
        estimatedWaitMinutes: t.estimatedWaitMinutes,
        calledAt: t.calledAt,
        windowNumber: t.windowNumber,
        returnToWindowNumber: t.returnToWindowNumber,
        returnedFromWindowNumber: t.returnedFromWindowNumber,
      },
    };
  }

  case(caseId: string, tag: string, client: string): CaseLinkView {
    this.admit(client);
    const unknown = () => new HostError('case_unknown', '没有这个办件');
    if (!sameTag(tag, this.o.caseTag(caseId))) throw this.missed(client, unknown());
    try {
      return { hall: this.o.hall(), progress: this.o.caseProgress(caseId) };
    } catch (error) {
      throw error instanceof HostError ? this.missed(client, unknown()) : error;
    }
  }

  private admit(client: string): void {
    if (!this.o.throttle.admit(client)) throw new HostError('rate_limited', '查询过于频繁，请稍后再试');
  }

  private missed(client: string, error: HostError): HostError {
    this.o.throttle.miss(client);
    return error;
  }
}
