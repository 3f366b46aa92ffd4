import { useTranslation } from 'react-i18next';
import { WARN_SECONDS } from './use-idle-timer';

/** The last half minute of an idle screen: a visible count and a big "more time" button. */
export function IdleCountdown({ left, onMoreTime }: { left: number; onMoreTime: () => void }) {
  const { t } = useTranslation();
  if (left > WARN_SECONDS) return null;
  return (
    <div className="idle-countdown" role="alertdialog" aria-labelledby="idle-countdown-text" data-testid="idle-countdown">
      <p id="idle-countdown-text" aria-live="assertive">
        {t('shell.idleWarning', { seconds: left })}
      </p>
      <button type="button" className="primary" onClick={onMoreTime}>
        {t('shell.moreTime')}
      </button>
    </div>
  );
}
