import type { CatalogItem, CaseStatus } from '../../contracts/central-api';
import {
  ConsoleErrorBody,
  type CaseSearchQueryInput,
  type ConsoleErrorCode,
  type ConsoleNoticesQueryInput,
  type CreateConsoleNoticeRequest,
} from '../../contracts/platform-console';
import {
  consoleOperations as ops,
  consoleUrl,
  parseConsoleReply,
  type ConsoleInput,
  type ConsoleOperation,
  type ConsoleReply,
} from '../../contracts/platform-console-api';
import type { ComplaintAction } from '../../contracts/complaint-actions';
import type { MinxinFileKind } from '../../contracts/minxin';
import type {
  ComplaintListQueryInput,
  CreatePersonAccountRequest,
  HotlineComplaintRequestInput,
  UpdatePersonRequest,
  UpdateUnitRequest,
} from '../../contracts/platform-complaints';
import {
  MinxinImportResult,
  minxinOperations as minxinOps,
  type MinxinExportRequestInput,
} from '../../contracts/platform-minxin-api';
import { complaintOperations as complaintOps } from '../../contracts/platform-complaints-api';
import {
  complaintStatisticsOperations as statsOps,
  type PutAssessmentRulesRequest,
  type StatisticsQuery,
} from '../../contracts/platform-complaint-statistics';
import type {
  SaveDeadlineRulesInput,
  SaveDispatchRulesRequest,
  SetCalendarDayRequest,
} from '../../contracts/platform-complaint-settings';
import { complaintSettingsOperations as settingsOps } from '../../contracts/platform-complaint-settings-api';
import { platformHallOperations as hallOps } from '../../contracts/platform-halls';
import type { IndicatorPeriodKind } from '../../contracts/indicator-periods';
import type { IndicatorTree } from '../../contracts/indicators';
import {
  platformIndicatorOperations as indicatorOps,
  type EnterValueRequest,
  type ReviewEntryRequest,
  type UpdateLeafRequest,
} from '../../contracts/platform-indicators';
import { platformUrl, type PlatformInput, type PlatformOperation, type PlatformReply } from '../../contracts/platform-operation';

