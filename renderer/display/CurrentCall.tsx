import { useTranslation } from 'react-i18next';
import type { BoardCall } from './call-board';

/** The newest call, as large as the screen allows: number → window, and the sentence that is said. */
export function CurrentCall({ call }: { call: BoardCall | undefined }) {
  const { t } = useTranslation();
  const fresh = call?.freshUntil != null;
  return (
    <section
      className={`hd-current${fresh ? ' is-fresh' : ''}`}
      data-testid="latest-call"
      aria-labelledby="hd-current-title"
      aria-live="polite"
      aria-atomic="true"
    >
      <h2 id="hd-current-title" className="hd-heading">
        {t('displayUi.current')}
        {call && call.recall > 0 ? <span className="hd-badge">{t('displayUi.recall')}</span> : null}
      </h2>
      {call ? (
        // Keyed by the call, so the arrival animation plays again for every new call and recall.
        <div className="hd-current-call" key={call.key}>
          <span className="hd-current-number" data-testid="current-number">
            {call.ticketNumber}
          </span>
          {/* Arrow and window stay together when a narrow (portrait) screen wraps the line. */}
          <span className="hd-current-to">
            <span className="hd-current-arrow" aria-hidden="true">
              →
            </span>
            <span className="hd-current-window" data-testid="current-window">
              {t('displayUi.window', { window: call.windowNumber })}
            </span>
          </span>
          <p className="hd-current-line">{t('displayUi.callLine', { number: call.ticketNumber, window: call.windowNumber })}</p>
        </div>
      ) : (
        <p className="hd-idle">{t('displayUi.idle')}</p>
      )}
    </section>
  );
}
