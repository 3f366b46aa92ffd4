import { z } from 'zod';
import { LocalCaseProgress } from './cases';
import { Ticket } from './queue';

/**
 * What a printed QR code opens on a citizen's phone, unpaired, over the hall Wi-Fi or the
 * internet: a ticket's or a case's progress. The link's HMAC tag (`k`) is its key: a wrong or
 * missing one is answered exactly like an unknown id (404), never with a hint. Nothing personal
 * is in these replies: no name, no ID number, no phone number of the citizen, no priority class
 * (an elder's priority would tell an age).
 */

/** The link's tag; empty when the link has none (then nothing is found). */
export const LinkQuery = z.object({ k: z.string().max(128).default('') });

/** The hall, for the page's header and its times (the hall's time zone, not the phone's). */
export const LinkHall = z.object({ hallName: z.string(), timeZone: z.string() });
export type LinkHall = z.infer<typeof LinkHall>;

/** A ticket as its QR link shows it. */
export const LinkTicket = Ticket.pick({
  number: true,
  serviceCode: true,
  serviceName: true,
  status: true,
  businessDay: true,
  issuedAt: true,
  peopleAhead: true,
  estimatedWaitMinutes: true,
  calledAt: true,
  windowNumber: true,
  returnToWindowNumber: true,
  returnedFromWindowNumber: true,
});
export type LinkTicket = z.infer<typeof LinkTicket>;

export const TicketLinkView = z.object({ hall: LinkHall, ticket: LinkTicket });
export type TicketLinkView = z.infer<typeof TicketLinkView>;

/** A case as its receipt's QR shows it: status, history, promised dates, the steward's work contact. */
export const CaseLinkView = z.object({ hall: LinkHall, progress: LocalCaseProgress });
export type CaseLinkView = z.infer<typeof CaseLinkView>;
