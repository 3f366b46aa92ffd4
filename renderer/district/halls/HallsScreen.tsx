import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformHallOperations as hallOps, type Hall } from '../../../contracts/platform-halls';
import { DeskTable } from '../../manager/DeskTable';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from '../session';
import { HallCredentialsPanel } from './HallCredentialsPanel';

/**
 * 大厅: the district's registered halls (district centre first), and one hall's credentials at a
 * time, opened from its row. Every role reads them; a district admin issues, rotates and revokes
 * credentials (HallCredentialsPanel). Registering a hall or changing one (createHall, updateHall)
 * is not offered here yet: a district registers its tens of halls once.
 */
export default function HallsScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const halls = useQuery({ queryKey: [...DISTRICT_KEYS.all, 'halls'], queryFn: client.halls });
  const opened = halls.data?.halls.find((hall) => hall.hallId === open);

  return (
    <section className="dst-section" aria-labelledby="dst-halls-title">
      <h2 id="dst-halls-title">{t('dstHalls.title')}</h2>
      <p className="console-muted">{t('dstHalls.intro')}</p>
      {!session.may(hallOps.createHallCredential) && <p className="console-notice">{t('dstHalls.adminsOnly')}</p>}
      {halls.error && (
        <p className="error" role="alert">
          {session.describeError(halls.error)}
        </p>
      )}
      {halls.data && (
        <DeskTable<Hall>
          testId="dst-halls"
          rows={halls.data.halls}
          rowKey={(hall) => hall.hallId}
          rowAttributes={(hall) => ({
            'data-hall': hall.hallId,
            ...(hall.hallId === open ? { 'aria-current': 'true' as const } : {}),
          })}
          empty={t('dstHalls.none')}
          columns={[
            { header: t('dstHalls.columns.name'), rowHeader: true, cell: (hall) => hall.name },
            { header: t('dstHalls.columns.hallId'), cell: (hall) => hall.hallId },
            { header: t('dstHalls.columns.level'), cell: (hall) => t(`dstHalls.levels.${hall.level}`) },
            { header: t('dstHalls.columns.address'), cell: (hall) => hall.address },
            { header: t('dstHalls.columns.windows'), num: true, cell: (hall) => hall.windows },
            {
              header: t('dstHalls.columns.active'),
              cell: (hall) =>
                hall.active ? (
                  <span className="console-badge tone-ok">{t('dstHalls.active')}</span>
                ) : (
                  <span className="console-badge">{t('dstHalls.inactive')}</span>
                ),
            },
            {
              header: t('dstHalls.columns.credentials'),
              cell: (hall) => (
                <button
                  type="button"
                  className="console-button"
                  aria-label={t('dstHalls.openOf', { hall: hall.name })}
                  aria-pressed={hall.hallId === open}
                  onClick={() => setOpen(hall.hallId)}
                >
                  {t('dstHalls.open')}
                </button>
              ),
            },
          ]}
        />
      )}
      {/* Keyed by hall: another hall's panel starts afresh, with no token of the one before on it. */}
      {opened && <HallCredentialsPanel key={opened.hallId} hall={opened} onClose={() => setOpen(null)} />}
    </section>
  );
}
