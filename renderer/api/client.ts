import { z } from 'zod';
import { ApiError, type ApiErrorCode } from '../../contracts/errors';
import { CurrentIdentity, EndIdentityResponse } from '../../contracts/identity';
import { HostHealth } from '../../contracts/health';
import { SignInResponse, StaffList, StaffResponse, type CreateStaffRequest, type UpdateStaffRequest } from '../../contracts/auth';
import {
  CallNextResponse,
  type Outcome,
  TicketResponse,
  Window,
  IssueTicketResponse,
  RecentCalls,
  ServiceList,
  WindowList,
  type IssueTicketRequest,
} from '../../contracts/queue';
import { SimulatedCardList } from '../../contracts/simulator';
import {
  CaseProgress,
  CaseReceiptResponse,
  CatalogView,
  LocalCaseProgress,
  MyCases,
  SubmitCaseResponse,
  SubmitEvaluationResponse,
  type SubmitCaseInput,
  type SubmitEvaluationRequest,
} from '../../contracts/cases';
import { CheckInResponse, type CheckInRequest } from '../../contracts/appointments';
import { HallNotices } from '../../contracts/notices';
import { DisplaySettings } from '../../contracts/announcements';
import { ClaimPairingResponse, PairingCode, Terminal, TerminalList, type ClaimPairingRequest } from '../../contracts/pairing';
import type { DeviceConfigInput } from '../../contracts/config';
import { DeviceList, DeviceTestResult, DiscoveryResult, PrintPreviewList, type DeviceTestAction } from '../../contracts/devices';
import { SyncStatus } from '../../contracts/sync';
import { HallInfo, HallSettings, type HallSettingsInput } from '../../contracts/hall-settings';
import { ImportResult } from '../../contracts/config-transfer';
import { LogList, type LogLevel } from '../../contracts/logs';
import { TerminalSettingsView, type TerminalSettingsInput } from '../../contracts/terminal-settings';
import { HallLinkStatus } from '../../contracts/hall-link';
import { DayStatistics } from '../../contracts/stats';
import { WaitingList, type TransferRequest } from '../../contracts/queue';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The renderer's only way to the host: every response is parsed with the same
 * zod schema the host validates against, so a contract drift fails loudly here.
 */
