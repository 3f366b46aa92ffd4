import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../contracts/queue';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { useHallEvents } from '../api/use-hall-events';
import { OfflineBanner } from '../ui/OfflineBanner';

/** A staff window: pick the window, call the next citizen. */
export function CounterApp() {
  const api = useApi();
  const { t } = useTranslation();
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  const [windowId, setWindowId] = useState<number | null>(null);
  const [current, setCurrent] = useState<Call | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const connected = useHallEvents(
    (event) => {
      if (event.type === 'queue.counts') void services.refetch();
    },
    () => void services.refetch(),
  );

  const selected = windows.data?.windows.find((w) => w.id === windowId) ?? windows.data?.windows[0];
  const waitingFor = (code: string) => services.data?.services.find((s) => s.code === code);

  const callNext = async () => {
    if (!selected) return;
    setMessage(null);
    try {
      setCurrent((await api.callNext(selected.id)).call);
    } catch (e) {
      setMessage(e instanceof ApiClientError && e.code === 'queue_empty' ? t('counter.queueEmpty') : String(e));
    }
  };

  return (
    <div className="counter">
      <OfflineBanner connected={connected} />
      <header className="counter-header">
        <h1>{t('counter.title')}</h1>
        <label>
          {t('counter.chooseWindow')}{' '}
          <select
            value={selected?.id ?? ''}
            onChange={(e) => {
              setWindowId(Number(e.target.value));
              setCurrent(null);
            }}
          >
            {windows.data?.windows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.number} · {w.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main className="counter-main">
        <section className="counter-current">
          <p>{t('counter.current')}</p>
          <p className="counter-number" data-testid="current-number">
            {current?.ticketNumber ?? t('counter.none')}
          </p>
          {current && <p>{current.serviceName}</p>}
          <button type="button" className="primary" onClick={() => void callNext()} aria-keyshortcuts="F1">
            {t('counter.callNext')}
          </button>
          {message && <p role="status">{message}</p>}
        </section>
        <section className="counter-services">
          <h2>{t('counter.services')}</h2>
          <ul>
            {selected?.services.map((code) => {
              const s = waitingFor(code);
              return (
                <li key={code}>
                  {s?.name ?? code}: {t('kiosk.waiting', { count: s?.waiting ?? 0 })}
                </li>
              );
            })}
          </ul>
        </section>
      </main>
    </div>
  );
}
