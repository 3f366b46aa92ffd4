import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome, Ticket } from '../../contracts/queue';
import { DeskDialog } from './DeskDialog';
import type { CallTarget } from './desk-logic';

/** In the order of the national outcome list; the digit keys 1–4 follow it. */
export const OUTCOMES: readonly Outcome[] = ['done', 'needs_materials', 'referred', 'not_handled'];

/**
 * F4: how the citizen's visit ended (办结 / 需补正材料 / 转办 / 未办理). Also the first step of a
 * call while someone is served (`then`): the outcome, then the rating request, then the call.
 * 办结, the usual outcome, is preselected and has the focus (the first choice, which the modal
 * focuses): Enter or 1 is one key.
 */
export function FinishDialog({
  ticket,
  then = null,
  onConfirm,
  onClose,
}: {
  ticket: Ticket;
  then?: CallTarget | null;
  onConfirm: (outcome: Outcome) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('done');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onConfirm(outcome);
  };
  const title =
    then === null
      ? t('counterUi.finishDialog.title', { number: ticket.number })
      : then.kind === 'next'
        ? t('counterUi.finishDialog.titleThenNext', { number: ticket.number })
        : t('counterUi.finishDialog.titleThenTicket', { number: ticket.number, next: then.ticket.number });
  return (
    <DeskDialog labelledBy="cd-finish-title" onClose={onClose} testId="finish-dialog">
      <form
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const chosen = OUTCOMES[Number(e.key) - 1];
          if (chosen) {
            e.preventDefault();
            onConfirm(chosen);
          } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
            // Enter on the choices confirms the one selected (browsers differ on submitting from a radio).
            e.preventDefault();
            onConfirm(outcome);
          }
        }}
      >
        <h2 id="cd-finish-title">{title}</h2>
        <fieldset className="cd-choices">
          <legend>{t('counterUi.finishDialog.legend')}</legend>
          {OUTCOMES.map((o, i) => (
            <label key={o} className="cd-choice">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              <kbd aria-hidden="true">{i + 1}</kbd>
              <span className="cd-choice-text">
                <span className="cd-choice-title">{t(`counterUi.outcomes.${o}`)}</span>
                <span className="cd-choice-hint">{t(`counterUi.outcomeHints.${o}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {then !== null && <p className="cd-hint">{t('counterUi.finishDialog.thenHint')}</p>}
        <p className="cd-hint">{t('counterUi.finishDialog.hint')}</p>
        <div className="cd-dialog-buttons">
          <button type="button" className="cd-secondary" onClick={onClose}>
            {t('counterUi.finishDialog.cancel')}
          </button>
          <button type="submit" className="cd-primary">
            {then === null ? t('counterUi.finishDialog.confirm') : t('counterUi.finishDialog.confirmThenCall')}
          </button>
        </div>
      </form>
    </DeskDialog>
  );
}