export function createApiClient(baseUrl = '') {
  /** Bearer token of the signed-in staff member (counter screens); memory only. */
  let staffToken: string | null = null;
  /** This kiosk page's random id (kiosk pages only): the host answers a page that is not its kiosk accordingly. */
  let kioskPage: string | null = null;

  async function call<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    let response: Response;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (staffToken) headers.authorization = `Bearer ${staffToken}`;
    if (kioskPage) headers['x-kiosk-page'] = kioskPage;
    try {
      response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
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
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiClientError('bad_response', `unexpected response from ${path}`);
    return parsed.data;
  }

  /** 204 No Content parses as null. */
  const empty = z.null();

  /** A file the host sends (e.g. the diagnostics zip), with the name it suggests; same errors as `call`. */
  async function download(path: string): Promise<{ blob: Blob; fileName: string }> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/v1${path}`, {
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

  return {
    /** Marks every request as coming from this kiosk page (see the host's kiosk seat). */
    setKioskPage: (pageId: string) => {
      kioskPage = pageId;
    },
    health: () => call('GET', '/health', HostHealth),
    identity: () => call('GET', '/identity', CurrentIdentity),
    endIdentity: () => call('POST', '/identity/end', EndIdentityResponse),
    services: () => call('GET', '/services', ServiceList),
    windows: () => call('GET', '/windows', WindowList),
    issueTicket: (request: IssueTicketRequest) => call('POST', '/tickets', IssueTicketResponse, request),
    reprint: (ticketId: number) => call('POST', `/tickets/${ticketId}/reprint`, IssueTicketResponse),
    /** The open ticket the card on the reader holds for a service, printed again. */
    reprintMine: (serviceCode: string) => call('POST', '/tickets/mine/reprint', IssueTicketResponse, { serviceCode }),
    ticketProgress: (ticketId: number, key: string) =>
      call('GET', `/tickets/${ticketId}/progress?k=${encodeURIComponent(key)}`, TicketResponse),
    signIn: async (staffNo: string, pin: string, windowId: number) => {
      const result = await call('POST', '/auth/sign-in', SignInResponse, { staffNo, pin, windowId });
      staffToken = result.token;
      return result;
    },
    signOut: async () => {
      if (staffToken) await call('POST', '/auth/sign-out', z.unknown()).catch(() => undefined);
      staffToken = null;
    },
    window: (windowId: number) => call('GET', `/windows/${windowId}`, Window),
    callNext: (windowId: number) => call('POST', `/windows/${windowId}/call-next`, CallNextResponse),
    recall: (windowId: number) => call('POST', `/windows/${windowId}/recall`, CallNextResponse),
    skip: (windowId: number) => call('POST', `/windows/${windowId}/skip`, TicketResponse),
    finish: (windowId: number, outcome: Outcome) => call('POST', `/windows/${windowId}/finish`, TicketResponse, { outcome }),
    pause: (windowId: number, paused: boolean) => call('POST', `/windows/${windowId}/pause`, Window, { paused }),
    recentCalls: (limit = 10) => call('GET', `/calls/recent?limit=${limit}`, RecentCalls),
    // Cases, complaints, evaluations, stewards, appointments and notices (the kiosk's flows).
    catalog: () => call('GET', '/catalog', CatalogView),
    submitCase: (request: SubmitCaseInput) => call('POST', '/cases', SubmitCaseResponse, request),
    myCases: () => call('GET', '/cases/mine', MyCases),
    caseProgress: (caseNumber: string) => call('GET', `/cases/${encodeURIComponent(caseNumber)}/progress`, CaseProgress),
    localCaseProgress: (caseId: string) => call('GET', `/cases/local/${encodeURIComponent(caseId)}/progress`, LocalCaseProgress),
    printReceipt: (caseId: string) => call('POST', `/cases/local/${encodeURIComponent(caseId)}/receipt`, CaseReceiptResponse),
    submitEvaluation: (request: SubmitEvaluationRequest) => call('POST', '/evaluations', SubmitEvaluationResponse, request),
    requestSteward: () => call('POST', '/steward-requests', IssueTicketResponse),
    checkIn: (request: CheckInRequest) => call('POST', '/appointments/check-in', CheckInResponse, request),
    notices: () => call('GET', '/notices', HallNotices),
    simulatedCards: () => call('GET', '/simulator/idcard/cards', SimulatedCardList),
    placeSimulatedCard: (cardId: string) => call('POST', '/simulator/idcard/place', empty, { cardId }),
    removeSimulatedCard: () => call('POST', '/simulator/idcard/remove', empty),
    simulateScan: (code: string) => call('POST', '/simulator/scanner/scan', empty, { code }),
    claimPairing: (request: ClaimPairingRequest) => call('POST', '/pairing/claim', ClaimPairingResponse, request),
    createPairingCode: () => call('POST', '/pairing/codes', PairingCode),
    pairingTerminals: () => call('GET', '/pairing/terminals', TerminalList),
    revokeTerminal: (id: string) => call('DELETE', `/pairing/terminals/${encodeURIComponent(id)}`, Terminal),
    // The counter page (staff bearer token): waiting list, chosen call, hold/resume, transfer, evaluation, today's figures.
    waiting: (windowId: number) => call('GET', `/windows/${windowId}/waiting`, WaitingList),
    callTicket: (windowId: number, ticketId: number) =>
      call('POST', `/windows/${windowId}/tickets/${ticketId}/call`, CallNextResponse),
    hold: (windowId: number) => call('POST', `/windows/${windowId}/hold`, TicketResponse),
    resume: (windowId: number, ticketId: number) =>
      call('POST', `/windows/${windowId}/tickets/${ticketId}/resume`, CallNextResponse),
    transfer: (windowId: number, to: TransferRequest) => call('POST', `/windows/${windowId}/transfer`, TicketResponse, to),
    requestEvaluation: (windowId: number) =>
      call('POST', `/windows/${windowId}/evaluation-request`, z.object({ ticketId: z.number().int() })),
    statsToday: () => call('GET', '/stats/today', DayStatistics),
    // The technician console (technician or supervisor bearer token; the host checks the role).
    /** Signs in away from any window (technicians and supervisors at the console). */
    signInAway: async (staffNo: string, pin: string) => {
      const result = await call('POST', '/auth/sign-in', SignInResponse, { staffNo, pin });
      staffToken = result.token;
      return result;
    },
    devices: () => call('GET', '/devices', DeviceList),
    discoverDevices: () => call('GET', '/devices/discover', DiscoveryResult),
    saveDevice: (config: DeviceConfigInput) => call('PUT', `/devices/${encodeURIComponent(config.id)}`, DeviceList, config),
    removeDevice: (id: string) => call('DELETE', `/devices/${encodeURIComponent(id)}`, DeviceList),
    testDevice: (id: string, action: DeviceTestAction, text?: string) =>
      call(
        'POST',
        `/devices/${encodeURIComponent(id)}/test`,
        DeviceTestResult,
        text === undefined ? { action } : { action, text },
      ),
    devicePreview: (id: string, last = 5) =>
      call('GET', `/devices/${encodeURIComponent(id)}/preview?last=${last}`, PrintPreviewList),
    syncStatus: () => call('GET', '/sync/status', SyncStatus),
    /** The host's recent masked log lines (technician or supervisor); `after` = the last seq already shown. */
    logs: (query: { level?: LogLevel; after?: number; limit?: number } = {}) => {
      const params = new URLSearchParams();
      if (query.level) params.set('level', query.level);
      if (query.after !== undefined) params.set('after', String(query.after));
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      const search = params.toString();
      return call('GET', `/logs${search ? `?${search}` : ''}`, LogList);
    },
    /** The diagnostics zip (technician only): fetched with the staff token, saved by the screen. */
    diagnosticsBundle: () => download('/diagnostics'),
    terminalSettings: () => call('GET', '/terminal/settings', TerminalSettingsView),
    saveTerminalSettings: (settings: TerminalSettingsInput) => call('PUT', '/terminal/settings', TerminalSettingsView, settings),
    hallLink: () => call('GET', '/hall-link', HallLinkStatus),
    pairWithHall: (code: string) => call('POST', '/hall-link/pair', HallLinkStatus, { code }),
    // The hall display: announcement settings (its fallback voice is an <audio> src, see speechPath).
    displaySettings: () => call('GET', '/display/settings', DisplaySettings),
    // Hall settings (technician console; supervisors read) and what every screen may know of them.
    hallInfo: () => call('GET', '/hall/info', HallInfo),
    hallSettings: () => call('GET', '/hall/settings', HallSettings),
    saveHallSettings: (settings: HallSettingsInput) => call('PUT', '/hall/settings', HallSettings, settings),
    staffAccounts: () => call('GET', '/staff', StaffList),
    createStaff: (request: CreateStaffRequest) => call('POST', '/staff', StaffResponse, request),
    updateStaff: (id: number, patch: UpdateStaffRequest) => call('PATCH', `/staff/${id}`, StaffResponse, patch),
    resetStaffPin: (id: number) => call('POST', `/staff/${id}/reset-pin`, StaffResponse),
    /** The configuration file (technician only), with the name the host gives it. */
    exportConfig: () => download('/config/export'),
    /** A configuration file checked (dry run) or applied; the host judges its content. */
    importConfig: (file: unknown, dryRun: boolean) => call('POST', `/config/import?dryRun=${dryRun}`, ImportResult, file),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
