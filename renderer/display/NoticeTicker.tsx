import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';

/**
 * 通知公告 along the bottom of the hall screen: every current notice, title and text, scrolling
 * slowly enough to read from across the hall. Refreshed by `notices.changed` (DisplayApp).
 */
export function NoticeTicker() {
  const api = useApi();
  const { t } = useTranslation();
  const notices = useQuery({ queryKey: ['notices'], queryFn: api.notices, refetchInterval: 5 * 60_000 });
  const list = notices.data?.notices ?? [];
  if (list.length === 0) return null;
  const text = list.map((n) => `【${n.title}】${n.body.replace(/\s+/g, ' ')}`).join('　　');
  // Roughly 5 characters a second, whatever the length: read comfortably from afar.
  const seconds = Math.max(20, Math.round(text.length / 5));
  return (
    <section className="hd-ticker" aria-labelledby="hd-ticker-title" data-testid="notice-ticker">
      <h2 id="hd-ticker-title">{t('displayUi.notices')}</h2>
      <div className="hd-ticker-track">
        <p style={{ animationDuration: `${seconds}s` }}>{text}</p>
      </div>
    </section>
  );
}
