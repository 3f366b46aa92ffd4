import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { complaintSettingsOperations as ops } from '../../../contracts/platform-complaint-settings-api';
import type { ComplaintSettingsEditor, SettingsEditor, SettingsOutcome } from '../../services/complaint-settings-editor';
import { actingPersonOf } from '../acting-person';
import { actorOf, principalOf } from '../auth';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface ComplaintSettingsRoutesOptions {
  editor: ComplaintSettingsEditor;
}

const editorOf = (request: FastifyRequest): SettingsEditor => ({
  personId: actingPersonOf(request),
  username: actorOf(principalOf(request)),
});

/** The answer of a settings change, or its refusal as an ApiError. */
function valueOf<T>(outcome: SettingsOutcome<T>): T {
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'not_a_person':
      throw new ApiError(403, 'not_a_person', 'this account acts as no active person of the complaint directory');
    case 'wrong_role':
      throw new ApiError(403, 'wrong_role', `only the 营商局's ${outcome.needs} role changes this`, { needs: [outcome.needs] });
    case 'not_a_weekend':
      throw new ApiError(400, 'invalid_request', `${outcome.date} is a weekday: only a Saturday or Sunday is made a working day`);
    case 'calendar_day_not_found':
      throw new ApiError(404, 'calendar_day_not_found', `the calendar does not list ${outcome.date}`);
    case 'rules_changed':
      throw new ApiError(409, 'rules_changed', 'the rules were saved since you read them', { version: outcome.version });
    case 'unit_not_found':
      throw new ApiError(404, 'unit_not_found', `no unit ${outcome.unitCode}`);
    case 'area_not_a_street':
      throw new ApiError(400, 'invalid_request', `${outcome.unitCode} is a department, not a street or zone`);
  }
}

/** The 营商局's calendar, deadline rules and dispatch rules: every signed-in account reads, the bureau's roles edit. */
export const complaintSettingsRoutes: FastifyPluginAsync<ComplaintSettingsRoutesOptions> = async (app, { editor }) => {
  platformRoute(app, ops.complaintCalendar, async () => ({ status: 200, body: await editor.calendar() }));

  platformRoute(app, ops.setCalendarDay, async ({ params, body }, request) => ({
    status: 200,
    body: valueOf(await editor.setDay(editorOf(request), params.date, body)),
  }));

  platformRoute(app, ops.clearCalendarDay, async ({ params }, request) => ({
    status: 200,
    body: valueOf(await editor.clearDay(editorOf(request), params.date)),
  }));

  platformRoute(app, ops.deadlineRules, async () => ({ status: 200, body: await editor.deadlineRules() }));

  platformRoute(app, ops.saveDeadlineRules, async ({ body }, request) => ({
    status: 200,
    body: valueOf(await editor.saveDeadlineRules(editorOf(request), body)),
  }));

  platformRoute(app, ops.dispatchRules, async () => ({ status: 200, body: await editor.dispatchRules() }));

  platformRoute(app, ops.saveDispatchRules, async ({ body }, request) => ({
    status: 200,
    body: valueOf(await editor.saveDispatchRules(editorOf(request), body)),
  }));
};
