import { useTranslation } from 'react-i18next';
import type { BoardCall } from './call-board';

/** The calls before the current one; those made in the last seconds (other windows calling together) flash. */
export function RecentCalls({ calls }: { calls: readonly BoardCall[] }) {
  const { t } = useTranslation();
  return (
    <section className="hd-recent" aria-labelledby="hd-recent-title" data-testid="recent-calls">
      <h2 id="hd-recent-title" className="hd-heading">
        {t('displayUi.recent')}
      </h2>
      {calls.length === 0 ? (
        <p className="hd-empty">{t('displayUi.noRecent')}</p>
      ) : (
        <ol>
          {calls.map((call) => (
            <li key={call.key} className={call.freshUntil != null ? 'is-fresh' : undefined} data-fresh={call.freshUntil != null}>
              <span className="hd-recent-number">{call.ticketNumber}</span>
              <span className="hd-recent-arrow" aria-hidden="true">
                →
              </span>
              <span className="hd-recent-window">{t('displayUi.window', { window: call.windowNumber })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
