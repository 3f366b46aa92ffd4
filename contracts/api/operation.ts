import { z } from 'zod';
import { ApiError } from '../errors';
import type { StaffRole } from '../auth';

/** Where the host serves its API; every operation's path is under it. */
export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The terminals a request can come from. The host tells them apart by address and token
 * (host/lan/caller.ts), never by what the request says about itself:
 * - `kioskShell`: this machine's own pages on loopback (under Electron also carrying the shell's
 *   per-boot header): the kiosk page, and the technician console opened on the kiosk itself;
 * - `secondaryKiosk`: a paired host terminal (a second kiosk's host calling its hall);
 * - `counter`, `display`, `evaluator`: paired LAN browsers, of the kind chosen at pairing (a
 *   window's PC, a hall TV, a window's rating pad).
 */
export const CALLER_TERMINALS = ['kioskShell', 'secondaryKiosk', 'counter', 'display', 'evaluator'] as const;
export type CallerTerminal = (typeof CALLER_TERMINALS)[number];

/**
 * Who may call an operation: declared per operation, enforced by the guard `router()` derives
 * from it (host/api/route.ts). Least privilege: a caller the declaration does not name is refused.
 * - `from`: the terminals admitted (`'anyone'`: also a LAN client not paired yet, i.e. the claim
 *   of a pairing code); any other terminal gets 403 `terminal_forbidden`, an unpaired one 401;
 * - `citizen`: the citizen at the reader. Only the kiosk page the card session is bound to (the
 *   one holding the kiosk seat when the card was read; between cards, the seat's holder) is
 *   admitted among the kiosk pages; another page gets 403 `kiosk_seat_taken`, a paired terminal
 *   403 `terminal_forbidden` (a loopback request naming no page, the shell's own, is no page);
 * - `staff`: a signed-in account of one of these roles (a supervisor may do what staff do;
 *   `'any'`: every role), 401 without a session and 403 for another role; `'optional'`: the
 *   handler reads a staff token when one comes (priority tickets, staff reprints);
 * - `simulator`: served only by a host running simulated devices;
 * - `link`: the key is the link's own HMAC tag (a printed QR code): every caller is admitted,
 *   paired or not (a citizen's phone), and the handler answers only for the right tag, with the
 *   same 404 as an unknown id for a wrong one; a link lookup is rate-limited per client address.
 */
export interface Access {
  readonly from: readonly CallerTerminal[] | 'anyone';
  readonly citizen?: true;
  readonly link?: true;
  readonly staff?: readonly StaffRole[] | 'any' | 'optional';
  readonly simulator?: true;
}

/** Every terminal: the hall's public board data (what a hall TV shows) is readable from all. */
const everyTerminal = CALLER_TERMINALS;
/** Where a person signs in: this machine's own pages, and the paired counter PCs. */
const staffDesks = ['kioskShell', 'counter'] as const satisfies readonly CallerTerminal[];

/** The access declarations the route table uses, by what they protect. */
export const access = {
  /** The claim of a pairing code: a client not paired yet. */
  anyone: { from: 'anyone' },
  /** Anyone holding a printed link's tag (a citizen's phone, never paired): a ticket's or a case's progress. */
  linkHolder: { from: 'anyone', link: true },
  /** Public board data (calls, windows, waiting counts, notices, hall info, catalog, health, events). */
  board: { from: everyTerminal },
  /** The citizen at the reader: only the kiosk page that read the card. */
  citizen: { from: ['kioskShell'], citizen: true },
  /** A kiosk page on this machine, no card needed (a ticket without the card, its reprint). */
  kiosk: { from: ['kioskShell'] },
  /** The hall's side of a secondary kiosk (`/terminal/*`). */
  hallSide: { from: ['secondaryKiosk'] },
  /** A paired terminal's own credentials (its token's rotation). */
  pairedTerminal: { from: ['secondaryKiosk', 'counter', 'display', 'evaluator'] },
  /** The demo's simulated devices, driven from this machine's pages. */
  simulator: { from: ['kioskShell'], simulator: true },
  /** A signed-in account of `roles` (or any role), at this machine or a counter PC. */
  staff: (roles: readonly StaffRole[] | 'any'): Access => ({ from: staffDesks, staff: roles }),
  /** No sign-in needed, from this machine or a counter PC (the technician console's reads before sign-in). */
  desk: { from: staffDesks },
} as const satisfies Record<string, Access | ((roles: readonly StaffRole[] | 'any') => Access)>;

/**
 * `op`'s replies as served and documented: its declared ones, plus the refusals its access guard
 * can give (401 for an unpaired or expired terminal or a missing sign-in, 403 for a terminal, page
 * or role it does not admit), so a client reads them from the OpenAPI document too.
 */
export function servedReplies(op: Pick<OperationSpec, 'access' | 'responses'>): Readonly<Record<number, ReplySpec>> {
  if (Object.keys(op.responses).length === 0 || op.access.from === 'anyone') return op.responses;
  return { 401: ApiError, 403: ApiError, ...op.responses };
}

/** Whether `op` admits a request from `terminal` (before any citizen or staff check). */
export function admitsTerminal(op: { readonly access: Access }, terminal: CallerTerminal): boolean {
  return op.access.from === 'anyone' || op.access.from.includes(terminal);
}

/** A reply that is not JSON (the announcement audio, the diagnostics zip), documented by media type. */
export interface FileReply {
  readonly description: string;
  readonly content: Readonly<Record<string, { readonly schema: z.ZodType }>>;
}

export type ReplySpec = z.ZodType | FileReply;

/**
 * A file reply of one media type. Its body is checked as a Uint8Array (a Buffer is one) rather
 * than `instanceof Buffer`: the renderer loads this table too, and a browser has no Buffer.
 */
export function fileReply(description: string, mediaType: string): FileReply {
  const schema = z.custom<Uint8Array>((value) => value instanceof Uint8Array).meta({ type: 'string', format: 'binary' });
  return { description, content: { [mediaType]: { schema } } };
}

/** One operation of the host API as the table declares it (its name is its key in the table). */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** Under API_PREFIX, path parameters as `:name` (Fastify's syntax). */
  readonly path: `/${string}`;
  /** OpenAPI tags; `counter` and `stats` also name the hall's own work (see `secondary`). */
  readonly tags?: readonly string[];
  readonly access: Access;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /**
   * The body is raw bytes of this media type (a captured page's JPEG), not JSON: the route takes
   * them as a Buffer, at most `maxBytes` (413 beyond, before the rest is read; 415 for another
   * media type). `body` is then a schema of the bytes.
   */
  readonly rawBody?: { readonly mediaType: string; readonly maxBytes: number };
  /** Status → reply; error statuses carry ApiError. Empty for the two routes outside OpenAPI. */
  readonly responses: Readonly<Record<number, ReplySpec>>;
  /**
   * On a secondary kiosk (terminal settings `hallUrl`): `relay` answers from the hall
   * (host/hall-link/relay.ts); `hallOnly` is refused with `served_by_hall` (counter work,
   * statistics). Absent: served by the kiosk's own host.
   */
  readonly secondary?: 'relay' | 'hallOnly';
  /** Left out of the OpenAPI document. */
  readonly hide?: true;
  /** A WebSocket (its plain GET answers 426). */
  readonly websocket?: true;
}

export type Operation = OperationSpec & { readonly name: string };

/** Names each spec by its key: an area's operations are declared as one object. */
export function defineOperations<const T extends Record<string, OperationSpec>>(
  specs: T,
): { readonly [K in keyof T & string]: T[K] & { readonly name: K } } {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name }])) as {
    readonly [K in keyof T & string]: T[K] & { readonly name: K };
  };
}

