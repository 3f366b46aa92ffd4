import './floor.css';
import { useTranslation } from 'react-i18next';
import type { FloorSnapshot } from '../../../contracts/floor';
import { formatTime, useManagerSession } from '../session';
import { FloorAlerts } from './FloorAlerts';
import { FloorServices } from './FloorServices';
import { FloorWindows } from './FloorWindows';
import { durationWords } from './floor-logic';
import { useFloor } from './use-floor';

/**
 * 大厅现场 (/manager#floor): the hall now. The alerts first (each a sentence, how urgent, since
 * when), then the whole hall's figures, the waiting per service and every window. It follows the
 * hall's events (use-floor.ts), so a call at a counter moves it without a reload. Queue facts only:
 * ticket numbers, window numbers, staff numbers and account names; never a citizen.
 */
export default function FloorScreen() {
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const { query, floor } = useFloor();
  return (
    <section className="mgr-floor" aria-labelledby="mgr-floor-title" data-testid="floor">
      <div className="mgr-floor-head">
        <h2 id="mgr-floor-title">{t('mgrFloor.title')}</h2>
        {query.data && (
          <span className="console-muted" data-testid="floor-updated">
            {t('mgrFloor.updated', { time: formatTime(query.data.at, session.timeZone, i18n.language) })}
          </span>
        )}
      </div>
      {query.isError && (
        <p className="console-notice" role="alert">
          {t('mgrFloor.loadFailed', { message: session.describeError(query.error) })}
        </p>
      )}
      {floor && (
        <>
          <FloorAlerts floor={floor} />
          <HallFigures floor={floor} />
          <FloorServices floor={floor} />
          <FloorWindows floor={floor} />
          <p className="console-muted mgr-floor-thresholds">
            {t('mgrFloor.thresholds', { paused: floor.thresholds.windowPausedMinutes, sync: floor.thresholds.syncStuckMinutes })}
          </p>
        </>
      )}
    </section>
  );
}

/** The whole hall in four figures. */
function HallFigures({ floor }: { floor: FloorSnapshot }) {
  const { t } = useTranslation();
  const { hall } = floor;
  const longest = hall.longestWaitSeconds === null ? null : durationWords(hall.longestWaitSeconds);
  return (
    <section className="mgr-floor-hall" aria-label={t('mgrFloor.hall.label')}>
      <dl>
        <div>
          <dt>{t('mgrFloor.hall.waiting')}</dt>
          <dd data-testid="floor-waiting">{hall.waiting}</dd>
        </div>
        <div>
          <dt>{t('mgrFloor.hall.longest')}</dt>
          <dd data-testid="floor-longest">{longest ? t(longest.key, longest.values) : t('mgrFloor.hall.none')}</dd>
        </div>
        <div>
          <dt>{t('mgrFloor.hall.served')}</dt>
          <dd data-testid="floor-served">{hall.served}</dd>
        </div>
        <div>
          <dt>{t('mgrFloor.hall.level')}</dt>
          <dd data-testid="floor-level">
            {hall.serviceLevelPct === null ? t('mgrFloor.hall.none') : `${hall.serviceLevelPct}%`}
            <small>{t('mgrFloor.hall.levelOf', { called: hall.called })}</small>
          </dd>
        </div>
      </dl>
    </section>
  );
}
