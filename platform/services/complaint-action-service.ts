import { EVALUATION_RECORDED_BY } from '../../contracts/complaint-actions';
import type { ComplaintAction, ComplaintActor, ComplaintRefusal } from '../../contracts/complaint-actions';
import { caseStatusOf } from '../../contracts/complaints';
import type { Sql } from '../db/sql';
import { updateCaseStatus } from '../store/cases';
import { appendChange } from '../store/change-feed';
import { complaintRow, insertStep, replaceCoUnits, updateComplaint } from '../store/complaints';
import type { ComplaintDirectoryService } from './complaint-directory-service';
import { applyComplaintAction } from './complaint-lifecycle';
import { publicCaseNote } from './complaint-public-notes';
import { loadComplaint } from './complaint-records';
import { stageDueAtOf } from './complaint-registration';
import type { ComplaintSettings } from './complaint-settings';

export type ActionOutcome =
  | { kind: 'ok' }
  | { kind: 'complaint_not_found'; number: string }
  | { kind: 'not_a_person' }
  | { kind: 'unit_not_found'; unitCode: string }
  | { kind: 'refused'; refusal: ComplaintRefusal };

/**
 * Each action of the lifecycle (complaint-lifecycle.ts) as one transaction on the locked
 * complaint row: the step inserted, the row and co-units updated, and a public step mirrored to
 * the complaint's case (its status by `caseStatusOf`, a status change with the step's public
 * note appended to the case's hall feed, last, under the hall's feed lock), so the kiosk's
 * progress page shows it. A refusal writes nothing.
 */
export class ComplaintActionService {
  constructor(
    private readonly sql: Sql,
    private readonly directory: ComplaintDirectoryService,
    private readonly settings: ComplaintSettings,
    private readonly now: () => Date,
  ) {}

  /**
   * `personId` is the signed-in account's person. The enterprise's evaluation is recorded by a
   * 营商局 `intake` person from the callback (回访); the step names the enterprise as its actor.
   */
  async act(number: string, personId: string | null, action: ComplaintAction): Promise<ActionOutcome> {
    const person = await this.directory.actorOf(personId);
    if (person === undefined) return { kind: 'not_a_person' };
    let actor: ComplaintActor = person;
    if (action.type === 'evaluate') {
      if (person.kind !== 'staff' || !person.bureauRoles.includes(EVALUATION_RECORDED_BY)) {
        return { kind: 'refused', refusal: { code: 'wrong_role', needs: [EVALUATION_RECORDED_BY] } };
      }
      actor = { kind: 'enterprise' };
    }
    return this.apply(number, actor, action, null);
  }

  /**
   * The enterprise's own evaluation, given at the kiosk of the hall its complaint was filed at:
   * the hall's host lets only the card holder whose case it is rate it, and sends it as the
   * case's 好差评. `hallId` is the signed-in hall's; a complaint filed elsewhere is not found.
   */
  async evaluateAtKiosk(
    number: string,
    hallId: string,
    evaluation: Omit<Extract<ComplaintAction, { type: 'evaluate' }>, 'type'>,
  ): Promise<ActionOutcome> {
    return this.apply(number, { kind: 'enterprise' }, { type: 'evaluate', ...evaluation }, hallId);
  }

  private async apply(
    number: string,
    actor: ComplaintActor,
    action: ComplaintAction,
    fromHall: string | null,
  ): Promise<ActionOutcome> {
    const units = new Map((await this.directory.units()).map((u) => [u.code, u]));
    if (action.type === 'dispatch') {
      const unknown = [action.leadUnit, ...action.coUnits].find((code) => units.get(code)?.active !== true);
      if (unknown !== undefined) return { kind: 'unit_not_found', unitCode: unknown };
    }
    if (action.type === 'merge' && (await complaintRow(this.sql, action.into)) === undefined) {
      return { kind: 'complaint_not_found', number: action.into };
    }
    const { deadlines } = await this.settings.current();
    const unitName = (code: string): string => units.get(code)?.name ?? code;

    return this.sql.transaction(async (tx): Promise<ActionOutcome> => {
      const loaded = await loadComplaint(tx, number, true);
      if (loaded === undefined || (fromHall !== null && loaded.hallId !== fromHall))
        return { kind: 'complaint_not_found', number };
      const at = this.now();
      const transition = applyComplaintAction(loaded.complaint, action, actor, at.toISOString());
      if (!transition.ok) return { kind: 'refused', refusal: transition.refusal };
      const { complaint: next, step } = transition;
      await insertStep(tx, number, step);
      await updateComplaint(tx, number, {
        state: next.state,
        leadUnit: next.leadUnit,
        handler: next.handler,
        reply: next.reply,
        returns: next.returns,
        mergedInto: next.mergedInto,
        evaluation: next.evaluation,
        closedAt: action.type === 'close' ? step.at : null,
        stageDueAt: stageDueAtOf(next, deadlines),
      });
      if (action.type === 'dispatch' || action.type === 'decline' || action.type === 'submit_part') {
        await replaceCoUnits(tx, number, next.coUnits);
      }
      if (step.visibility === 'public') {
        const status = caseStatusOf(next.state);
        await updateCaseStatus(tx, number, status, null);
        // Last: it takes the hall's feed lock, held to the commit (store/change-feed.ts).
        await appendChange(tx, loaded.hallId, { caseNumber: number, status, note: publicCaseNote(step, unitName), at });
      }
      return { kind: 'ok' };
    });
  }
}
