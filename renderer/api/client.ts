import {
  operations,
  operationUrl,
  parseReply,
  type Operation,
  type OperationInput,
  type OperationReply,
} from '../../contracts/api';
import { ApiError, type ApiErrorCode } from '../../contracts/errors';
import type { CreateStaffRequest, UpdateStaffRequest } from '../../contracts/auth';
import type { CounterTicketRequest, Outcome, IssueTicketRequest, TransferRequest } from '../../contracts/queue';
import type { SubmitCaseInput, SubmitEvaluationRequest } from '../../contracts/cases';
import type { CheckInRequest } from '../../contracts/appointments';
import type { ClaimPairingRequest } from '../../contracts/pairing';
import type { DeviceConfigInput } from '../../contracts/config';
import type { DeviceTestAction } from '../../contracts/devices';
import type { HallSettingsInput } from '../../contracts/hall-settings';
import type { LogLevel } from '../../contracts/logs';
import type { TerminalSettingsInput } from '../../contracts/terminal-settings';
import type { CameraChoiceInput } from '../../contracts/camera';
import type { PageQueryInput } from '../../contracts/page';
import type { ExtendHoursRequest } from '../../contracts/hours';
import type {
  AppealReviewRequest,
  AssignReviewRequest,
  CallbackReviewRequest,
  DecideAppealRequest,
  RectifyReviewRequest,
  ReviewListQueryInput,
  ReviewRatesQuery,
  VerifyReviewRequest,
} from '../../contracts/reviews';
import type { EditNoticeInput, PublishNoticeInput } from '../../contracts/notices';
import type { StewardAction, StewardListQueryInput } from '../../contracts/steward';
import type { AuditSearchQueryInput } from '../../contracts/audit-search';

/** A failure the host reported with a stable code, or `network` when it could not be reached. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    readonly code: ApiErrorCode | 'network' | 'bad_response',
    message: string,
    /** The error's details (e.g. form_invalid's refused fields), as the host sent them. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A request's parts as sent: the host validates them (see `call` for the typed front). */
interface WireRequest {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

/**
 * The renderer's only way to the host: every call is an operation of the route table
 * (contracts/api), and every response is parsed with the schema the table declares for it, the
 * one the host validates against, so a contract drift fails loudly here.
 */
export function createApiClient(baseUrl = '') {
  /** Bearer token of the signed-in staff member (counter screens); memory only. */
  let staffToken: string | null = null;
  /** This kiosk page's random id (kiosk pages only): the host answers a page that is not its kiosk accordingly. */
  let kioskPage: string | null = null;
  /**
   * The terminal cookie's exchange while it is under way: the old token dies when the host answers
   * it, so other requests wait for the new cookie rather than go out with a dying one.
   */
  let rotation: Promise<unknown> | null = null;

  /** Sends `op` with the parts as given and parses the reply with the schema `op` declares for its status. */
  async function send<O extends Operation>(
    op: O,
    request: WireRequest,
    raw?: { readonly body: Blob; readonly mediaType: string },
  ): Promise<OperationReply<O>> {
    if (rotation !== null && op.name !== operations.rotateTerminalToken.name) await rotation.catch(() => undefined);
    let response: Response;
    const headers: Record<string, string> = {};
    if (raw !== undefined) headers['content-type'] = raw.mediaType;
    else if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (staffToken) headers.authorization = `Bearer ${staffToken}`;
    if (kioskPage) headers['x-kiosk-page'] = kioskPage;
    try {
      response = await fetch(`${baseUrl}${operationUrl(op, request)}`, {
        method: op.method,
        headers,
        body: raw !== undefined ? raw.body : request.body === undefined ? null : JSON.stringify(request.body),
      });
    } catch {
      throw new ApiClientError('network', 'host unreachable');
    }
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ApiError.safeParse(json);
      if (parsed.success) throw new ApiClientError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw new ApiClientError('bad_response', `HTTP ${response.status}`);
    }
    const parsed = parseReply(op, response.status, json);
    if (!parsed.ok) throw new ApiClientError('bad_response', `unexpected response from ${op.path}`);
    return parsed.data;
  }

