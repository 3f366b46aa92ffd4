import { AppointmentOverview } from '../appointments';
import { AuditSearchQuery, AuditSearchResult } from '../audit-search';
import { EditNoticeRequest, HallNoticeRecord, NoticeIdParams, NoticeTerminalList } from '../notices';
import { PageQuery } from '../page';
import { StewardAction, StewardListQuery, StewardRequestDetail, StewardRequestList, StewardRequestParams } from '../steward';
import { access, defineOperations, errorReplies } from './operation';

const supervisors = access.staff(['supervisor']);
/** Supervisors, and technicians looking (the audit trail, today's bookings: masked data only). */
const managers = access.staff(['supervisor', 'technician']);
const errors = errorReplies(400, 401, 403, 404, 409);

/**
 * The supervisor's tools of the manager console (`/manager`): notices edited and aimed at chosen
 * screens, today's appointments, the steward's work list and the audit log. The hall's business:
 * a secondary kiosk leaves them to its hall (its notices come from the hall, see host/notices).
 */
export const managerToolOperations = defineOperations({
  /** A hall notice's text, time window and screens replaced; audited. */
  editNotice: {
    method: 'PUT',
    path: '/notices/:id',
    tags: ['notices'],
    access: supervisors,
    params: NoticeIdParams,
    body: EditNoticeRequest,
    responses: { 200: HallNoticeRecord, ...errors },
    secondary: 'hallOnly',
  },
  /** The screens a notice may choose besides the hall machine: live hall TVs and secondary kiosks. */
  noticeTerminals: {
    method: 'GET',
    path: '/notices/terminals',
    tags: ['notices'],
    access: supervisors,
    query: PageQuery,
    responses: { 200: NoticeTerminalList, ...errors },
    secondary: 'hallOnly',
  },
  /** Today's bookings with their status and ticket, counts per slot; masked names only. */
  appointmentOverview: {
    method: 'GET',
    path: '/manager/appointments',
    tags: ['appointments'],
    access: managers,
    query: PageQuery,
    responses: { 200: AppointmentOverview, ...errors },
    secondary: 'hallOnly',
  },
  /** The steward's work list: the supervisors' (it carries the desk's notes on enterprises). */
  stewardRequests: {
    method: 'GET',
    path: '/manager/steward',
    tags: ['steward'],
    access: supervisors,
    query: StewardListQuery,
    responses: { 200: StewardRequestList, ...errors },
    secondary: 'hallOnly',
  },
  stewardRequest: {
    method: 'GET',
    path: '/manager/steward/:requestId',
    tags: ['steward'],
    access: supervisors,
    params: StewardRequestParams,
    responses: { 200: StewardRequestDetail, ...errors },
    secondary: 'hallOnly',
  },
  /** Assign, mark contacted, close as done, or add a note: one transaction with its audit row each. */
  stewardAction: {
    method: 'POST',
    path: '/manager/steward/:requestId/actions',
    tags: ['steward'],
    access: supervisors,
    params: StewardRequestParams,
    body: StewardAction,
    responses: { 200: StewardRequestDetail, ...errors },
    secondary: 'hallOnly',
  },
  /** The audit log searched, newest first. This host's own log (a secondary kiosk keeps one too). */
  auditSearch: {
    method: 'GET',
    path: '/manager/audit',
    tags: ['audit'],
    access: managers,
    query: AuditSearchQuery,
    responses: { 200: AuditSearchResult, ...errors },
  },
});
