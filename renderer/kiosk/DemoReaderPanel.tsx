import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';

/**
 * Shown only when the host runs a simulated ID card reader (the embedded demo):
 * lays an invented card on the simulator, which then speaks the real SAM bytes
 * to the reader driver. A real reader exposes no such route, so this hides.
 */
export function DemoReaderPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const cards = useQuery({ queryKey: ['simulated-cards'], queryFn: api.simulatedCards, retry: false });
  if (!cards.data) return null;
  return (
    <aside className="demo-panel" aria-label={t('kiosk.demoPanel')}>
      <span>{t('kiosk.demoPanel')}</span>
      {cards.data.cards.map((card) => (
        <button key={card.id} type="button" onClick={() => void api.placeSimulatedCard(card.id)}>
          {t('kiosk.demoPlace', { label: card.label })}
        </button>
      ))}
      <button type="button" onClick={() => void api.removeSimulatedCard()}>
        {t('kiosk.demoRemove')}
      </button>
    </aside>
  );
}
