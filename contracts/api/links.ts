import { CaseIdParams } from '../cases';
import { CaseLinkView, LinkQuery, TicketLinkView } from '../links';
import { TicketIdParams } from '../queue';
import { access, defineOperations, errorReplies } from './operation';

const errors = errorReplies(400, 404, 429);

/**
 * What a printed QR code opens on a citizen's phone (`/ticket/:id?k=…`, `/case/:id?k=…`), with no
 * pairing: the link's tag is the key (contracts/links.ts). Answered by the host that printed the
 * link: tickets by the hall, cases by the kiosk that holds them.
 */
export const linkOperations = defineOperations({
  ticketLink: {
    method: 'GET',
    path: '/links/tickets/:ticketId',
    tags: ['links'],
    access: access.linkHolder,
    params: TicketIdParams,
    query: LinkQuery,
    responses: { 200: TicketLinkView, ...errors },
  },
  caseLink: {
    method: 'GET',
    path: '/links/cases/:caseId',
    tags: ['links'],
    access: access.linkHolder,
    params: CaseIdParams,
    query: LinkQuery,
    responses: { 200: CaseLinkView, ...errors },
  },
});
