import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';

/** Seconds each notice stays before the next one slides in. */
const NOTICE_SECONDS = 12;

/**
 * What a passer-by sees: how to start (card or touch) and the hall's notices (通知公告),
 * one at a time. Touching anywhere starts; laying a card on the reader starts with it.
 */
export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const notices = useQuery({ queryKey: ['notices'], queryFn: api.notices, refetchInterval: 5 * 60_000 });
  const list = notices.data?.notices ?? [];
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (list.length < 2) return;
    const id = setInterval(() => setIndex((i) => (i + 1) % list.length), NOTICE_SECONDS * 1000);
    return () => clearInterval(id);
  }, [list.length]);
  const notice = list.length === 0 ? undefined : list[index % list.length];

  return (
    <section className="attract" data-testid="attract">
      <h2>{t('kiosk.welcome')}</h2>
      <button type="button" className="attract-start" onClick={onStart}>
        <span className="card-icon" aria-hidden="true" />
        <span className="attract-card">{t('kiosk.tapCard')}</span>
        <span className="attract-touch">{t('shell.touchToStart')}</span>
      </button>
      <p className="attract-hint">{t('shell.attractHint')}</p>
      <section className="notices" aria-labelledby="notices-title" data-testid="notices">
        <h3 id="notices-title">{t('shell.notices')}</h3>
        {notice ? (
          <article key={notice.id} className="notice" aria-live="polite">
            <h4>{notice.title}</h4>
            <p>{notice.body}</p>
            {list.length > 1 && (
              <p className="notice-count" aria-hidden="true">
                {`${(index % list.length) + 1} / ${list.length}`}
              </p>
            )}
          </article>
        ) : (
          <p className="notice-empty">{t('shell.noNotices')}</p>
        )}
      </section>
    </section>
  );
}