/** ApiError for each of the given statuses: the error replies of an operation. */
export function errorReplies<const S extends readonly number[]>(...statuses: S): { readonly [K in S[number]]: typeof ApiError } {
  return Object.fromEntries(statuses.map((status) => [status, ApiError])) as { readonly [K in S[number]]: typeof ApiError };
}

// ── types derived from an operation ─────────────────────────────────────

type SchemaOf<O, K extends 'params' | 'query' | 'body'> = O extends { readonly [P in K]: infer S extends z.ZodType }
  ? S
  : undefined;

type InputPart<O, K extends 'params' | 'query' | 'body'> =
  SchemaOf<O, K> extends z.ZodType ? { readonly [P in K]: z.input<SchemaOf<O, K>> } : { readonly [P in K]?: undefined };

type OutputPart<O, K extends 'params' | 'query' | 'body'> =
  SchemaOf<O, K> extends z.ZodType ? z.output<SchemaOf<O, K>> : undefined;

/** What a caller sends: path parameters, query and body as the operation's schemas accept them. */
export type OperationInput<O extends Operation> = InputPart<O, 'params'> & InputPart<O, 'query'> & InputPart<O, 'body'>;

/** The request once validated: what a handler (or the hall relay) reads. */
export interface OperationRequest<O extends Operation> {
  params: OutputPart<O, 'params'>;
  query: OutputPart<O, 'query'>;
  body: OutputPart<O, 'body'>;
}

