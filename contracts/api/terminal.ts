import { CheckInResponse } from '../appointments';
import {
  HallLinkStatus,
  PairWithHallRequest,
  TerminalCheckInRequest,
  TerminalIssueTicketRequest,
  TerminalMyTicketRequest,
  TerminalPrintReport,
  TerminalStewardRequest,
  TerminalStewardTicket,
} from '../hall-link';
import {
  ClaimPairingRequest,
  ClaimPairingResponse,
  LanTlsInfo,
  PairingCode,
  RotatedToken,
  Terminal,
  TerminalIdParams,
  TerminalList,
} from '../pairing';
import { IssueTicketResponse, TicketIdParams, TicketResponse } from '../queue';
import { TerminalSettings, TerminalSettingsView } from '../terminal-settings';
import { access, defineOperations, errorReplies, fileReply } from './operation';
import { PageQuery } from '../page';

const pairingErrors = errorReplies(400, 401, 403, 404, 429);
const technician = access.staff(['technician']);

/**
 * The hall's side of a secondary kiosk: open only to a paired host terminal, whatever its address
 * (these take a queue key and an age as given, which only a kiosk holding the hall's keyer computes).
 * Tickets are issued without printing: the kiosk prints them and reports the outcome.
 */
const hallSide = { tags: ['terminal'], access: access.hallSide } as const;
const hallSideErrors = errorReplies(400, 401, 403, 404, 409);

/** LAN terminals: pairing, this host's link to its hall, the hall's routes for secondary kiosks, terminal settings. */
export const terminalOperations = defineOperations({
  createPairingCode: {
    method: 'POST',
    path: '/pairing/codes',
    tags: ['pairing'],
    access: technician,
    responses: { 201: PairingCode, ...pairingErrors },
  },
  /**
   * A new terminal claims a code as the kind it is (counter, display, evaluator, host): a browser
   * gets an HttpOnly cookie, a host terminal its token and the hall's identity. Ten wrong codes
   * from one client lock that client out for a minute, not the hall.
   */
  claimPairing: {
    method: 'POST',
    path: '/pairing/claim',
    tags: ['pairing'],
    access: access.anyone,
    body: ClaimPairingRequest,
    responses: { 201: ClaimPairingResponse, ...pairingErrors },
  },
  /**
   * A paired terminal exchanges its token for a new one; the old one dies at once. Secondary hosts
   * rotate on their own (host/hall-link), browsers at their page's start (the cookie is replaced).
   */
  rotateTerminalToken: {
    method: 'POST',
    path: '/pairing/rotate',
    tags: ['pairing'],
    access: access.pairedTerminal,
    responses: { 200: RotatedToken, ...pairingErrors },
  },
  /**
   * The hall's CA certificate (PEM, never its key), for counter PCs and screens to install. Open
   * to an unpaired LAN client too: a browser needs it before it can trust the hall at all.
   */
  lanCaCertificate: {
    method: 'GET',
    path: '/lan/ca-certificate',
    tags: ['pairing'],
    access: access.anyone,
    responses: {
      200: fileReply('The hall CA certificate (PEM) to install on counter PCs and screens.', 'application/x-pem-file'),
      ...errorReplies(404),
    },
  },
  /** The hall CA's fingerprint, shown on the pairing pages to compare with the new terminal's. */
  lanTls: { method: 'GET', path: '/lan/tls', tags: ['pairing'], access: access.anyone, responses: { 200: LanTlsInfo } },
  pairingTerminals: {
    method: 'GET',
    path: '/pairing/terminals',
    tags: ['pairing'],
    access: technician,
    query: PageQuery,
    responses: { 200: TerminalList, ...pairingErrors },
  },
  revokeTerminal: {
    method: 'DELETE',
    path: '/pairing/terminals/:terminalId',
    tags: ['pairing'],
    access: technician,
    params: TerminalIdParams,
    responses: { 200: Terminal, ...pairingErrors },
  },

  /** This machine's pages and counter PCs read the link's state (kiosks show the offline state from it). */
  hallLink: { method: 'GET', path: '/hall-link', tags: ['hall-link'], access: access.desk, responses: { 200: HallLinkStatus } },
  /** Pairing with the six-digit code shown on the hall (technicians). */
  pairWithHall: {
    method: 'POST',
    path: '/hall-link/pair',
    tags: ['hall-link'],
    access: technician,
    body: PairWithHallRequest,
    responses: { 200: HallLinkStatus, ...errorReplies(400, 401, 403, 404, 409, 429, 503) },
  },

  terminalIssueTicket: {
    method: 'POST',
    path: '/terminal/tickets',
    ...hallSide,
    body: TerminalIssueTicketRequest,
    responses: { 201: IssueTicketResponse, ...hallSideErrors },
  },
  terminalTicket: {
    method: 'GET',
    path: '/terminal/tickets/:ticketId',
    ...hallSide,
    params: TicketIdParams,
    responses: { 200: IssueTicketResponse, ...hallSideErrors },
  },
  terminalMyTicket: {
    method: 'POST',
    path: '/terminal/tickets/mine',
    ...hallSide,
    body: TerminalMyTicketRequest,
    responses: { 200: IssueTicketResponse, ...hallSideErrors },
  },
  terminalTicketPrinted: {
    method: 'POST',
    path: '/terminal/tickets/:ticketId/printed',
    ...hallSide,
    params: TicketIdParams,
    body: TerminalPrintReport,
    responses: { 200: TicketResponse, ...hallSideErrors },
  },
  terminalStewardRequest: {
    method: 'POST',
    path: '/terminal/steward-requests',
    ...hallSide,
    body: TerminalStewardRequest,
    responses: { 201: TerminalStewardTicket, ...hallSideErrors },
  },
  terminalCheckIn: {
    method: 'POST',
    path: '/terminal/appointments/check-in',
    ...hallSide,
    body: TerminalCheckInRequest,
    responses: { 200: CheckInResponse, 201: CheckInResponse, ...hallSideErrors },
  },

  // This terminal's settings. Reading is open (the kiosk needs its options before anyone signs in;
  // nothing in them is secret); changing them is a technician's, audited.
  terminalSettings: {
    method: 'GET',
    path: '/terminal/settings',
    tags: ['settings'],
    access: access.desk,
    responses: { 200: TerminalSettingsView },
  },
  saveTerminalSettings: {
    method: 'PUT',
    path: '/terminal/settings',
    tags: ['settings'],
    access: technician,
    body: TerminalSettings,
    responses: { 200: TerminalSettingsView, ...errorReplies(400, 401, 403) },
  },
});
