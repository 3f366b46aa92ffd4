import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationLevel } from '../../contracts/central-api';
import { Face, LEVELS } from '../kiosk/flows/evaluate/Faces';
import { KioskField } from '../ui/keyboard/KioskField';
import { useKeyboard } from '../ui/keyboard/keyboard-context';
import { needsReason, type RateAction, type RateState } from './rate-state';
import { WINDOW_REASONS } from './reasons';
import { useTypingInView } from './use-typing-in-view';

type Rating = Extract<RateState, { view: 'rating' }>;

/**
 * The rating the clerk opened: what is rated (ticket, window, who served), five large faces, and
 * for a 差评 the reasons as chips and the citizen's own words on the on-screen keyboard.
 */
export function RatingPanel({
  state,
  dispatch,
  onSubmit,
  secondsLeft,
}: {
  state: Rating;
  dispatch: (action: RateAction) => void;
  onSubmit: () => void;
  /** Seconds until the untouched rating closes; shown near the end so the citizen can act. */
  secondsLeft: number;
}) {
  const { t } = useTranslation();
  const keyboard = useKeyboard();
  const { service, windowNumber, ticketNumber } = state.rating;
  const area = useRef<HTMLElement>(null);
  const submit = useRef<HTMLButtonElement>(null);
  // The keyboard docks below the content area and shrinks it: the words and 提交评价 stay in it.
  useTypingInView(area, keyboard.active?.id, submit);
  const bad = needsReason(state.level);
  return (
    <main ref={area} className="rate-main rate-open" aria-labelledby="rate-prompt" data-keyboard-view="own">
      <h1 id="rate-prompt" className="rate-prompt">
        {t('rate.prompt')}
      </h1>
      <dl className="rate-service" data-testid="rate-service">
        <div>
          <dt>{t('rate.labels.ticket')}</dt>
          <dd className="rate-ticket" data-testid="rate-ticket">
            {ticketNumber}
          </dd>
        </div>
        <div>
          <dt>{t('rate.labels.window')}</dt>
          <dd data-testid="rate-window">
            {t('rate.window', { number: windowNumber })} · {service.serviceName}
          </dd>
        </div>
        {service.staffNo !== null && (
          <div>
            <dt>{t('rate.labels.staff')}</dt>
            <dd data-testid="rate-staff">
              {service.staffName === null
                ? t('rate.staffNoName', { staffNo: service.staffNo })
                : t('rate.staff', { staffNo: service.staffNo, name: service.staffName })}
            </dd>
          </div>
        )}
      </dl>

      <div className="rate-faces" role="group" aria-labelledby="rate-prompt">
        {LEVELS.map((level: EvaluationLevel) => (
          <button
            key={level}
            type="button"
            className={`rate-face rate-face-${level}`}
            aria-pressed={state.level === level}
            disabled={state.submitting}
            data-level={level}
            onClick={() => dispatch({ type: 'level', level })}
          >
            <Face level={level} />
            <span className="rate-face-label">{t(`evaluate.levels.${level}`)}</span>
          </button>
        ))}
      </div>

      {bad && (
        <section className="rate-reasons" aria-labelledby="rate-why">
          <h2 id="rate-why">{t('rate.whyTitle')}</h2>
          <div className="rate-chips" role="group" aria-labelledby="rate-why">
            {WINDOW_REASONS.map((reason) => (
              <button
                key={reason}
                type="button"
                className="rate-chip"
                aria-pressed={state.reasons.includes(reason)}
                disabled={state.submitting}
                onClick={() => dispatch({ type: 'reason', reason })}
              >
                <span className="rate-chip-check" aria-hidden="true" />
                {t(`evaluate.reasons.${reason}`)}
              </button>
            ))}
          </div>
          <KioskField
            label={t('rate.comment')}
            name="comment"
            layout="pinyin"
            maxLength={300}
            value={state.comment}
            onChange={(text) => dispatch({ type: 'comment', text })}
            hint={t('rate.commentHint')}
          />
        </section>
      )}

      {state.problem && (
        <p className="error rate-problem" role="alert" data-testid="rate-problem">
          {t(`rate.problems.${state.problem}`)}
        </p>
      )}
      {state.level !== null && (
        <button ref={submit} type="button" className="primary rate-submit" disabled={state.submitting} onClick={onSubmit}>
          {state.submitting ? t('rate.submitting') : t('rate.submit')}
        </button>
      )}
      <p className="rate-closes" aria-live="polite" data-testid="rate-closes">
        {secondsLeft <= 15 ? t('rate.closesIn', { seconds: secondsLeft }) : ''}
      </p>
    </main>
  );
}
