import { useTranslation } from 'react-i18next';
import type { FloorSnapshot } from '../../../contracts/floor';
import { durationWords } from './floor-logic';

/** Each service: how many wait, who has waited longest, its target and today's service level. */
export function FloorServices({ floor }: { floor: FloorSnapshot }) {
  const { t } = useTranslation();
  return (
    <section className="mgr-floor-services" aria-labelledby="mgr-floor-services-title">
      <h3 id="mgr-floor-services-title">{t('mgrFloor.services.title')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('mgrFloor.services.service')}</th>
            <th scope="col" className="num">
              {t('mgrFloor.services.waiting')}
            </th>
            <th scope="col">{t('mgrFloor.services.longest')}</th>
            <th scope="col" className="num">
              {t('mgrFloor.services.target')}
            </th>
            <th scope="col" className="num">
              {t('mgrFloor.services.level')}
            </th>
          </tr>
        </thead>
        <tbody>
          {floor.services.map((s) => {
            const longest = s.longestWaitSeconds === null ? null : durationWords(s.longestWaitSeconds);
            const over = s.longestWaitSeconds !== null && s.longestWaitSeconds > s.targetWaitMin * 60;
            return (
              <tr key={s.code} data-testid="floor-service" data-code={s.code}>
                <th scope="row">{s.name}</th>
                <td className="num" data-testid="floor-service-waiting">
                  {s.waiting}
                </td>
                <td className={over ? 'mgr-floor-over' : undefined}>
                  {longest && s.longestWaitTicket !== null
                    ? t('mgrFloor.services.longestTicket', {
                        ticket: s.longestWaitTicket,
                        duration: t(longest.key, longest.values),
                      })
                    : t('mgrFloor.hall.none')}
                </td>
                <td className="num">{t('mgrFloor.services.targetMinutes', { minutes: s.targetWaitMin })}</td>
                <td className="num">{s.serviceLevelPct === null ? t('mgrFloor.hall.none') : `${s.serviceLevelPct}%`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
