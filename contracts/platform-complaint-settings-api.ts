import { consoleErrors } from './platform-console';
import {
  CalendarDayParams,
  CalendarView,
  DeadlineRulesView,
  DispatchRulesView,
  SaveDeadlineRulesRequest,
  SaveDispatchRulesRequest,
  SetCalendarDayRequest,
} from './platform-complaint-settings';
import { definePlatformOperations } from './platform-operation';

/**
 * The 营商局's settings, each operation declared once; the platform registers them with
 * `platformRoute` (platform/api/routes/complaint-settings.ts). Every signed-in account reads them
 * (the console counts working days on the calendar). A change is made as the signed-in account's
 * complaint person, who must hold the 营商局 role `SETTINGS_EDITORS` names for it: the service
 * answers 403 `not_a_person` or `wrong_role` (with `details.needs`) otherwise, and the operator
 * token, being nobody, changes nothing.
 */

const tags = ['complaint-settings'];

const errors = consoleErrors;

export const complaintSettingsOperations = definePlatformOperations({
  complaintCalendar: {
    method: 'GET',
    path: '/v1/complaints/settings/calendar',
    summary: 'The district calendar: days off and weekend days worked (调休)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: CalendarView, ...errors(401) },
  },
  setCalendarDay: {
    method: 'PUT',
    path: '/v1/complaints/settings/calendar/:date',
    summary: 'Set a day off, or a weekend day worked (营商局 supervisor)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: CalendarDayParams,
    body: SetCalendarDayRequest,
    responses: { 200: CalendarView, ...errors(400, 401, 403) },
  },
  clearCalendarDay: {
    method: 'DELETE',
    path: '/v1/complaints/settings/calendar/:date',
    summary: 'Make a listed day an ordinary one again (营商局 supervisor)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: CalendarDayParams,
    responses: { 200: CalendarView, ...errors(400, 401, 403, 404) },
  },
  deadlineRules: {
    method: 'GET',
    path: '/v1/complaints/settings/deadline-rules',
    summary: 'The deadline rules in force and who saved each version when',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: DeadlineRulesView, ...errors(401) },
  },
  saveDeadlineRules: {
    method: 'PUT',
    path: '/v1/complaints/settings/deadline-rules',
    summary: 'Save a new version of the deadline rules (营商局 supervisor)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    body: SaveDeadlineRulesRequest,
    responses: { 200: DeadlineRulesView, ...errors(400, 401, 403, 409) },
  },
  dispatchRules: {
    method: 'GET',
    path: '/v1/complaints/settings/dispatch-rules',
    summary: 'The dispatch rules (分拣 suggestions) in force and who saved each version when',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: DispatchRulesView, ...errors(401) },
  },
  saveDispatchRules: {
    method: 'PUT',
    path: '/v1/complaints/settings/dispatch-rules',
    summary: 'Save a new version of the dispatch rules (营商局 sorter)',
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    body: SaveDispatchRulesRequest,
    responses: { 200: DispatchRulesView, ...errors(400, 401, 403, 404, 409) },
  },
});

export type ComplaintSettingsOperationName = keyof typeof complaintSettingsOperations;