  /** Calls `op` with its path parameters, query and body typed by the operation's schemas. */
  const call = <O extends Operation>(op: O, input: OperationInput<O>): Promise<OperationReply<O>> => send(op, input);

  /**
   * Sends raw bytes to an operation declaring `rawBody` (a captured page's JPEG), with its media
   * type; the reply is parsed like `call`'s. A body over the operation's limit is refused here
   * (`body_too_large`), without sending it.
   */
  async function upload<O extends Operation>(op: O, bytes: Blob): Promise<OperationReply<O>> {
    const raw = op.rawBody;
    if (raw === undefined) throw new Error(`${op.name} takes no raw body`);
    if (bytes.size > raw.maxBytes) throw new ApiClientError('body_too_large', `over ${raw.maxBytes} bytes`);
    return send(op, {}, { body: bytes, mediaType: raw.mediaType });
  }

  /** A file the host sends (e.g. the diagnostics zip), with the name it suggests; same errors as `call`. */
  async function download(op: Operation, parts: { readonly query?: unknown } = {}): Promise<{ blob: Blob; fileName: string }> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${operationUrl(op, parts)}`, {
        headers: staffToken ? { authorization: `Bearer ${staffToken}` } : {},
      });
    } catch {
      throw new ApiClientError('network', 'host unreachable');
    }
    if (!response.ok) {
      const parsed = ApiError.safeParse(await response.json().catch(() => undefined));
      if (parsed.success) throw new ApiClientError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw new ApiClientError('bad_response', `HTTP ${response.status}`);
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
    return { blob: await response.blob(), fileName };
  }

  const ops = operations;
  return {
    /** Marks every request as coming from this kiosk page (see the host's kiosk seat). */
    setKioskPage: (pageId: string) => {
      kioskPage = pageId;
    },
    health: () => call(ops.health, {}),
    identity: () => call(ops.identity, {}),
    endIdentity: () => call(ops.endIdentity, {}),
    services: () => call(ops.services, {}),
    windows: () => call(ops.windows, {}),
    issueTicket: (request: IssueTicketRequest) => call(ops.issueTicket, { body: request }),
    reprint: (ticketId: number) => call(ops.reprint, { params: { ticketId } }),
    /** The open ticket the card on the reader holds for a service, printed again. */
    reprintMine: (serviceCode: string) => call(ops.reprintMine, { body: { serviceCode } }),
    ticketProgress: (ticketId: number, key: string) => call(ops.ticketProgress, { params: { ticketId }, query: { k: key } }),
    signIn: async (staffNo: string, pin: string, windowId: number) => {
      const result = await call(ops.signIn, { body: { staffNo, pin, windowId } });
      staffToken = result.token;
      return result;
    },
    signOut: async () => {
      if (staffToken) await call(ops.signOut, {}).catch(() => undefined);
      staffToken = null;
    },
    window: (windowId: number) => call(ops.window, { params: { windowId } }),
    callNext: (windowId: number) => call(ops.callNext, { params: { windowId } }),
    recall: (windowId: number) => call(ops.recall, { params: { windowId } }),
    skip: (windowId: number) => call(ops.skip, { params: { windowId } }),
    finish: (windowId: number, outcome: Outcome) => call(ops.finish, { params: { windowId }, body: { outcome } }),
    pause: (windowId: number, paused: boolean) => call(ops.pause, { params: { windowId }, body: { paused } }),
    recentCalls: (limit = 10) => call(ops.recentCalls, { query: { limit } }),
    // Cases, complaints, evaluations, stewards, appointments and notices (the kiosk's flows).
    catalog: () => call(ops.catalog, {}),
    submitCase: (request: SubmitCaseInput) => call(ops.submitCase, { body: request }),
    /**
     * One captured page (its JPEG bytes), held by the host for this card session: name the
     * answered `pageId` in `submitCase`'s `pages`. Errors: `page_not_jpeg`, `body_too_large`
     * (checked here before sending too), `too_many_pages`, `no_identity`.
     */
    uploadMaterialPage: (bytes: Blob) => upload(ops.uploadMaterialPage, bytes),
    myCases: () => call(ops.myCases, {}),
    caseProgress: (caseNumber: string) => call(ops.caseProgress, { params: { caseNumber } }),
    localCaseProgress: (caseId: string) => call(ops.localCaseProgress, { params: { caseId } }),
    /** A printed link opened on a phone: the link's tag is the key (contracts/links.ts). */
    ticketLink: (ticketId: number, key: string) => call(ops.ticketLink, { params: { ticketId }, query: { k: key } }),
    caseLink: (caseId: string, key: string) => call(ops.caseLink, { params: { caseId }, query: { k: key } }),
    printReceipt: (caseId: string) => call(ops.printReceipt, { params: { caseId } }),
    submitEvaluation: (request: SubmitEvaluationRequest) => call(ops.submitEvaluation, { body: request }),
    requestSteward: () => call(ops.requestSteward, {}),
    checkIn: (request: CheckInRequest) => call(ops.checkIn, { body: request }),
    notices: () => call(ops.notices, {}),
    /** 就近办: other halls' waiting for a service (empty when the district platform is out of reach). */
    nearbyHalls: (service: string) => call(ops.nearbyHalls, { query: { service } }),
    simulatedCards: () => call(ops.simulatedCards, {}),
    placeSimulatedCard: (cardId: string) => call(ops.placeSimulatedCard, { body: { cardId } }),
    removeSimulatedCard: () => call(ops.removeSimulatedCard, {}),
    simulateScan: (code: string) => call(ops.simulateScan, { body: { code } }),
    claimPairing: (request: ClaimPairingRequest) => call(ops.claimPairing, { body: request }),
    createPairingCode: () => call(ops.createPairingCode, {}),
    /** One page of the paired terminals (contracts/page.ts); `next` says where the next starts. */
    pairingTerminals: (page: PageQueryInput) => call(ops.pairingTerminals, { query: page }),
    lanTls: () => call(ops.lanTls, {}),
    revokeTerminal: (id: string) => call(ops.revokeTerminal, { params: { terminalId: id } }),
    /** Moves a rating pad to another window (technician). */
    bindTerminalWindow: (id: string, windowNumber: number) =>
      call(ops.bindTerminalWindow, { params: { terminalId: id }, body: { windowNumber } }),
    /** The window evaluator's own binding (a paired rating pad only). */
    evaluatorSelf: () => call(ops.evaluatorSelf, {}),
    /**
     * A paired browser exchanges its terminal token (the host sets the new cookie; the old token
     * dies at once). Requests made meanwhile wait for it.
     */
    rotateTerminalToken: async () => {
      const exchange = call(ops.rotateTerminalToken, {});
      rotation = exchange;
      try {
        return await exchange;
      } finally {
        if (rotation === exchange) rotation = null;
      }
    },
    // The counter page (staff bearer token): waiting list, chosen call, hold/resume, transfer, evaluation, today's figures.
    waiting: (windowId: number) => call(ops.waiting, { params: { windowId } }),
    callTicket: (windowId: number, ticketId: number) => call(ops.callTicket, { params: { windowId, ticketId } }),
    hold: (windowId: number) => call(ops.hold, { params: { windowId } }),
    resume: (windowId: number, ticketId: number) => call(ops.resume, { params: { windowId, ticketId } }),
    transfer: (windowId: number, to: TransferRequest) => call(ops.transfer, { params: { windowId }, body: to }),
    requestEvaluation: (windowId: number) => call(ops.requestEvaluation, { params: { windowId } }),
    /** A disabled or green-channel ticket the clerk issues at this window. */
    issueCounterTicket: (windowId: number, request: CounterTicketRequest) =>
      call(ops.issueCounterTicket, { params: { windowId }, body: request }),
    statsToday: () => call(ops.statsToday, {}),
    /** The manager's report of a range of business days (hall-local, both included). */
    report: (from: string, to: string) => call(ops.report, { query: { from, to } }),
    /** The same report as an .xlsx file. */
    reportExport: (from: string, to: string) => download(ops.reportExport, { query: { from, to } }),
    // The technician console (technician or supervisor bearer token; the host checks the role).
    /** Signs in away from any window (technicians and supervisors at the console). */
    signInAway: async (staffNo: string, pin: string) => {
      const result = await call(ops.signIn, { body: { staffNo, pin } });
      staffToken = result.token;
      return result;
    },
    devices: () => call(ops.devices, {}),
    discoverDevices: () => call(ops.discoverDevices, {}),
    saveDevice: (config: DeviceConfigInput) => call(ops.saveDevice, { params: { id: config.id }, body: config }),
    removeDevice: (id: string) => call(ops.removeDevice, { params: { id } }),
    testDevice: (id: string, action: DeviceTestAction, text?: string) =>
      call(ops.testDevice, { params: { id }, body: text === undefined ? { action } : { action, text } }),
    devicePreview: (id: string, last = 5) => call(ops.devicePreview, { params: { id }, query: { last } }),
    syncStatus: () => call(ops.syncStatus, {}),
    /** The host's recent masked log lines (technician or supervisor); `after` = the last seq already shown. */
    logs: (query: { level?: LogLevel; after?: number; limit?: number } = {}) =>
      call(ops.logs, { query: { level: query.level, after: query.after, limit: query.limit } }),
    /** The diagnostics zip (technician only): fetched with the staff token, saved by the screen. */
    diagnosticsBundle: () => download(ops.diagnostics),
    terminalSettings: () => call(ops.terminalSettings, {}),
    saveTerminalSettings: (settings: TerminalSettingsInput) => call(ops.saveTerminalSettings, { body: settings }),
    cameraChoice: () => call(ops.cameraChoice, {}),
    saveCameraChoice: (choice: CameraChoiceInput) => call(ops.saveCameraChoice, { body: choice }),
    hallLink: () => call(ops.hallLink, {}),
    pairWithHall: (code: string) => call(ops.pairWithHall, { body: { code } }),
    // The hall display: announcement settings (its fallback voice is an <audio> src, see display/speech.ts).
    displaySettings: () => call(ops.displaySettings, {}),
    // Hall settings (technician console; supervisors read) and what every screen may know of them.
    hallInfo: () => call(ops.hallInfo, {}),
    hallSettings: () => call(ops.hallSettings, {}),
    saveHallSettings: (settings: HallSettingsInput) => call(ops.saveHallSettings, { body: settings }),
    /** One page of the staff accounts (contracts/page.ts); `next` says where the next starts. */
    staffAccounts: (page: PageQueryInput) => call(ops.staffAccounts, { query: page }),
    createStaff: (request: CreateStaffRequest) => call(ops.createStaff, { body: request }),
    updateStaff: (id: number, patch: UpdateStaffRequest) => call(ops.updateStaff, { params: { id }, body: patch }),
    resetStaffPin: (id: number) => call(ops.resetStaffPin, { params: { id } }),
    roleGrants: () => call(ops.roleGrants, {}),
    confirmRoleGrant: (id: number) => call(ops.confirmRoleGrant, { params: { id } }),
    refuseRoleGrant: (id: number) => call(ops.refuseRoleGrant, { params: { id } }),
    /** The configuration file (technician only), with the name the host gives it. */
    exportConfig: () => download(ops.exportConfig),
    /**
     * A configuration file checked (dry run) or applied. Sent as the file says, not as typed: the
     * host judges its content and answers what is wrong with it.
     */
    importConfig: (file: unknown, dryRun: boolean) => send(ops.importConfig, { query: { dryRun: String(dryRun) }, body: file }),
    // Today's hours (holidays, 调休, 延时服务) and the supervisors' extensions (manager console).
    hoursToday: () => call(ops.hoursToday, {}),
    hoursExtensions: () => call(ops.hoursExtensions, {}),
    extendHours: (request: ExtendHoursRequest) => call(ops.extendHours, { body: request }),
    cancelHoursExtension: (extensionId: number) => call(ops.cancelHoursExtension, { params: { extensionId } }),
    // 差评整改回访 in the manager console (supervisors; the counts for technicians too).
    reviews: (query: ReviewListQueryInput) => call(ops.reviews, { query }),
    reviewSummary: () => call(ops.reviewSummary, {}),
    reviewRates: (query: ReviewRatesQuery) => call(ops.reviewRates, { query }),
    review: (evaluationId: string) => call(ops.review, { params: { evaluationId } }),
    assignReview: (evaluationId: string, body: AssignReviewRequest) => call(ops.assignReview, { params: { evaluationId }, body }),
    verifyReview: (evaluationId: string, body: VerifyReviewRequest) => call(ops.verifyReview, { params: { evaluationId }, body }),
    rectifyReview: (evaluationId: string, body: RectifyReviewRequest) =>
      call(ops.rectifyReview, { params: { evaluationId }, body }),
    callbackReview: (evaluationId: string, body: CallbackReviewRequest) =>
      call(ops.callbackReview, { params: { evaluationId }, body }),
    appealReview: (evaluationId: string, body: AppealReviewRequest) => call(ops.appealReview, { params: { evaluationId }, body }),
    decideReviewAppeal: (evaluationId: string, body: DecideAppealRequest) =>
      call(ops.decideReviewAppeal, { params: { evaluationId }, body }),
    closeReview: (evaluationId: string) => call(ops.closeReview, { params: { evaluationId } }),
    // Backups of this host's database (technicians; supervisors read the list).
    backups: () => call(ops.backups, {}),
    backUpNow: () => call(ops.backUpNow, {}),
    /** The dry run of a restore: what restoring `name` would change (nothing is changed). */
    previewRestore: (name: string) => call(ops.previewRestore, { params: { name } }),
    /** Restores `name`; the host restarts on it right after answering. */
    restoreBackup: (name: string, acceptUnreadableCurrent: boolean) =>
      call(ops.restoreBackup, { params: { name }, body: { acceptUnreadableCurrent } }),
    // The manager console's live floor (supervisors; technicians look).
    managerFloor: () => call(ops.managerFloor, {}),
    markReviewSeen: (evaluationId: string) => call(ops.markReviewSeen, { params: { evaluationId } }),
    // The manager console's tools (supervisors; technicians read the audit log and today's bookings).
    /** One page of every notice, past, future and withdrawn too, newest first. */
    allNotices: (page: PageQueryInput) => call(ops.allNotices, { query: page }),
    publishNotice: (notice: PublishNoticeInput) => call(ops.publishNotice, { body: notice }),
    editNotice: (id: string, notice: EditNoticeInput) => call(ops.editNotice, { params: { id }, body: notice }),
    withdrawNotice: (id: string) => call(ops.withdrawNotice, { params: { id } }),
    /** One page of the screens a notice may be aimed at (live hall TVs and secondary kiosks). */
    noticeTerminals: (page: PageQueryInput) => call(ops.noticeTerminals, { query: page }),
    appointmentOverview: (page: PageQueryInput) => call(ops.appointmentOverview, { query: page }),
    stewardRequests: (query: StewardListQueryInput) => call(ops.stewardRequests, { query }),
    stewardRequest: (requestId: string) => call(ops.stewardRequest, { params: { requestId } }),
    stewardAction: (requestId: string, action: StewardAction) => call(ops.stewardAction, { params: { requestId }, body: action }),
    auditSearch: (query: AuditSearchQueryInput) => call(ops.auditSearch, { query }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
