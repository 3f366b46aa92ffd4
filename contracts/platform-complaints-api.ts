import { ComplaintAction } from './complaint-actions';
import { Person, Unit } from './complaints';
import { consoleErrors } from './platform-console';
import {
  ComplaintDirectoryView,
  ComplaintListQuery,
  ComplaintListResponse,
  ComplaintPage,
  ComplaintParams,
  CreatePersonAccountRequest,
  CreatePersonRequest,
  CreateUnitRequest,
  HotlineComplaintRequest,
  PersonAccount,
  PersonParams,
  RegisteredComplaint,
  UnitParams,
  UpdatePersonRequest,
  UpdateUnitRequest,
  WebComplaintReceipt,
  WebComplaintRequest,
} from './platform-complaints';
import { definePlatformOperations } from './platform-operation';

/**
 * 营商诉求's operations, each declared once (method, path, schemas, replies, who may call it);
 * the platform registers them with `platformRoute` (platform/api/routes/complaint-*.ts).
 *
 * Who acts on a complaint is the signed-in console account's complaint person (its unit, duty
 * and bureau roles): every signed-in account may reach these routes, and the service refuses
 * with the lifecycle's own codes, 403 for who (`wrong_role`, `wrong_unit`, `own_reply`,
 * `not_a_person`) and 409 for when (`wrong_state`, `co_unit_parts_missing`). The directory is the
 * district admin's. The web form is public, limited per client address.
 */

const tags = ['complaints'];
const ADMIN = { roles: ['district-admin'] } as const;

const errors = consoleErrors;

export const complaintOperations = definePlatformOperations({
  // The directory (district admin)
  complaintDirectory: {
    method: 'GET',
    path: '/v1/complaints/directory',
    summary: "The district's complaint units and people",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: ComplaintDirectoryView, ...errors(401) },
  },
  createComplaintUnit: {
    method: 'POST',
    path: '/v1/complaints/units',
    summary: 'Add a unit (a department, street or zone); `bureau` designates the 营商局 once',
    tags,
    access: 'admin',
    consoleAccess: ADMIN,
    body: CreateUnitRequest,
    responses: { 201: Unit, ...errors(400, 401, 403, 409) },
  },
  updateComplaintUnit: {
    method: 'PATCH',
    path: '/v1/complaints/units/:code',
    summary: 'Rename a unit or change whether it is active (units are never deleted)',
    tags,
    access: 'admin',
    consoleAccess: ADMIN,
    params: UnitParams,
    body: UpdateUnitRequest,
    responses: { 200: Unit, ...errors(400, 401, 403, 404) },
  },
  createComplaintPerson: {
    method: 'POST',
    path: '/v1/complaints/people',
    summary: "Add a person to a unit (bureau roles only for the 营商局's people)",
    tags,
    access: 'admin',
    consoleAccess: ADMIN,
    body: CreatePersonRequest,
    responses: { 201: Person, ...errors(400, 401, 403, 404) },
  },
  updateComplaintPerson: {
    method: 'PATCH',
    path: '/v1/complaints/people/:personId',
    summary: "Change a person's unit, duty, roles, contacts or whether they are active",
    tags,
    access: 'admin',
    consoleAccess: ADMIN,
    params: PersonParams,
    body: UpdatePersonRequest,
    responses: { 200: Person, ...errors(400, 401, 403, 404) },
  },
  createComplaintPersonAccount: {
    method: 'POST',
    path: '/v1/complaints/people/:personId/account',
    summary: 'A console account that acts as this person (one each: 409 person_has_account)',
    tags,
    access: 'admin',
    consoleAccess: ADMIN,
    params: PersonParams,
    body: CreatePersonAccountRequest,
    responses: { 201: PersonAccount, ...errors(400, 401, 403, 404, 409) },
  },

  // Intake
  registerHotlineComplaint: {
    method: 'POST',
    path: '/v1/complaints/hotline',
    summary: 'Register a hotline call (营商局 intake); answers its number and possible duplicates',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    body: HotlineComplaintRequest,
    responses: { 201: RegisteredComplaint, ...errors(400, 401, 403, 404) },
  },
  submitWebComplaint: {
    method: 'POST',
    path: '/v1/public/complaints',
    summary: "The public web form: an enterprise's complaint without an account (limited per client address)",
    tags,
    access: 'public',
    body: WebComplaintRequest,
    responses: { 201: WebComplaintReceipt, ...errors(400, 404, 429) },
  },

  // The work list and a complaint
  listComplaints: {
    method: 'GET',
    path: '/v1/complaints',
    summary: 'The work list, newest first: by state, unit, channel, overdue stage, text; keyset pages',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: ComplaintListQuery,
    responses: { 200: ComplaintListResponse, ...errors(400, 401) },
  },
  complaintPage: {
    method: 'GET',
    path: '/v1/complaints/:number',
    summary: 'A complaint with its history, deadlines, open 督办单, duplicates and dispatch suggestions',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: ComplaintParams,
    responses: { 200: ComplaintPage, ...errors(400, 401, 404) },
  },
  complaintAction: {
    method: 'POST',
    path: '/v1/complaints/:number/actions',
    summary:
      "One step of the lifecycle, as the signed-in person (evaluate: the enterprise's rating, recorded by intake on the callback)",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: ComplaintParams,
    body: ComplaintAction,
    responses: { 200: ComplaintPage, ...errors(400, 401, 403, 404, 409) },
  },
});

export type ComplaintOperationName = keyof typeof complaintOperations;
