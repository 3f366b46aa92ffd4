import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityView } from '../../contracts/identity';
import type { Ticket } from '../../contracts/queue';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { Clock } from '../ui/Clock';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OfflineBanner } from '../ui/OfflineBanner';
import { DemoReaderPanel } from './DemoReaderPanel';
import { ServicePicker } from './ServicePicker';
import { TicketDone } from './TicketDone';

type Screen = { name: 'home' } | { name: 'services' } | { name: 'ticket'; ticket: Ticket; progressUrl: string };

/** The citizen's kiosk: card → take a number → ticket → back to the start, wiping the session. */
export function KioskApp() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [error, setError] = useState<string | null>(null);
  const health = useQuery({ queryKey: ['health'], queryFn: api.health });
  const identity = useQuery({ queryKey: ['identity'], queryFn: api.identity });

  const reset = useCallback(() => {
    setScreen({ name: 'home' });
    setError(null);
    queryClient.setQueryData(['identity'], { identity: null });
  }, [queryClient]);

  const connected = useHallEvents(
    (event) => {
      if (event.type === 'identity.read') void refreshAfterEvent(queryClient, ['identity']);
      if (event.type === 'identity.ended') reset();
      if (event.type === 'queue.counts') void refreshAfterEvent(queryClient, ['services']);
    },
    () => void refreshAfterEvent(queryClient),
  );

  const citizen: IdentityView | null = identity.data?.identity ?? null;

  const finish = async () => {
    reset();
    await api.endIdentity().catch(() => undefined);
  };

  const take = async (serviceCode: string) => {
    setError(null);
    try {
      const { ticket, progressUrl } = await api.issueTicket({ serviceCode, withIdentity: true });
      setScreen({ name: 'ticket', ticket, progressUrl });
    } catch (e) {
      const code = e instanceof ApiClientError ? e.code : 'generic';
      const known = ['no_identity', 'duplicate_ticket', 'daily_limit_reached', 'service_closed', 'slot_full', 'network'];
      setError(t(`kiosk.errors.${known.includes(code) ? code : 'generic'}`));
    }
  };

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <h1>{health.data?.hallName ?? t('hall.defaultName')}</h1>
        <Clock timeZone={health.data?.timeZone ?? 'Asia/Shanghai'} />
        <LanguageToggle />
      </header>
      <OfflineBanner connected={connected} />
      <main className="kiosk-main">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {screen.name === 'ticket' ? (
          <TicketDone
            ticket={screen.ticket}
            progressUrl={screen.progressUrl}
            onReprinted={(ticket, progressUrl) => setScreen({ name: 'ticket', ticket, progressUrl })}
            onFinish={() => void finish()}
          />
        ) : citizen === null ? (
          <section className="attract" aria-live="polite">
            <h2>{t('kiosk.welcome')}</h2>
            <div className="card-prompt">
              <span className="card-icon" aria-hidden="true" />
              <p>{t('kiosk.tapCard')}</p>
            </div>
          </section>
        ) : screen.name === 'services' ? (
          <ServicePicker onPick={(code) => void take(code)} onBack={() => setScreen({ name: 'home' })} />
        ) : (
          <section className="home">
            <div className="citizen">
              {/* The card photo (WLT) needs a licensed decoder, which this build does not ship. */}
              <div className="photo-placeholder" role="img" aria-label={t('kiosk.photoPlaceholder')} />
              <p className="greeting" data-testid="citizen-name">
                {t('kiosk.greeting', { name: citizen.maskedName })}
              </p>
            </div>
            <div className="tiles">
              <button type="button" className="tile" onClick={() => setScreen({ name: 'services' })}>
                <span className="tile-title">{t('kiosk.takeTicket')}</span>
                <span className="tile-hint">{t('kiosk.takeTicketHint')}</span>
              </button>
            </div>
            <button type="button" className="secondary" onClick={() => void finish()}>
              {t('kiosk.finish')}
            </button>
          </section>
        )}
      </main>
      <DemoReaderPanel />
    </div>
  );
}
