import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../contracts/queue';
import { splitDuration } from './desk-logic';

/** The current time, re-read every `everyMs`: waiting and serving minutes move without any event. */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export interface DeskFormat {
  /** HH:mm in the hall's time zone (the browser may sit in another). */
  time(iso: string): string;
  minutes(count: number): string;
  /** An average from the statistics; a dash when there is none yet. */
  duration(seconds: number | null): string;
  /** A service's name in the page's language. */
  serviceName(code: string, fallback?: string): string;
}

export function useDeskFormat(timeZone: string, services: readonly Service[] | undefined): DeskFormat {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return {
      time: (iso) => clock.format(new Date(iso)),
      minutes: (count) => (count < 1 ? t('counterUi.duration.underMinute') : t('counterUi.duration.minutes', { count })),
      duration: (seconds) => {
        if (seconds === null) return t('counterUi.stats.none');
        const { m, s } = splitDuration(seconds);
        return m === 0 ? t('counterUi.duration.sec', { s }) : t('counterUi.duration.minSec', { m, s });
      },
      serviceName: (code, fallback) => {
        const service = services?.find((s) => s.code === code);
        if (!service) return fallback ?? code;
        return english ? service.nameEn : service.name;
      },
    };
  }, [english, timeZone, services, t]);
}
