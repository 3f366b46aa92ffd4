import { CheckInRequest, CheckInResponse, TodayAppointments } from '../appointments';
import {
  CallNextResponse,
  EvaluationRequested,
  FinishRequest,
  IssueTicketRequest,
  IssueTicketResponse,
  PauseRequest,
  RecentCalls,
  RecentCallsQuery,
  ReprintMineRequest,
  ServiceList,
  TicketIdParams,
  TicketParams,
  TicketProgressQuery,
  TicketResponse,
  TransferRequest,
  WaitingList,
  Window,
  WindowList,
  WindowParams,
} from '../queue';
import { DayStatistics, EndOfDayReport, StatsReportQuery } from '../stats';
import { access, defineOperations, errorReplies } from './operation';

const errors = errorReplies(400, 401, 403, 404, 409);
/** Window staff and supervisors (a supervisor acts at any window, staff at their own). */
const counterStaff = access.staff(['staff', 'supervisor']);

/** A counter action at a window: staff only, and the hall's own work on a secondary kiosk. */
const counter = { tags: ['counter'], access: counterStaff, params: WindowParams, secondary: 'hallOnly' } as const;

/** The queue: services, windows, tickets, the counters' actions, statistics and appointment check-in. */
export const queueOperations = defineOperations({
  services: {
    method: 'GET',
    path: '/services',
    tags: ['queue'],
    access: access.board,
    responses: { 200: ServiceList },
    secondary: 'relay',
  },
  windows: {
    method: 'GET',
    path: '/windows',
    tags: ['queue'],
    access: access.board,
    responses: { 200: WindowList },
    secondary: 'relay',
  },
  window: {
    method: 'GET',
    path: '/windows/:windowId',
    tags: ['queue'],
    access: access.board,
    params: WindowParams,
    responses: { 200: Window, ...errors },
    secondary: 'relay',
  },
  waiting: { method: 'GET', path: '/windows/:windowId/waiting', ...counter, responses: { 200: WaitingList, ...errors } },

  /** A ticket for the card on the reader; disabled and green-channel priority only with a staff token. */
  issueTicket: {
    method: 'POST',
    path: '/tickets',
    tags: ['queue'],
    access: { from: ['kioskShell'], citizen: true, staff: 'optional' },
    body: IssueTicketRequest,
    responses: { 201: IssueTicketResponse, ...errors },
    secondary: 'relay',
  },
  /** A ticket whose print failed, printed again (staff may reprint more). */
  reprint: {
    method: 'POST',
    path: '/tickets/:ticketId/reprint',
    tags: ['queue'],
    access: { from: ['kioskShell'], staff: 'optional' },
    params: TicketIdParams,
    responses: { 200: IssueTicketResponse, ...errors },
    secondary: 'relay',
  },
  /** The open ticket the card on the reader holds for a service, printed again. */
  reprintMine: {
    method: 'POST',
    path: '/tickets/mine/reprint',
    tags: ['queue'],
    access: access.citizen,
    body: ReprintMineRequest,
    responses: { 200: IssueTicketResponse, ...errors },
    secondary: 'relay',
  },
  /** The ticket as its QR link shows it; `k` is the link's tag, so ids cannot be enumerated. */
  ticketProgress: {
    method: 'GET',
    path: '/tickets/:ticketId/progress',
    tags: ['queue'],
    access: { from: ['kioskShell', 'secondaryKiosk', 'counter'] },
    params: TicketIdParams,
    query: TicketProgressQuery,
    responses: { 200: TicketResponse, ...errors },
    secondary: 'relay',
  },

  callNext: { method: 'POST', path: '/windows/:windowId/call-next', ...counter, responses: { 200: CallNextResponse, ...errors } },
  callTicket: {
    method: 'POST',
    path: '/windows/:windowId/tickets/:ticketId/call',
    ...counter,
    params: TicketParams,
    responses: { 200: CallNextResponse, ...errors },
  },
  recall: { method: 'POST', path: '/windows/:windowId/recall', ...counter, responses: { 200: CallNextResponse, ...errors } },
  skip: { method: 'POST', path: '/windows/:windowId/skip', ...counter, responses: { 200: TicketResponse, ...errors } },
  hold: { method: 'POST', path: '/windows/:windowId/hold', ...counter, responses: { 200: TicketResponse, ...errors } },
  resume: {
    method: 'POST',
    path: '/windows/:windowId/tickets/:ticketId/resume',
    ...counter,
    params: TicketParams,
    responses: { 200: CallNextResponse, ...errors },
  },
  transfer: {
    method: 'POST',
    path: '/windows/:windowId/transfer',
    ...counter,
    body: TransferRequest,
    responses: { 200: TicketResponse, ...errors },
  },
  finish: {
    method: 'POST',
    path: '/windows/:windowId/finish',
    ...counter,
    body: FinishRequest,
    responses: { 200: TicketResponse, ...errors },
  },
  requestEvaluation: {
    method: 'POST',
    path: '/windows/:windowId/evaluation-request',
    ...counter,
    responses: { 200: EvaluationRequested, ...errors },
  },
  pause: {
    method: 'POST',
    path: '/windows/:windowId/pause',
    ...counter,
    body: PauseRequest,
    responses: { 200: Window, ...errors },
  },

  recentCalls: {
    method: 'GET',
    path: '/calls/recent',
    tags: ['queue'],
    access: access.board,
    query: RecentCallsQuery,
    responses: { 200: RecentCalls },
    secondary: 'relay',
  },

  // Staff see the hall's figures (their own window's among them); the public does not.
  statsToday: {
    method: 'GET',
    path: '/stats/today',
    tags: ['stats'],
    access: counterStaff,
    responses: { 200: DayStatistics },
    secondary: 'hallOnly',
  },
  statsReport: {
    method: 'GET',
    path: '/stats/report',
    tags: ['stats'],
    access: counterStaff,
    query: StatsReportQuery,
    responses: { 200: EndOfDayReport, ...errorReplies(400) },
    secondary: 'hallOnly',
  },

  /** Check-in by card or QR; 201: a ticket was issued, 200: checked in before, the same open ticket. */
  checkIn: {
    method: 'POST',
    path: '/appointments/check-in',
    tags: ['appointments'],
    access: access.citizen,
    body: CheckInRequest,
    responses: { 200: CheckInResponse, 201: CheckInResponse, ...errors },
    secondary: 'relay',
  },
  /** Today's bookings (masked) for hall staff. */
  appointmentsToday: {
    method: 'GET',
    path: '/appointments/today',
    tags: ['appointments'],
    access: counterStaff,
    responses: { 200: TodayAppointments, ...errors },
    secondary: 'hallOnly',
  },
});