/** A failure the platform reported with its stable code, or `network` when it could not be reached. */
export class DistrictClientError extends Error {
  override readonly name = 'DistrictClientError';
  constructor(
    readonly code: ConsoleErrorCode | 'network' | 'bad_response',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A file the platform answered with: its name (from Content-Disposition), its bytes and how many records it holds. */
export interface DownloadedFile {
  name: string;
  blob: Blob;
  count: number;
}

type Parsed<T> = { ok: true; data: T } | { ok: false };

/** Parses a successful reply with the schema `op` declares for its status. */
function parsePlatformReply<O extends PlatformOperation>(op: O, status: number, payload: unknown): Parsed<PlatformReply<O>> {
  const parsed = op.responses[status]?.safeParse(payload);
  // The schema is the one `op` declares for this status: its output is the operation's reply
  // type, which TypeScript cannot follow through a status known only at run time.
  return parsed?.success ? { ok: true, data: parsed.data as PlatformReply<O> } : { ok: false };
}

/** One request of the console, whichever table declares it: what is sent, and how a success is read. */
interface Exchange<T> {
  method: string;
  /** The operation's path as declared, for the message of a reply that does not parse. */
  path: string;
  url: string;
  body: unknown;
  parse: (status: number, payload: unknown) => Parsed<T>;
}

/**
 * The console page's only way to the platform: every call is a declared operation, of the
 * console's table (contracts/platform-console-api.ts) or of the platform's own that admit district
 * staff (`consoleAccess`: contracts/platform-halls.ts), on the page's own origin, and every reply
 * is parsed with the schema its declaration names. The session token lives in this closure only:
 * reloading the page signs out, and nothing of the session is kept in the browser.
 */
export function createDistrictClient(baseUrl = '') {
  let token: string | null = null;

  /** Sends a request with the session's token; a refusal or an unreachable platform is thrown as a DistrictClientError. */
  async function send(method: string, url: string, body: Blob | string | null, contentType: string | null): Promise<Response> {
    const headers: Record<string, string> = {};
    if (contentType !== null) headers['content-type'] = contentType;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${url}`, { method, headers, body });
    } catch {
      throw new DistrictClientError('network', 'platform unreachable');
    }
    if (!response.ok) {
      const json: unknown = await response.json().catch(() => undefined);
      // Both tables' error bodies (CentralErrorBody, and the console's for a refused role) parse here.
      const parsed = ConsoleErrorBody.safeParse(json);
      if (parsed.success)
        throw new DistrictClientError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw new DistrictClientError('bad_response', `HTTP ${response.status}`);
    }
    return response;
  }

  async function exchange<T>({ method, path, url, body, parse }: Exchange<T>): Promise<T> {
    const response = await send(
      method,
      url,
      body === undefined ? null : JSON.stringify(body),
      body === undefined ? null : 'application/json',
    );
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
    const parsed = parse(response.status, json);
    if (!parsed.ok) throw new DistrictClientError('bad_response', `unexpected response from ${path}`);
    return parsed.data;
  }

  /**
   * A file the platform sends (an Excel export): the same session and refusals as a call, the
   * bytes kept as a blob with the name the platform gives it.
   */
  async function download<O extends PlatformOperation>(
    op: O,
    input: PlatformInput<O>,
  ): Promise<{ blob: Blob; fileName: string }> {
    const response = await send(op.method, platformUrl(op, input), null, null);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download.xlsx';
    return { blob: await response.blob(), fileName };
  }

  /** A 民心网 batch file, its bytes as the body (contracts/platform-minxin-api.ts says why not a form). */
  async function importMinxinBatch(file: Blob, kind: MinxinFileKind): Promise<MinxinImportResult> {
    const op = minxinOps.importMinxinBatch;
    const response = await send(op.method, platformUrl(op, { query: { kind } }), file, 'application/octet-stream');
    const parsed = MinxinImportResult.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new DistrictClientError('bad_response', `unexpected response from ${op.path}`);
    return parsed.data;
  }

  /** The replies' file, with the name the platform gives it and how many records it holds. */
  async function exportMinxinReplies(request: MinxinExportRequestInput): Promise<DownloadedFile> {
    const op = minxinOps.exportMinxinReplies;
    const response = await send(op.method, platformUrl(op), JSON.stringify(request), 'application/json');
    const name =
      /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `minxin-replies.${request.format}`;
    return { name, blob: await response.blob(), count: Number(response.headers.get('x-record-count') ?? 0) };
  }

  const call = <O extends ConsoleOperation>(op: O, input: ConsoleInput<O>): Promise<ConsoleReply<O>> =>
    exchange({
      method: op.method,
      path: op.path,
      url: consoleUrl(op, input),
      body: input.body,
      parse: (status, payload) => parseConsoleReply(op, status, payload),
    });

  const callPlatform = <O extends PlatformOperation>(op: O, input: PlatformInput<O>): Promise<PlatformReply<O>> =>
    exchange({
      method: op.method,
      path: op.path,
      url: platformUrl(op, input),
      body: input.body,
      parse: (status, payload) => parsePlatformReply(op, status, payload),
    });

  return {
    signIn: async (username: string, password: string) => {
      const session = await call(ops.signIn, { body: { username, password } });
      token = session.token;
      return session;
    },
    signOut: async () => {
      if (token !== null) await call(ops.signOut, {}).catch(() => undefined);
      token = null;
    },
    me: () => call(ops.me, {}),
    searchCases: (query: CaseSearchQueryInput) => call(ops.searchCases, { query }),
    caseDetail: (caseNumber: string) => call(ops.caseDetail, { params: { caseNumber } }),
    setCaseStatus: (caseNumber: string, status: CaseStatus, note: string | undefined) =>
      call(ops.setCaseStatus, { params: { caseNumber }, body: note === undefined ? { status } : { status, note } }),
    notices: (query: ConsoleNoticesQueryInput) => call(ops.listNotices, { query }),
    createNotice: (request: CreateConsoleNoticeRequest) => call(ops.createNotice, { body: request }),
    withdrawNotice: (noticeId: string) => call(ops.withdrawNotice, { params: { noticeId } }),
    catalog: () => call(ops.catalog, {}),
    addCatalogItem: (expectedVersion: number, item: CatalogItem) => call(ops.addCatalogItem, { body: { expectedVersion, item } }),
    editCatalogItem: (expectedVersion: number, item: CatalogItem) =>
      call(ops.editCatalogItem, { params: { code: item.code }, body: { expectedVersion, item } }),
    retireCatalogItem: (expectedVersion: number, code: string) =>
      call(ops.retireCatalogItem, { params: { code }, body: { expectedVersion } }),
    halls: () => callPlatform(hallOps.listHalls, {}),
    hallCredentials: (hallId: string, page: { limit?: number; offset?: number } = {}) =>
      callPlatform(hallOps.listHallCredentials, { params: { hallId }, query: page }),
    issueCredential: (hallId: string) => callPlatform(hallOps.createHallCredential, { params: { hallId } }),
    rotateCredential: (hallId: string, credentialId: string) =>
      callPlatform(hallOps.rotateHallCredential, { params: { hallId, credentialId } }),
    revokeCredential: (hallId: string, credentialId: string) =>
      callPlatform(hallOps.revokeHallCredential, { params: { hallId, credentialId } }),
    live: () => call(ops.live, {}),
    complaintDirectory: () => callPlatform(complaintOps.complaintDirectory, {}),
    listComplaints: (query: ComplaintListQueryInput) => callPlatform(complaintOps.listComplaints, { query }),
    complaintPage: (number: string) => callPlatform(complaintOps.complaintPage, { params: { number } }),
    complaintAction: (number: string, action: ComplaintAction) =>
      callPlatform(complaintOps.complaintAction, { params: { number }, body: action }),
    // 营商环境评价指标 (contracts/platform-indicators.ts)
    indicatorTree: () => callPlatform(indicatorOps.getIndicatorTree, {}),
    saveIndicatorTree: (expectedVersion: number, tree: IndicatorTree) =>
      callPlatform(indicatorOps.saveIndicatorTree, { body: { expectedVersion, tree } }),
    updateIndicatorLeaf: (code: string, change: UpdateLeafRequest) =>
      callPlatform(indicatorOps.updateIndicatorLeaf, { params: { code }, body: change }),
    indicatorPeriods: () => callPlatform(indicatorOps.listIndicatorPeriods, {}),
    openIndicatorPeriod: (period: string) => callPlatform(indicatorOps.openIndicatorPeriod, { body: { period } }),
    closeIndicatorPeriod: (period: string) => callPlatform(indicatorOps.closeIndicatorPeriod, { params: { period } }),
    computeIndicatorPeriod: (period: string) => callPlatform(indicatorOps.computeIndicatorPeriod, { params: { period } }),
    periodLeaves: (period: string, responsibleUnit?: string) =>
      callPlatform(indicatorOps.listPeriodLeaves, {
        params: { period },
        query: responsibleUnit === undefined ? {} : { responsibleUnit },
      }),
    leafEntries: (period: string, code: string) => callPlatform(indicatorOps.listLeafEntries, { params: { period, code } }),
    enterIndicatorValue: (period: string, code: string, entry: EnterValueRequest) =>
      callPlatform(indicatorOps.enterIndicatorValue, { params: { period, code }, body: entry }),
    reviewIndicatorValue: (period: string, code: string, review: ReviewEntryRequest) =>
      callPlatform(indicatorOps.reviewIndicatorValue, { params: { period, code }, body: review }),
    periodScores: (period: string) => callPlatform(indicatorOps.getPeriodScores, { params: { period } }),
    indicatorTrend: (kind: IndicatorPeriodKind, code?: string) =>
      callPlatform(indicatorOps.getIndicatorTrend, { query: code === undefined ? { kind } : { kind, code } }),
    exportPeriodScores: (period: string) => download(indicatorOps.exportPeriodScores, { params: { period } }),
    complaintStatistics: (query: StatisticsQuery) => callPlatform(statsOps.complaintStatistics, { query }),
    exportComplaintStatistics: (query: StatisticsQuery) => download(statsOps.exportComplaintStatistics, { query }),
    assessmentRules: () => callPlatform(statsOps.getAssessmentRules, {}),
    putAssessmentRules: (request: PutAssessmentRulesRequest) => callPlatform(statsOps.putAssessmentRules, { body: request }),
    registerHotline: (request: HotlineComplaintRequestInput) =>
      callPlatform(complaintOps.registerHotlineComplaint, { body: request }),
    importMinxinBatch,
    pendingMinxinReplies: () => callPlatform(minxinOps.pendingMinxinReplies, {}),
    exportMinxinReplies,
    createComplaintUnit: (unit: PlatformInput<typeof complaintOps.createComplaintUnit>['body']) =>
      callPlatform(complaintOps.createComplaintUnit, { body: unit }),
    updateComplaintUnit: (code: string, change: UpdateUnitRequest) =>
      callPlatform(complaintOps.updateComplaintUnit, { params: { code }, body: change }),
    createComplaintPerson: (person: PlatformInput<typeof complaintOps.createComplaintPerson>['body']) =>
      callPlatform(complaintOps.createComplaintPerson, { body: person }),
    updateComplaintPerson: (personId: string, change: UpdatePersonRequest) =>
      callPlatform(complaintOps.updateComplaintPerson, { params: { personId }, body: change }),
    createComplaintPersonAccount: (personId: string, account: CreatePersonAccountRequest) =>
      callPlatform(complaintOps.createComplaintPersonAccount, { params: { personId }, body: account }),
    complaintCalendar: () => callPlatform(settingsOps.complaintCalendar, {}),
    setCalendarDay: (date: string, day: SetCalendarDayRequest) =>
      callPlatform(settingsOps.setCalendarDay, { params: { date }, body: day }),
    clearCalendarDay: (date: string) => callPlatform(settingsOps.clearCalendarDay, { params: { date } }),
    deadlineRules: () => callPlatform(settingsOps.deadlineRules, {}),
    saveDeadlineRules: (save: SaveDeadlineRulesInput) => callPlatform(settingsOps.saveDeadlineRules, { body: save }),
    dispatchRules: () => callPlatform(settingsOps.dispatchRules, {}),
    saveDispatchRules: (save: SaveDispatchRulesRequest) => callPlatform(settingsOps.saveDispatchRules, { body: save }),
  };
}

export type DistrictClient = ReturnType<typeof createDistrictClient>;
