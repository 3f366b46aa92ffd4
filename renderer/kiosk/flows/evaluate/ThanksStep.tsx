import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitEvaluationResponse } from '../../../../contracts/cases';
import { useKioskSession } from '../../shell/session';
import { TakeCardNote } from '../../shell/TakeCardReminder';

/** The end: thanks, and for a poor rating the promise that the hall verifies it and answers (差评回访). */
export function ThanksStep({ result }: { result: SubmitEvaluationResponse }) {
  const { t } = useTranslation();
  const session = useKioskSession();
  const { setFinished, voice } = session;
  const { say } = voice;
  const text = result.callbackRequired ? t('evaluate.thanksCallback') : t('evaluate.thanksGood');

  useEffect(() => {
    setFinished(true);
  }, [setFinished]);
  useEffect(() => {
    say({ key: result.callbackRequired ? 'evaluateThanksCallback' : 'evaluateThanks' });
  }, [say, result.callbackRequired]);

  return (
    <section
      className={`evaluate-thanks${result.callbackRequired ? ' callback' : ''}`}
      aria-labelledby="evaluate-thanks-title"
      data-testid="evaluate-thanks"
    >
      <span className="thanks-mark" aria-hidden="true">
        ✓
      </span>
      <h3 id="evaluate-thanks-title" role="status">
        {t('evaluate.thanks')}
      </h3>
      <p className="thanks-level">{t('evaluate.yourRating', { level: t(`evaluate.levels.${result.level}`) })}</p>
      <p className="thanks-text" data-testid="evaluate-callback">
        {text}
      </p>
      {result.callbackRequired && <p className="thanks-desk">{t('evaluate.deskHint')}</p>}
      <TakeCardNote cardOnReader={session.cardOnReader} />
      <button type="button" className="primary big" onClick={() => void session.endSession()}>
        {t('kiosk.finish')}
      </button>
    </section>
  );
}
