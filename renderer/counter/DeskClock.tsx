import { useTranslation } from 'react-i18next';
import { useNow } from './use-desk-format';

/** Date and time in the hall's time zone, in the page's language (the shared Clock is Chinese only). */
export function DeskClock({ timeZone }: { timeZone: string }) {
  const { i18n } = useTranslation();
  const now = useNow(1_000);
  const text = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return <time className="cd-clock">{text}</time>;
}
