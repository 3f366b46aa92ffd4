/**
 * The district console's operations, each declared once: method, path, who may call it, and
 * the zod schemas of its parts and replies. The platform registers its routes from this table
 * (`platform/api/console-route.ts`: validation, serialization, the role guard, OpenAPI) and the
 * console page calls by it (`renderer/district/api/client.ts`: URLs built, replies parsed).
 */
import { z } from 'zod';
import { CatalogResponse, LiveHallsResponse } from './central-api';
import { CasePageImage, CasePageParams, CasePagesView } from './central-pages';
import {
  CaseDetail,
  CaseSearchQuery,
  CaseSearchResponse,
  CatalogItemChange,
  CatalogItemParams,
  ConsoleCaseParams,
  ConsoleCatalog,
  ConsoleErrorBody,
  ConsoleNotice,
  ConsoleNoticesQuery,
  ConsoleNoticesResponse,
  ConsoleSetStatusRequest,
  CreateConsoleNoticeRequest,
  MeResponse,
  NoticeParams,
  RetireCatalogItemRequest,
  SignInRequest,
  SignInResponse,
} from './platform-console';
import type { ConsoleAccess, DistrictRole } from './platform-console';

export type { ConsoleAccess };

export interface ConsoleOperationSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's syntax: `:name` for path parameters. */
  readonly path: `/v1/console/${string}`;
  readonly summary: string;
  readonly access: ConsoleAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Status → reply; error statuses carry ConsoleErrorBody. */
  readonly responses: Readonly<Record<number, z.ZodType>>;
}

export type ConsoleOperation = ConsoleOperationSpec & { readonly name: string };

function defineConsoleOperations<const T extends Record<string, ConsoleOperationSpec>>(
  specs: T,
): { readonly [K in keyof T & string]: T[K] & { readonly name: K } } {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name }])) as {
    readonly [K in keyof T & string]: T[K] & { readonly name: K };
  };
}

/** The error replies every guarded operation can give, plus those it names. */
function errors<const S extends readonly number[]>(...statuses: S): { readonly [K in S[number] | 401]: typeof ConsoleErrorBody } {
  return Object.fromEntries([401, ...statuses].map((status) => [status, ConsoleErrorBody])) as {
    readonly [K in S[number] | 401]: typeof ConsoleErrorBody;
  };
}

const ADMIN = { roles: ['district-admin'] } as const;
const OPERATOR = { roles: ['district-operator'] } as const;

export const consoleOperations = defineConsoleOperations({
  // Sessions
  signIn: {
    method: 'POST',
    path: '/v1/console/session',
    summary: 'Sign in with a district account; answers a session token',
    access: 'public',
    body: SignInRequest,
    responses: { 201: SignInResponse, ...errors(400, 429) },
  },
  signOut: {
    method: 'DELETE',
    path: '/v1/console/session',
    summary: "End this token's session",
    access: 'signedIn',
    responses: { 204: z.null(), ...errors() },
  },
  me: {
    method: 'GET',
    path: '/v1/console/me',
    summary: 'Who this token is',
    access: 'signedIn',
    responses: { 200: MeResponse, ...errors() },
  },

  // Cases across halls
  searchCases: {
    method: 'GET',
    path: '/v1/console/cases',
    summary: "Every hall's cases, newest first, filtered; keyset pages",
    access: 'signedIn',
    query: CaseSearchQuery,
    responses: { 200: CaseSearchResponse, ...errors(400) },
  },
  caseDetail: {
    method: 'GET',
    path: '/v1/console/cases/:caseNumber',
    summary: 'One case with its status history and the statuses it may take next',
    access: 'signedIn',
    params: ConsoleCaseParams,
    responses: { 200: CaseDetail, ...errors(400, 403, 404) },
  },
  /** The case's material pages (材料页), for whoever may see the case (the case view's access). */
  casePages: {
    method: 'GET',
    path: '/v1/console/cases/:caseNumber/pages',
    summary: 'The material pages of a case: what each is, without its bytes',
    access: 'signedIn',
    params: ConsoleCaseParams,
    responses: { 200: CasePagesView, ...errors(400, 403, 404) },
  },
  casePageImage: {
    method: 'GET',
    path: '/v1/console/cases/:caseNumber/pages/:pageId',
    summary: 'One material page of a case, its JPEG (404 once purged)',
    access: 'signedIn',
    params: CasePageParams,
    responses: { 200: CasePageImage, ...errors(400, 403, 404) },
  },
  setCaseStatus: {
    method: 'POST',
    path: '/v1/console/cases/:caseNumber/status',
    summary: 'Move a case along its lifecycle (受理, 办理, 办结, …)',
    access: OPERATOR,
    params: ConsoleCaseParams,
    body: ConsoleSetStatusRequest,
    responses: { 200: CaseDetail, ...errors(400, 403, 404, 409) },
  },

  // Notices
  listNotices: {
    method: 'GET',
    path: '/v1/console/notices',
    summary: 'Every notice, withdrawn ones too, newest first; keyset pages',
    access: 'signedIn',
    query: ConsoleNoticesQuery,
    responses: { 200: ConsoleNoticesResponse, ...errors(400) },
  },
  createNotice: {
    method: 'POST',
    path: '/v1/console/notices',
    summary: 'Publish a notice to every hall or to some (404 hall_not_found: a hall named is not registered)',
    access: OPERATOR,
    body: CreateConsoleNoticeRequest,
    responses: { 201: ConsoleNotice, ...errors(400, 403, 404) },
  },
  withdrawNotice: {
    method: 'POST',
    path: '/v1/console/notices/:noticeId/withdraw',
    summary: 'Withdraw a notice: it leaves every hall at their next sync',
    access: OPERATOR,
    params: NoticeParams,
    responses: { 200: ConsoleNotice, ...errors(400, 403, 404) },
  },

  // The catalog editor
  catalog: {
    method: 'GET',
    path: '/v1/console/catalog',
    summary: 'The catalog served to the halls, and the retired items',
    access: 'signedIn',
    responses: { 200: ConsoleCatalog, ...errors() },
  },
  addCatalogItem: {
    method: 'POST',
    path: '/v1/console/catalog/items',
    summary: 'Add an item (bumps the version and the ETag)',
    access: ADMIN,
    body: CatalogItemChange,
    responses: { 201: CatalogResponse, ...errors(400, 403, 409) },
  },
  editCatalogItem: {
    method: 'PUT',
    path: '/v1/console/catalog/items/:code',
    summary: 'Change one item (its code stays)',
    access: ADMIN,
    params: CatalogItemParams,
    body: CatalogItemChange,
    responses: { 200: CatalogResponse, ...errors(400, 403, 404, 409) },
  },
  retireCatalogItem: {
    method: 'POST',
    path: '/v1/console/catalog/items/:code/retire',
    summary: 'Take an item out of the catalog the halls are served',
    access: ADMIN,
    params: CatalogItemParams,
    body: RetireCatalogItemRequest,
    responses: { 200: CatalogResponse, ...errors(400, 403, 404, 409) },
  },

  // The live district (each hall's latest snapshot, services/live-service.ts). Halls and their
  // credentials are the console's too, declared with the hall registry (contracts/platform-halls.ts).
  live: {
    method: 'GET',
    path: '/v1/console/live',
    summary: 'Every registered hall with its latest snapshot as sent, its age and whether it is stale',
    access: 'signedIn',
    responses: { 200: LiveHallsResponse, ...errors() },
  },
});

