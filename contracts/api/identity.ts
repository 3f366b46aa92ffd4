import {
  AuditList,
  AuditQuery,
  CreateStaffRequest,
  CurrentStaff,
  RoleGrantIdParams,
  RoleGrantList,
  SignInRequest,
  SignInResponse,
  SignOutResponse,
  StaffIdParams,
  StaffList,
  StaffResponse,
  UpdateStaffRequest,
} from '../auth';
import { CurrentIdentity, EndIdentityResponse } from '../identity';
import { access, defineOperations, errorReplies } from './operation';
import { PageQuery } from '../page';

const signedIn = errorReplies(400, 401, 403);
/** Account management: supervisors, and technicians in the console's hall settings. */
const accountManagers = access.staff(['supervisor', 'technician']);

/** The citizen's card session at the kiosk, staff sign-in, staff accounts and the audit log. */
export const identityOperations = defineOperations({
  /** The card on the reader, masked: only to the kiosk page that read it. */
  identity: { method: 'GET', path: '/identity', tags: ['identity'], access: access.citizen, responses: { 200: CurrentIdentity } },
  /** The citizen is done or idle: the host forgets the card (only the kiosk page that read it may end it). */
  endIdentity: {
    method: 'POST',
    path: '/identity/end',
    tags: ['identity'],
    access: access.citizen,
    responses: { 200: EndIdentityResponse, ...errorReplies(409) },
  },

  signIn: {
    method: 'POST',
    path: '/auth/sign-in',
    tags: ['auth'],
    access: access.desk,
    body: SignInRequest,
    responses: { 200: SignInResponse, ...errorReplies(400, 401, 403, 404, 429) },
  },
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    tags: ['auth'],
    access: access.staff('any'),
    responses: { 200: SignOutResponse, ...signedIn },
  },
  me: {
    method: 'GET',
    path: '/auth/me',
    tags: ['auth'],
    access: access.staff('any'),
    responses: { 200: CurrentStaff, ...signedIn },
  },

  staffAccounts: {
    method: 'GET',
    path: '/staff',
    tags: ['staff'],
    access: accountManagers,
    query: PageQuery,
    responses: { 200: StaffList, ...signedIn },
  },
  createStaff: {
    method: 'POST',
    path: '/staff',
    tags: ['staff'],
    access: accountManagers,
    body: CreateStaffRequest,
    responses: { 201: StaffResponse, ...errorReplies(404, 409), ...signedIn },
  },
  updateStaff: {
    method: 'PATCH',
    path: '/staff/:id',
    tags: ['staff'],
    access: accountManagers,
    params: StaffIdParams,
    body: UpdateStaffRequest,
    responses: { 200: StaffResponse, ...errorReplies(404), ...signedIn },
  },
  /** Only for an account below the caller's rank (a clerk); ends that account's sessions. */
  resetStaffPin: {
    method: 'POST',
    path: '/staff/:id/reset-pin',
    tags: ['staff'],
    access: accountManagers,
    params: StaffIdParams,
    responses: { 200: StaffResponse, ...errorReplies(404), ...signedIn },
  },

  /** Grants of supervisor or technician waiting for a second supervisor. */
  roleGrants: {
    method: 'GET',
    path: '/staff/grants',
    tags: ['staff'],
    access: accountManagers,
    responses: { 200: RoleGrantList, ...signedIn },
  },
  /** A supervisor other than the requester confirms: the role (and the account) take effect. Audited. */
  confirmRoleGrant: {
    method: 'POST',
    path: '/staff/grants/:id/confirm',
    tags: ['staff'],
    access: access.staff(['supervisor']),
    params: RoleGrantIdParams,
    responses: { 200: StaffResponse, ...errorReplies(404, 409), ...signedIn },
  },
  /** Withdrawn by its requester or refused by a supervisor: nothing changes. Audited. */
  refuseRoleGrant: {
    method: 'POST',
    path: '/staff/grants/:id/refuse',
    tags: ['staff'],
    access: accountManagers,
    params: RoleGrantIdParams,
    responses: { 200: RoleGrantList, ...errorReplies(404), ...signedIn },
  },

  audit: {
    method: 'GET',
    path: '/audit',
    tags: ['audit'],
    access: access.staff(['supervisor', 'technician']),
    query: AuditQuery,
    responses: { 200: AuditList, ...signedIn },
  },
});
