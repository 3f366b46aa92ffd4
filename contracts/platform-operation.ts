import type { z } from 'zod';
import { CentralErrorBody } from './central-api';
import type { ConsoleAccess } from './platform-console';

/**
 * How an operation of the district platform (platform/) is declared once: method, path, zod
 * schemas, replies and who may call it. The platform registers its route from the declaration
 * (platform/api/operation-route.ts) and a client (the district console) builds its calls from the
 * same one (`platformUrl`, `PlatformInput`, `PlatformReply`), so the two cannot drift. The sibling
 * of the host's route table (`contracts/api/operation.ts`), kept apart because the platform is
 * another program with other callers: hall credentials and the operator, not LAN terminals.
 */

/**
 * Who may call a platform route (`config.access` of its Fastify route, checked first by
 * platform/api/auth.ts):
 * - `public`: anyone (health, for load balancers);
 * - `terminal`: a hall's hosts, with the hall's credential; the request's hall is the credential's;
 * - `admin`: the operator token (scripts), and the district staff an operation's `consoleAccess` admits;
 * - `any`: a hall credential or the operator (the OpenAPI document).
 */
export type PlatformAccess = 'public' | 'terminal' | 'admin' | 'any';

export type PlatformMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PlatformOperationSpec {
  readonly method: PlatformMethod;
  /** The full path, path parameters as `:name` (Fastify's syntax). */
  readonly path: `/v1/${string}`;
  /** One line for the OpenAPI document. */
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access: PlatformAccess;
  /**
   * The district console's staff who may call it too, with a session (an `admin` operation the
   * console offers): checked instead of `access`, which the operator token still passes.
   */
  readonly consoleAccess?: ConsoleAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /**
   * The body's media type when it is bytes, not JSON (a material page's chunk): documented under
   * it in OpenAPI. The route's plugin registers the parser and its size limit.
   */
  readonly bodyMediaType?: string;
  /** Status → reply schema; error statuses carry CentralErrorBody (`centralErrors`). */
  readonly responses: Readonly<Record<number, z.ZodType>>;
}

export type PlatformOperation = PlatformOperationSpec & { readonly name: string };

/** Names each spec by its key: an area's operations are declared as one object. */
export function definePlatformOperations<const T extends Record<string, PlatformOperationSpec>>(
  specs: T,
): { readonly [K in keyof T & string]: T[K] & { readonly name: K } } {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name }])) as {
    readonly [K in keyof T & string]: T[K] & { readonly name: K };
  };
}

/** The error envelope for each of the given statuses: the error replies of an operation. */
export function centralErrors<const S extends readonly number[]>(
  ...statuses: S
): { readonly [K in S[number]]: typeof CentralErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, CentralErrorBody])) as {
    readonly [K in S[number]]: typeof CentralErrorBody;
  };
}

// ── types derived from an operation ─────────────────────────────────────

type Part = 'params' | 'query' | 'body';

type SchemaOf<O, K extends Part> = O extends { readonly [P in K]: infer S extends z.ZodType } ? S : undefined;

type InputPart<O, K extends Part> =
  SchemaOf<O, K> extends z.ZodType ? { readonly [P in K]: z.input<SchemaOf<O, K>> } : { readonly [P in K]?: undefined };

type OutputPart<O, K extends Part> = SchemaOf<O, K> extends z.ZodType ? z.output<SchemaOf<O, K>> : undefined;

/** What a caller sends: path parameters, query and body as the operation's schemas accept them. */
export type PlatformInput<O extends PlatformOperation> = InputPart<O, 'params'> & InputPart<O, 'query'> & InputPart<O, 'body'>;

/** The request once validated: what a handler reads. */
export interface PlatformRequest<O extends PlatformOperation> {
  params: OutputPart<O, 'params'>;
  query: OutputPart<O, 'query'>;
  body: OutputPart<O, 'body'>;
}

type SuccessStatus = 200 | 201 | 204;

/** The parsed body of a successful reply (any of the operation's 2xx replies). */
export type PlatformReply<O extends PlatformOperation> = {
  [S in keyof O['responses']]: S extends SuccessStatus ? z.output<O['responses'][S]> : never;
}[keyof O['responses']];

// ── building a request ──────────────────────────────────────────────────

const fieldsOf = (part: unknown): [string, unknown][] => (typeof part === 'object' && part !== null ? Object.entries(part) : []);

/** `op`'s path with its `:name` segments filled from `params` (URL-encoded). */
export function platformPath(op: PlatformOperation, params?: unknown): string {
  const values = new Map<string, unknown>(fieldsOf(params));
  return op.path.replace(/:(\w+)/g, (_segment, name: string) => {
    const value = values.get(name);
    // A caller that forgot a parameter is a programming error, not a request to send.
    if (value === undefined || value === null) throw new Error(`${op.name}: path parameter ${name} missing`);
    return encodeURIComponent(String(value));
  });
}

/** `op`'s path with its query string (parameters left undefined are left out). */
export function platformUrl(op: PlatformOperation, parts: { readonly params?: unknown; readonly query?: unknown } = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of fieldsOf(parts.query)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? platformPath(op, parts.params) : `${platformPath(op, parts.params)}?${query}`;
}
