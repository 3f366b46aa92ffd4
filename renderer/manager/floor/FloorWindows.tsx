import { useTranslation } from 'react-i18next';
import type { FloorSnapshot, FloorWindow } from '../../../contracts/floor';
import { durationWords, windowCounts } from './floor-logic';

/** Every window at a glance: open, paused (and how long) or closed, who is there, whom it serves. */
export function FloorWindows({ floor }: { floor: FloorSnapshot }) {
  const { t } = useTranslation();
  return (
    <section className="mgr-floor-windows" aria-labelledby="mgr-floor-windows-title">
      <h3 id="mgr-floor-windows-title">
        {t('mgrFloor.windows.title')}
        <span className="mgr-floor-count">{t('mgrFloor.windows.summary', windowCounts(floor))}</span>
      </h3>
      <ul>
        {floor.windows.map((w) => (
          <WindowCard key={w.id} window={w} />
        ))}
      </ul>
    </section>
  );
}

function WindowCard({ window: w }: { window: FloorWindow }) {
  const { t } = useTranslation();
  const duration = (seconds: number) => {
    const words = durationWords(seconds);
    return t(words.key, words.values);
  };
  let doing: string;
  if (w.status === 'paused') doing = t('mgrFloor.windows.paused', { duration: duration(w.pausedSeconds ?? 0) });
  else if (w.serving)
    doing = t('mgrFloor.windows.serving', { ticket: w.serving.ticketNumber, duration: duration(w.serving.servingSeconds) });
  else doing = w.status === 'open' ? t('mgrFloor.windows.idle') : '';
  return (
    <li className={`mgr-floor-window ${w.status}`} data-testid="floor-window" data-number={w.number}>
      <div className="mgr-floor-window-head">
        <strong>{t('mgrFloor.windows.number', { number: w.number })}</strong>
        <span className="mgr-floor-status" data-testid="floor-window-status">
          {t(`mgrFloor.windows.status.${w.status}`)}
        </span>
      </div>
      <div className="mgr-floor-window-name">{w.name}</div>
      <div data-testid="floor-window-staff">
        {w.staff ? t('mgrFloor.windows.staff', { staffNo: w.staff.staffNo, name: w.staff.name }) : t('mgrFloor.windows.nobody')}
      </div>
      {doing !== '' && <div data-testid="floor-window-doing">{doing}</div>}
      <div className="console-muted">
        {t('mgrFloor.windows.served', { count: w.servedToday })}
        {w.held > 0 && ` · ${t('mgrFloor.windows.held', { count: w.held })}`}
      </div>
    </li>
  );
}
