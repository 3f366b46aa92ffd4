import { z } from 'zod';
import { HallLevel } from './central-api';
import { HallId, WeeklyHours } from './config';
import { NextPage, PageQuery } from './page';
import { ConsoleErrorBody } from './platform-console';
import { centralErrors, definePlatformOperations } from './platform-operation';

/**
 * The district's halls and their credentials, as the district platform registers them and the
 * district console manages them (issue 20, point 3). Each hall is a district centre (区政务服务中心)
 * or a community centre (社区政务服务中心); its hosts call the platform with the hall's own
 * credential, and the platform answers each request for that hall only (its appointments,
 * notices, change feed, and the catalog of its level: catalog-scope.ts).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A hall's weekly opening hours, in the district's time zone: the host's own schedule shape
 * (contracts/config.ts `WeeklyHours`), each day's periods in order and none empty.
 */
export const HallHours = WeeklyHours.superRefine((week, ctx) => {
  for (const [day, periods] of Object.entries(week)) {
    periods.forEach((period, index) => {
      if (period.from >= period.to) {
        ctx.addIssue({ code: 'custom', path: [day, index, 'to'], message: 'a period ends after it starts' });
      }
      const before = periods[index - 1];
      if (before !== undefined && before.to > period.from) {
        ctx.addIssue({ code: 'custom', path: [day, index, 'from'], message: 'periods in order, without overlap' });
      }
    });
  }
});
export type HallHours = z.infer<typeof HallHours>;

/** What the district registers of a hall, besides its id. */
const HallFields = z.object({
  name: text(100),
  level: HallLevel,
  address: text(200),
  hours: HallHours,
  /** Service windows (窗口) the hall runs. */
  windows: z.number().int().min(1).max(500),
  /** An inactive hall's credentials are refused; its data stays. Halls are deactivated, never deleted. */
  active: z.boolean(),
});

