import { useTranslation } from 'react-i18next';
import type { StatFigures } from '../../contracts/stats';
import type { DeskFormat } from './use-desk-format';

/** Today's figures for the clerk and for the window, side by side. */
export function TodayStats({
  mine,
  window,
  format,
}: {
  mine: StatFigures | null;
  window: StatFigures | null;
  format: DeskFormat;
}) {
  const { t } = useTranslation();
  const count = (f: StatFigures | null, pick: (f: StatFigures) => number) => (f ? String(pick(f)) : '0');
  const rows: { key: string; label: string; mine: string; window: string }[] = [
    {
      key: 'served',
      label: t('counterUi.stats.served'),
      mine: count(mine, (f) => f.served),
      window: count(window, (f) => f.served),
    },
    {
      key: 'noShow',
      label: t('counterUi.stats.noShow'),
      mine: count(mine, (f) => f.noShow),
      window: count(window, (f) => f.noShow),
    },
    {
      key: 'avgWait',
      label: t('counterUi.stats.avgWait'),
      mine: format.duration(mine?.avgWaitSeconds ?? null),
      window: format.duration(window?.avgWaitSeconds ?? null),
    },
    {
      key: 'avgService',
      label: t('counterUi.stats.avgService'),
      mine: format.duration(mine?.avgServiceSeconds ?? null),
      window: format.duration(window?.avgServiceSeconds ?? null),
    },
  ];
  return (
    <section className="cd-panel cd-stats" aria-labelledby="cd-stats-heading" data-testid="today-stats">
      <h2 id="cd-stats-heading">{t('counterUi.stats.heading')}</h2>
      <table>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('counterUi.stats.mine')}</th>
            <th scope="col">{t('counterUi.stats.window')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-stat={r.key}>
              <th scope="row">{r.label}</th>
              <td data-testid={`stat-mine-${r.key}`}>{r.mine}</td>
              <td data-testid={`stat-window-${r.key}`}>{r.window}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
