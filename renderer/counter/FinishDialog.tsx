import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome, Ticket } from '../../contracts/queue';
import { DeskDialog } from './DeskDialog';

/** In the order of the national outcome list; the digit keys 1–4 follow it. */
export const OUTCOMES: readonly Outcome[] = ['done', 'needs_materials', 'referred', 'not_handled'];

/** F4: how the citizen's visit ended (办结 / 需补正材料 / 转办 / 未办理). */
export function FinishDialog({
  ticket,
  onConfirm,
  onClose,
}: {
  ticket: Ticket;
  onConfirm: (outcome: Outcome) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('done');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onConfirm(outcome);
  };
  return (
    <DeskDialog labelledBy="cd-finish-title" onClose={onClose} testId="finish-dialog">
      <form
        onSubmit={submit}
        onKeyDown={(e) => {
          const chosen = OUTCOMES[Number(e.key) - 1];
          if (chosen && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            onConfirm(chosen);
          }
        }}
      >
        <h2 id="cd-finish-title">{t('counterUi.finishDialog.title', { number: ticket.number })}</h2>
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
        <p className="cd-hint">{t('counterUi.finishDialog.hint')}</p>
        <div className="cd-dialog-buttons">
          <button type="button" className="cd-secondary" onClick={onClose}>
            {t('counterUi.finishDialog.cancel')}
          </button>
          <button type="submit" className="cd-primary">
            {t('counterUi.finishDialog.confirm')}
          </button>
        </div>
      </form>
    </DeskDialog>
  );
}
