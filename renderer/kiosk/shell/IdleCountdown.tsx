import { useTranslation } from 'react-i18next';
import { useSecondsLeft, WARN_SECONDS, type IdleCountdownClock } from './use-idle-timer';

/**
 * The last half minute of an idle screen: a visible count and a big "more time" button. Only this
 * renders with the countdown's ticks, not the screen around it.
 */
export function IdleCountdown({ countdown, onMoreTime }: { countdown: IdleCountdownClock; onMoreTime: () => void }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(countdown, Number.POSITIVE_INFINITY);
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