export const Hall = HallFields.extend({
  /** The id the hall's hosts are configured with (`hallId` of their config) and send in their requests. */
  hallId: HallId,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Hall = z.infer<typeof Hall>;

/** Unknown fields are refused rather than dropped: a misspelt field would otherwise be lost silently. */
export const CreateHallRequest = z.strictObject({ ...HallFields.shape, hallId: HallId, active: z.boolean().default(true) });
export type CreateHallRequest = z.infer<typeof CreateHallRequest>;
export type CreateHallInput = z.input<typeof CreateHallRequest>;

/** The fields to change; the id is never changed (hosts and stored records name the hall by it). */
export const UpdateHallRequest = z
  .strictObject(HallFields.partial().shape)
  .refine((fields) => Object.values(fields).some((value) => value !== undefined), 'name at least one field to change');
export type UpdateHallRequest = z.infer<typeof UpdateHallRequest>;

export const HallParams = z.object({ hallId: HallId });

/** Every hall, district centre first, then by id. Halls are registered by hand: a district has tens. */
export const HallsResponse = z.object({ halls: z.array(Hall) });
export type HallsResponse = z.infer<typeof HallsResponse>;

// ---------------------------------------------------------------------------
// Credentials

/**
 * After a rotation the old credential keeps working this long, so each of the hall's hosts can
 * be given the new one without a moment offline (hosts retry refused calls, so a host switched
 * late loses nothing either). Revocation ends a credential at once.
 */
export const CREDENTIAL_ROTATION_OVERLAP_HOURS = 24;

export const CredentialId = z.string().regex(/^HC\d{8,}$/, 'expected a credential id like HC00000012');

/**
 * - `active`: in use, no end set;
 * - `rotating`: replaced by a newer credential, still accepted until `expiresAt` (the overlap);
 * - `expired`: replaced and past its overlap;
 * - `revoked`: ended by the operator.
 */
export const CredentialState = z.enum(['active', 'rotating', 'expired', 'revoked']);
export type CredentialState = z.infer<typeof CredentialState>;

/** A credential as listed: never its secret, which the platform does not have (it keeps a sha256). */
export const HallCredential = z.object({
  credentialId: CredentialId,
  hallId: HallId,
  /** The token's first characters, to tell which credential a host's configuration holds. */
  hint: z.string(),
  state: CredentialState,
  createdAt: z.iso.datetime(),
  /** When a rotated credential stops being accepted. */
  expiresAt: z.iso.datetime().optional(),
  revokedAt: z.iso.datetime().optional(),
  /** The last request it signed, to the hour: whether a host still uses it. */
  lastUsedAt: z.iso.datetime().optional(),
  /** The credential that replaced it at its rotation. */
  replacedBy: CredentialId.optional(),
});
export type HallCredential = z.infer<typeof HallCredential>;

/**
 * A new credential, with its token: the only time the token is shown. The hall's hosts take it
 * as `centralApi.token`; lost, it is rotated, never read back.
 */
export const IssuedCredential = HallCredential.extend({ token: z.string().min(40) });
export type IssuedCredential = z.infer<typeof IssuedCredential>;

export const RotatedCredential = z.object({
  issued: IssuedCredential,
  /** The credential rotated, `rotating` until its `expiresAt`. */
  previous: HallCredential,
});
export type RotatedCredential = z.infer<typeof RotatedCredential>;

export const CredentialParams = HallParams.extend({ credentialId: CredentialId });

/** Newest first; rotations add one a time, so the list is paged. */
export const HallCredentialsResponse = z.object({ credentials: z.array(HallCredential), next: NextPage });
export type HallCredentialsResponse = z.infer<typeof HallCredentialsResponse>;

// ---------------------------------------------------------------------------
// The operations (the platform serves them from this table; the console calls by it)

const tags = ['halls'] as const;

/** Halls and credentials are the district admin's to change; every signed-in role reads them. */
const DISTRICT_ADMIN = { roles: ['district-admin'] } as const;
/** What a signed-in district role the operation does not admit gets. */
const forbidden = { 403: ConsoleErrorBody } as const;

export const platformHallOperations = definePlatformOperations({
  listHalls: {
    method: 'GET',
    path: '/v1/admin/halls',
    summary: "The district's halls, district centre first",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: HallsResponse, ...centralErrors(401) },
  },
  getHall: {
    method: 'GET',
    path: '/v1/admin/halls/:hallId',
    summary: 'One hall',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: HallParams,
    responses: { 200: Hall, ...centralErrors(400, 401, 404) },
  },
  createHall: {
    method: 'POST',
    path: '/v1/admin/halls',
    summary: 'Register a hall under the id its hosts are configured with',
    tags,
    access: 'admin',
    consoleAccess: DISTRICT_ADMIN,
    body: CreateHallRequest,
    responses: { 201: Hall, ...centralErrors(400, 401, 409), ...forbidden },
  },
  updateHall: {
    method: 'PATCH',
    path: '/v1/admin/halls/:hallId',
    summary: "Change a hall's name, level, address, hours, windows or whether it is active",
    tags,
    access: 'admin',
    consoleAccess: DISTRICT_ADMIN,
    params: HallParams,
    body: UpdateHallRequest,
    responses: { 200: Hall, ...centralErrors(400, 401, 404), ...forbidden },
  },
  listHallCredentials: {
    method: 'GET',
    path: '/v1/admin/halls/:hallId/credentials',
    summary: "A hall's credentials, newest first, without their secrets",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: HallParams,
    query: PageQuery,
    responses: { 200: HallCredentialsResponse, ...centralErrors(400, 401, 404) },
  },
  createHallCredential: {
    method: 'POST',
    path: '/v1/admin/halls/:hallId/credentials',
    summary: 'Issue a credential for the hall; its token is shown this once',
    tags,
    access: 'admin',
    consoleAccess: DISTRICT_ADMIN,
    params: HallParams,
    responses: { 201: IssuedCredential, ...centralErrors(400, 401, 404), ...forbidden },
  },
  rotateHallCredential: {
    method: 'POST',
    path: '/v1/admin/halls/:hallId/credentials/:credentialId/rotate',
    summary: `Replace an active credential: a new token (shown once); the old one works ${CREDENTIAL_ROTATION_OVERLAP_HOURS} h more`,
    tags,
    access: 'admin',
    consoleAccess: DISTRICT_ADMIN,
    params: CredentialParams,
    responses: { 201: RotatedCredential, ...centralErrors(400, 401, 404, 409), ...forbidden },
  },
  revokeHallCredential: {
    method: 'POST',
    path: '/v1/admin/halls/:hallId/credentials/:credentialId/revoke',
    summary: 'End a credential now (a lost or copied token); revoking it again changes nothing',
    tags,
    access: 'admin',
    consoleAccess: DISTRICT_ADMIN,
    params: CredentialParams,
    responses: { 200: HallCredential, ...centralErrors(400, 401, 404), ...forbidden },
  },
});