type SuccessStatus = 200 | 201 | 202 | 204;

/** The parsed body of a successful reply (any of the operation's 2xx JSON replies). */
export type OperationReply<O extends Operation> = {
  [S in keyof O['responses']]: S extends SuccessStatus
    ? O['responses'][S] extends z.ZodType
      ? z.output<O['responses'][S]>
      : never
    : never;
}[keyof O['responses']];

/** The Fastify schema of an operation's route, typed so the zod type provider types its handler. */
export interface RouteSchemaOf<O extends Operation> {
  params: SchemaOf<O, 'params'>;
  querystring: SchemaOf<O, 'query'>;
  body: SchemaOf<O, 'body'>;
  response: O['responses'];
  tags?: readonly string[];
  operationId?: string;
  hide?: boolean;
  /** The body's media type in the OpenAPI document, for a raw body (`rawBody`). */
  consumes?: readonly string[];
}

// ── building requests, reading replies ──────────────────────────────────

/** The fields of a request part (path parameters, query): an object, or nothing. */
const fieldsOf = (part: unknown): [string, unknown][] => (typeof part === 'object' && part !== null ? Object.entries(part) : []);

/** `op`'s path with API_PREFIX, its `:name` segments filled from `params` (URL-encoded). */
export function operationPath(op: Operation, params?: unknown): string {
  const values = new Map<string, unknown>(fieldsOf(params));
  const path = op.path.replace(/:(\w+)/g, (_segment, name: string) => {
    const value = values.get(name);
    // A caller that forgot a parameter is a programming error, not a request to send.
    if (value === undefined || value === null) throw new Error(`${op.name}: path parameter ${name} missing`);
    return encodeURIComponent(String(value));
  });
  return `${API_PREFIX}${path}`;
}

/** `op`'s path with its query string (parameters left undefined are left out). */
export function operationUrl(op: Operation, parts: { readonly params?: unknown; readonly query?: unknown } = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of fieldsOf(parts.query)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? operationPath(op, parts.params) : `${operationPath(op, parts.params)}?${query}`;
}

/** The JSON schema of `op`'s reply with this status, if it declares one. */
export function replySchema(op: Operation, status: number): z.ZodType | undefined {
  const reply = op.responses[status];
  return reply instanceof z.ZodType ? reply : undefined;
}

/**
 * Parses a successful reply with the schema `op` declares for its status; `undefined` when the
 * status is not one it declares or the body does not fit (a host of another version).
 */
export function parseReply<O extends Operation>(
  op: O,
  status: number,
  payload: unknown,
): { ok: true; data: OperationReply<O> } | { ok: false } {
  const schema = replySchema(op, status);
  const parsed = schema?.safeParse(payload);
  // The schema is the one the table declares for this status of `op`, so its output is the
  // operation's reply type; TypeScript cannot follow a status known only at run time.
  return parsed?.success ? { ok: true, data: parsed.data as OperationReply<O> } : { ok: false };
}

/** Validates a request's parts with `op`'s schemas (throws a ZodError on a part that does not fit). */
export function parseRequest<O extends Operation>(
  op: O,
  raw: { params: unknown; query: unknown; body: unknown },
): OperationRequest<O> {
  // Each part is parsed by the schema the table declares for it, or is undefined when it declares
  // none: exactly what OperationRequest<O> says, which TypeScript cannot see through `op`'s fields.
  return {
    params: op.params?.parse(raw.params),
    query: op.query?.parse(raw.query),
    body: op.body?.parse(raw.body),
  } as OperationRequest<O>;
}
