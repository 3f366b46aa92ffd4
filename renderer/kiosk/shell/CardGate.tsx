import { useTranslation } from 'react-i18next';
import type { CardNeed } from '../flows/flow-info';

/**
 * Stands in front of a flow until the citizen's card is read (the identity.read event moves on
 * by itself), or, for flows that work without one, until they choose to go on without it.
 */
export function CardGate({ need, onWithoutCard }: { need: CardNeed; onWithoutCard: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card-gate" aria-labelledby="card-gate-title">
      <h2 id="card-gate-title">{t('shell.cardNeeded')}</h2>
      <div className="card-prompt">
        <span className="card-icon" aria-hidden="true" />
        <p>{t('shell.cardNeededHint')}</p>
      </div>
      {need === 'optional' && (
        <button type="button" className="secondary big" onClick={onWithoutCard}>
          {t('shell.withoutCard')}
        </button>
      )}
    </section>
  );
}
