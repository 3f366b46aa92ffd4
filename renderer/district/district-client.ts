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

/**
 * The console page's only way to the platform: every call is an operation of the console's
 * table (contracts/platform-console-api.ts), on the page's own origin, and every reply is parsed
 * with the schema the table declares. The session token lives in this closure only: reloading
 * the page signs out, and nothing of the session is kept in the browser.
 */
export function createDistrictClient(baseUrl = '') {
  let token: string | null = null;

  async function call<O extends ConsoleOperation>(op: O, input: ConsoleInput<O>): Promise<ConsoleReply<O>> {
    const headers: Record<string, string> = {};
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${consoleUrl(op, input)}`, {
        method: op.method,
        headers,
        body: input.body === undefined ? null : JSON.stringify(input.body),
      });
    } catch {
      throw new DistrictClientError('network', 'platform unreachable');
    }
    const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ConsoleErrorBody.safeParse(json);
      if (parsed.success)
        throw new DistrictClientError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
      throw new DistrictClientError('bad_response', `HTTP ${response.status}`);
    }
    const parsed = parseConsoleReply(op, response.status, json);
    if (!parsed.ok) throw new DistrictClientError('bad_response', `unexpected response from ${op.path}`);
    return parsed.data;
  }

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
    halls: () => call(ops.halls, {}),
    issueCredential: (hallId: string, label: string) => call(ops.issueCredential, { params: { hallId }, body: { label } }),
    rotateCredential: (hallId: string, credentialId: string) => call(ops.rotateCredential, { params: { hallId, credentialId } }),
    revokeCredential: (hallId: string, credentialId: string) => call(ops.revokeCredential, { params: { hallId, credentialId } }),
    live: () => call(ops.live, {}),
  };
}

export type DistrictClient = ReturnType<typeof createDistrictClient>;
