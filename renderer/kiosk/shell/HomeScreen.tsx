import { useTranslation } from 'react-i18next';
import { FLOWS, type FlowId } from '../flows/registry';
import { useKioskSession } from './session';

/** The eight large tiles, with the card holder greeted by their masked name. */
export function HomeScreen({ onOpen }: { onOpen: (flow: FlowId) => void }) {
  const { t } = useTranslation();
  const { citizen, endSession } = useKioskSession();
  return (
    <section className="home" aria-labelledby="home-greeting">
      <div className="citizen">
        {citizen && (
          // The card photo (WLT) needs a licensed decoder, which this build does not ship.
          <div className="photo-placeholder" role="img" aria-label={t('shell.photo')} />
        )}
        <h2 id="home-greeting" className="greeting" data-testid="citizen-name">
          {citizen ? t('shell.greeting', { name: citizen.maskedName }) : t('shell.guest')}
        </h2>
      </div>
      <div className="tiles home-tiles">
        {FLOWS.map((flow) => (
          <button key={flow.id} type="button" className="tile" data-flow={flow.id} onClick={() => onOpen(flow.id)}>
            <span className="tile-icon" aria-hidden="true">
              {flow.icon}
            </span>
            <span className="tile-title">{t(flow.title)}</span>
            <span className="tile-hint">{t(flow.hint)}</span>
          </button>
        ))}
      </div>
      <button type="button" className="secondary" onClick={() => void endSession()}>
        {t('shell.exit')}
      </button>
    </section>
  );
}