export type ConsoleOperationName = keyof typeof consoleOperations;

// ── types derived from an operation, and building its request ──────────

type SchemaOf<O, K extends 'params' | 'query' | 'body'> = O extends { readonly [P in K]: infer S extends z.ZodType }
  ? S
  : undefined;

type InputPart<O, K extends 'params' | 'query' | 'body'> =
  SchemaOf<O, K> extends z.ZodType ? { readonly [P in K]: z.input<SchemaOf<O, K>> } : { readonly [P in K]?: undefined };

/** What a caller sends: path parameters, query and body as the operation's schemas accept them. */
export type ConsoleInput<O extends ConsoleOperation> = InputPart<O, 'params'> & InputPart<O, 'query'> & InputPart<O, 'body'>;

/** The parsed body of a successful reply. */
export type ConsoleReply<O extends ConsoleOperation> = {
  [S in keyof O['responses']]: S extends 200 | 201 | 204 ? z.output<O['responses'][S]> : never;
}[keyof O['responses']];

/** The Fastify schema of an operation's route, typed so the zod type provider types its handler. */
export interface ConsoleRouteSchema<O extends ConsoleOperation> {
  params: SchemaOf<O, 'params'>;
  querystring: SchemaOf<O, 'query'>;
  body: SchemaOf<O, 'body'>;
  response: O['responses'];
}

const fieldsOf = (part: unknown): [string, unknown][] => (typeof part === 'object' && part !== null ? Object.entries(part) : []);

/** `op`'s path, its `:name` segments filled from `params` (URL-encoded), with its query string. */
export function consoleUrl(op: ConsoleOperation, parts: { readonly params?: unknown; readonly query?: unknown } = {}): string {
  const values = new Map<string, unknown>(fieldsOf(parts.params));
  const path = op.path.replace(/:(\w+)/g, (_segment, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === null) throw new Error(`${op.name}: path parameter ${name} missing`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of fieldsOf(parts.query)) if (value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

/** Parses a successful reply with the schema `op` declares for its status. */
export function parseConsoleReply<O extends ConsoleOperation>(
  op: O,
  status: number,
  payload: unknown,
): { ok: true; data: ConsoleReply<O> } | { ok: false } {
  const parsed = op.responses[status]?.safeParse(payload);
  // The schema is the one the table declares for this status of `op`: its output is the
  // operation's reply type, which TypeScript cannot follow through a status known at run time.
  return parsed?.success ? { ok: true, data: parsed.data as ConsoleReply<O> } : { ok: false };
}

/** Whether a signed-in `role` may call `op` (what a screen offers; the platform checks again). */
export function admitsRole(op: ConsoleOperation, role: DistrictRole): boolean {
  return op.access === 'public' || op.access === 'signedIn' || op.access.roles.includes(role);
}
